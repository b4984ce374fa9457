// Transaction sender recovery: signature validity per revision (EIP-2 low s from Homestead,
// EIP-155 replay protection from Spurious Dragon, chain id of typed transactions) and public-key
// recovery. Also the EIP-7702 authority of an authorization tuple.
#pragma once

#include <optional>
#include <string_view>

#include "chain/transaction.hpp"
#include "evm/revision.hpp"

namespace paraevm {

enum class SenderError : uint8_t {
  InvalidSignature,  // v / y_parity, r or s out of range (INVALID_SIGNATURE_VRS)
  InvalidChainId,    // EIP-155 or typed chain id differs from the chain's (INVALID_CHAINID)
  RecoveryFailed,    // no public key for the signature (EC_RECOVERY_FAIL)
};

/// The EEST exception name of `err` without the "TransactionException." prefix.
std::string_view sender_error_name(SenderError err);

struct SenderResult {
  std::optional<Address> sender;
  SenderError error = SenderError::InvalidSignature;  // meaningful when !sender

  bool ok() const { return sender.has_value(); }
};

/// Checks the signature of `tx` under `rev`'s rules for chain `chain_id` and recovers the sender:
///  - legacy: v is 27/28, or from Spurious Dragon chain_id * 2 + 35/36 with the chain's id;
///  - typed: the transaction's chain id is the chain's, y_parity 0 or 1;
///  - 0 < r, s < n, and from Homestead s <= n / 2 (EIP-2).
/// Does not check whether the type is allowed in `rev` (chain/validation.hpp does).
SenderResult recover_sender(const Transaction& tx, Revision rev, const U256& chain_id);

/// The EIP-7702 authority that signed `auth`, or nullopt when the signature is invalid
/// (y_parity not 0/1, r or s out of range, s > n / 2, or recovery fails). The chain id and
/// nonce rules are the caller's (they depend on state).
std::optional<Address> recover_authority(const Authorization& auth);

}  // namespace paraevm
