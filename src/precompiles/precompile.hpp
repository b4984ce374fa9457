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

/// Runs the precompile at `addr` (precondition: is_precompile). Charges its gas against
/// `gas_limit`; insufficient gas or invalid input give success = false.
PrecompileResult run_precompile(Revision rev, const Address& addr, BytesView input,
                                int64_t gas_limit);

}  // namespace paraevm
