#include "crypto/secp256k1.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "base/keccak.hpp"

namespace paraevm {
namespace {

// One context for the process: libsecp256k1 contexts are safe to share between threads for
// verification, recovery and signing once created.
const secp256k1_context* context() {
  static const secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
  return ctx;
}

Address address_of(const secp256k1_pubkey& pubkey) {
  uint8_t serialized[65];
  size_t len = sizeof(serialized);
  secp256k1_ec_pubkey_serialize(context(), serialized, &len, &pubkey, SECP256K1_EC_UNCOMPRESSED);
  Hash h = keccak256(BytesView(serialized + 1, 64));
  return Address::from_view(h.view());
}

}  // namespace

std::optional<Address> ecrecover(const Hash& message, const U256& r, const U256& s, uint8_t recovery_id) {
  if (recovery_id > 1 || r.is_zero() || s.is_zero() || r >= kSecp256k1N || s >= kSecp256k1N)
    return std::nullopt;
  uint8_t compact[64];
  r.to_be(compact);
  s.to_be(compact + 32);
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &sig, compact, recovery_id))
    return std::nullopt;
  secp256k1_pubkey pubkey;
  if (!secp256k1_ecdsa_recover(context(), &pubkey, &sig, message.data())) return std::nullopt;
  return address_of(pubkey);
}

std::optional<Address> address_from_private_key(const Bytes32& private_key) {
  secp256k1_pubkey pubkey;
  if (!secp256k1_ec_pubkey_create(context(), &pubkey, private_key.data())) return std::nullopt;
  return address_of(pubkey);
}

std::optional<Signature> sign(const Hash& message, const Bytes32& private_key) {
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_sign_recoverable(context(), &sig, message.data(), private_key.data(), nullptr, nullptr))
    return std::nullopt;
  uint8_t compact[64];
  int recid = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact, &recid, &sig);
  Signature out;
  out.r = U256::from_be(BytesView(compact, 32));
  out.s = U256::from_be(BytesView(compact + 32, 32));
  out.recovery_id = static_cast<uint8_t>(recid);
  return out;
}

}  // namespace paraevm
