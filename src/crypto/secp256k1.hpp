// secp256k1 public-key recovery (libsecp256k1), used by ECRECOVER and transaction senders.
#pragma once

#include <optional>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm {

/// Recovers the signer's address from a 32-byte message hash and signature (r, s, recovery id
/// 0 or 1). Returns nullopt when r or s is zero or not below the curve order, or recovery fails.
/// Does not apply the EIP-2 low-s rule: callers that need it check s themselves.
std::optional<Address> ecrecover(const Hash& message, const U256& r, const U256& s, uint8_t recovery_id);

/// Address of a private key's public key (for tests and workload generation).
std::optional<Address> address_from_private_key(const Bytes32& private_key);

/// Compact (r, s, recovery id) signature of a 32-byte hash, RFC 6979 deterministic nonce.
struct Signature {
  U256 r, s;
  uint8_t recovery_id = 0;
};
std::optional<Signature> sign(const Hash& message, const Bytes32& private_key);

/// secp256k1 group order n, and n / 2 (EIP-2 upper bound for s).
inline constexpr U256 kSecp256k1N{0xBFD25E8CD0364141ULL, 0xBAAEDCE6AF48A03BULL, 0xFFFFFFFFFFFFFFFEULL,
                                  0xFFFFFFFFFFFFFFFFULL};
inline constexpr U256 kSecp256k1HalfN{0xDFE92F46681B20A0ULL, 0x5D576E7357A4501DULL, 0xFFFFFFFFFFFFFFFFULL,
                                      0x7FFFFFFFFFFFFFFFULL};

}  // namespace paraevm
