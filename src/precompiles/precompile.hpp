// Precompiled contracts: which exist in a revision and how to run one.
#pragma once

#include <cstdint>

#include "base/bytes.hpp"
#include "evm/revision.hpp"

namespace paraevm {

struct PrecompileResult {
  /// false: the call fails and consumes all the gas it was given.
  bool success = false;
  int64_t gas_left = 0;
  Bytes output;
};

/// Whether `addr` is a precompiled contract in `rev` (its table is in registry.cpp).
bool is_precompile(Revision rev, const Address& addr);

/// The precompiles of `rev` as EIP-2929 warms them: 0x01..0x`consecutive` (those from 0x01 on
/// without a gap) and whether 0x0100 (P-256, Osaka) is one.
struct WarmPrecompiles {
  uint8_t consecutive = 0;
  bool p256 = false;
};
WarmPrecompiles warm_precompiles(Revision rev);

/// Runs the precompile at `addr` (precondition: is_precompile). Charges its gas against
/// `gas_limit`; insufficient gas or invalid input give success = false.
PrecompileResult run_precompile(Revision rev, const Address& addr, BytesView input,
                                int64_t gas_limit);

}  // namespace paraevm
