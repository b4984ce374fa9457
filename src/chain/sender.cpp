#include "chain/sender.hpp"

#include "chain/transaction_codec.hpp"
#include "crypto/secp256k1.hpp"

namespace paraevm {
namespace {

bool valid_rs(const U256& r, const U256& s, bool low_s) {
  if (r.is_zero() || s.is_zero() || r >= kSecp256k1N || s >= kSecp256k1N) return false;
  return !low_s || s <= kSecp256k1HalfN;
}

// The recovery id of a legacy signature, or an error. Writes nothing on error.
std::optional<SenderError> legacy_recovery_id(const Transaction& tx, Revision rev,
                                              const U256& chain_id, uint8_t& recid) {
  if (tx.v == U256{27} || tx.v == U256{28}) {
    recid = static_cast<uint8_t>(tx.v.low64() - 27);
    return std::nullopt;
  }
  // EIP-155 protection is recognised from Spurious Dragon; before, any other v is invalid.
  if (!at_least(rev, Revision::SpuriousDragon)) return SenderError::InvalidSignature;
  if (tx.v < U256{35} || !tx.chain_id || *tx.chain_id != chain_id)
    return SenderError::InvalidChainId;
  recid = static_cast<uint8_t>((tx.v - U256{35}).low64() & 1);
  return std::nullopt;
}

}  // namespace

std::string_view sender_error_name(SenderError err) {
  switch (err) {
    case SenderError::InvalidSignature:
      return "INVALID_SIGNATURE_VRS";
    case SenderError::InvalidChainId:
      return "INVALID_CHAINID";
    case SenderError::RecoveryFailed:
      return "EC_RECOVERY_FAIL";
  }
  return "UNKNOWN";
}

SenderResult recover_sender(const Transaction& tx, Revision rev, const U256& chain_id) {
  uint8_t recid = 0;
  if (tx.type == TxType::Legacy) {
    if (auto err = legacy_recovery_id(tx, rev, chain_id, recid)) return {std::nullopt, *err};
  } else {
    if (tx.v > U256{1}) return {std::nullopt, SenderError::InvalidSignature};
    if (!tx.chain_id || *tx.chain_id != chain_id) return {std::nullopt, SenderError::InvalidChainId};
    recid = static_cast<uint8_t>(tx.v.low64());
  }
  if (!valid_rs(tx.r, tx.s, at_least(rev, Revision::Homestead)))
    return {std::nullopt, SenderError::InvalidSignature};
  auto sender = ecrecover(signing_hash(tx), tx.r, tx.s, recid);
  if (!sender) return {std::nullopt, SenderError::RecoveryFailed};
  return {sender, SenderError::InvalidSignature};
}

std::optional<Address> recover_authority(const Authorization& auth) {
  if (auth.y_parity > U256{1} || !valid_rs(auth.r, auth.s, true)) return std::nullopt;
  return ecrecover(authorization_signing_hash(auth), auth.r, auth.s,
                   static_cast<uint8_t>(auth.y_parity.low64()));
}

}  // namespace paraevm
