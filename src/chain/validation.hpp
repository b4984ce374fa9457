// Transaction validity against the state and the block, before anything is charged. Each
// failure class has a code named as execution-spec-tests name the exception
// (`TransactionException.<NAME>`).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "chain/transaction.hpp"
#include "evm/revision.hpp"
#include "state/state_view.hpp"

namespace paraevm {

struct BlockEnv;

enum class TxError : uint8_t {
  TypeNotSupported,                  // TYPE_n_TX_PRE_FORK (name depends on the type)
  NonceMismatchTooLow,               // NONCE_MISMATCH_TOO_LOW
  NonceMismatchTooHigh,              // NONCE_MISMATCH_TOO_HIGH
  NonceIsMax,                        // NONCE_IS_MAX (EIP-2681)
  IntrinsicGasTooLow,                // INTRINSIC_GAS_TOO_LOW
  IntrinsicGasBelowFloorGasCost,     // INTRINSIC_GAS_BELOW_FLOOR_GAS_COST (EIP-7623)
  InsufficientAccountFunds,          // INSUFFICIENT_ACCOUNT_FUNDS
  GasLimitPriceProductOverflow,      // GASLIMIT_PRICE_PRODUCT_OVERFLOW
  InsufficientMaxFeePerGas,          // INSUFFICIENT_MAX_FEE_PER_GAS
  PriorityGreaterThanMaxFeePerGas,   // PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS
  SenderNotEoa,                      // SENDER_NOT_EOA (EIP-3607)
  GasAllowanceExceeded,              // GAS_ALLOWANCE_EXCEEDED (block gas left)
  GasLimitExceedsMaximum,            // GAS_LIMIT_EXCEEDS_MAXIMUM (EIP-7825)
  InitcodeSizeExceeded,              // INITCODE_SIZE_EXCEEDED (EIP-3860)
  Type3TxContractCreation,           // TYPE_3_TX_CONTRACT_CREATION
  Type3TxZeroBlobs,                  // TYPE_3_TX_ZERO_BLOBS
  Type3TxInvalidBlobVersionedHash,   // TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH
  Type3TxBlobCountExceeded,          // TYPE_3_TX_BLOB_COUNT_EXCEEDED (EIP-7594 per-tx limit)
  Type3TxMaxBlobGasAllowanceExceeded,  // TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED (per block)
  InsufficientMaxFeePerBlobGas,      // INSUFFICIENT_MAX_FEE_PER_BLOB_GAS
  Type4TxContractCreation,           // TYPE_4_TX_CONTRACT_CREATION
  Type4EmptyAuthorizationList,       // TYPE_4_EMPTY_AUTHORIZATION_LIST
};

/// The EEST exception name without the "TransactionException." prefix. For TypeNotSupported
/// the name depends on the transaction type: use tx_error_name(err, type).
std::string_view tx_error_name(TxError err, TxType type = TxType::Legacy);

/// Gas a block still offers its next transactions.
struct BlockGasLeft {
  uint64_t gas = UINT64_MAX;       // block gas limit minus gas used so far
  uint64_t blob_gas = UINT64_MAX;  // max blob gas per block minus blob gas used so far
};

/// Checks that need no state: type allowed in the revision, gas limit caps, fee caps against
/// the block's base fees, intrinsic gas and floor, init-code size, blob and authorization-list
/// rules. `gas_left` bounds the gas (and blob gas) limit.
std::optional<TxError> validate_static(const Transaction& tx, Revision rev, const BlockEnv& block,
                                       const BlockGasLeft& gas_left);

/// Checks against the sender's account (nullopt: absent): EIP-3607 code rule (delegation
/// designators allowed from Prague), nonce, and balance >= gas_limit * max_fee + value
/// (+ blob gas * max_fee_per_blob_gas). `sender_code` is the sender's code (may be empty).
std::optional<TxError> validate_against_sender(const Transaction& tx, Revision rev,
                                               const std::optional<AccountInfo>& sender,
                                               BytesView sender_code);

}  // namespace paraevm
