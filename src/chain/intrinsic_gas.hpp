// Intrinsic gas of a transaction: what it costs before any code runs, per revision. Also the
// EIP-7623 calldata floor (Prague): the least gas a transaction may be charged in total.
#pragma once

#include <cstdint>

#include "chain/transaction.hpp"
#include "evm/revision.hpp"

namespace paraevm {

/// The per-revision constants that make up intrinsic gas. Zero means "not charged in this revision".
struct IntrinsicGasSchedule {
  uint64_t tx = 21000;
  uint64_t create = 0;               // extra for contract creation (EIP-2, Homestead)
  uint64_t data_zero = 4;            // per zero calldata byte
  uint64_t data_nonzero = 68;        // per non-zero calldata byte (EIP-2028: 16)
  uint64_t access_list_address = 0;  // EIP-2930
  uint64_t access_list_key = 0;      // EIP-2930
  uint64_t initcode_word = 0;        // per 32-byte word of creation calldata (EIP-3860)
  uint64_t authorization = 0;        // per EIP-7702 authorization tuple (PER_EMPTY_ACCOUNT_COST)
  uint64_t floor_per_token = 0;      // EIP-7623; tokens = zero bytes + 4 * non-zero bytes
};

/// The schedule in force in `rev`.
const IntrinsicGasSchedule& intrinsic_gas_schedule(Revision rev);

struct IntrinsicGas {
  /// Charged up front; the gas limit must cover it.
  uint64_t cost = 0;
  /// EIP-7623 minimum total gas (21000 + 10 per calldata token); 0 before Prague. The gas limit
  /// must cover it too, and gas used is raised to it after execution.
  uint64_t floor = 0;
};

/// Intrinsic gas and calldata floor of `tx` under `rev`. Never overflows: calldata is bounded by
/// memory and each term is at most a few hundred thousand gas per byte of encoding.
IntrinsicGas intrinsic_gas(Revision rev, const Transaction& tx);

/// Calldata tokens (EIP-7623): zero bytes count 1, non-zero bytes 4.
uint64_t calldata_tokens(BytesView data);

}  // namespace paraevm
