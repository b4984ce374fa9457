// Inline versions of the hottest 256-bit operations for the interpreter loop. base/uint256.hpp
// defines the same operations out of line; these are header-only so that the dispatch loop
// inlines them (the difference is a call per executed instruction).
#pragma once

#include <cstdint>
#include <cstring>

#include "base/uint256.hpp"

namespace paraevm::fast {

using u128 = unsigned __int128;

inline U256 add(const U256& a, const U256& b) {
  U256 r;
  u128 t = static_cast<u128>(a.limb[0]) + b.limb[0];
  r.limb[0] = static_cast<uint64_t>(t);
  t = static_cast<u128>(a.limb[1]) + b.limb[1] + static_cast<uint64_t>(t >> 64);
  r.limb[1] = static_cast<uint64_t>(t);
  t = static_cast<u128>(a.limb[2]) + b.limb[2] + static_cast<uint64_t>(t >> 64);
  r.limb[2] = static_cast<uint64_t>(t);
  r.limb[3] = a.limb[3] + b.limb[3] + static_cast<uint64_t>(t >> 64);
  return r;
}

inline U256 sub(const U256& a, const U256& b) {
  U256 r;
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    u128 t = static_cast<u128>(a.limb[i]) - b.limb[i] - borrow;
    r.limb[i] = static_cast<uint64_t>(t);
    borrow = static_cast<uint64_t>(t >> 64) & 1;
  }
  return r;
}

/// Product modulo 2^256 (schoolbook, upper half dropped).
inline U256 mul(const U256& a, const U256& b) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; i + j < 4; ++j) {
      u128 p = static_cast<u128>(a.limb[i]) * b.limb[j] + r.limb[i + j] + carry;
      r.limb[i + j] = static_cast<uint64_t>(p);
      carry = static_cast<uint64_t>(p >> 64);
    }
  }
  return r;
}

inline bool lt(const U256& a, const U256& b) {
  if (a.limb[3] != b.limb[3]) return a.limb[3] < b.limb[3];
  if (a.limb[2] != b.limb[2]) return a.limb[2] < b.limb[2];
  if (a.limb[1] != b.limb[1]) return a.limb[1] < b.limb[1];
  return a.limb[0] < b.limb[0];
}

inline bool slt(const U256& a, const U256& b) {
  bool na = (a.limb[3] >> 63) != 0, nb = (b.limb[3] >> 63) != 0;
  return na != nb ? na : lt(a, b);
}

inline bool eq(const U256& a, const U256& b) {
  return ((a.limb[0] ^ b.limb[0]) | (a.limb[1] ^ b.limb[1]) | (a.limb[2] ^ b.limb[2]) |
          (a.limb[3] ^ b.limb[3])) == 0;
}

inline U256 bit_and(const U256& a, const U256& b) {
  return {a.limb[0] & b.limb[0], a.limb[1] & b.limb[1], a.limb[2] & b.limb[2],
          a.limb[3] & b.limb[3]};
}
inline U256 bit_or(const U256& a, const U256& b) {
  return {a.limb[0] | b.limb[0], a.limb[1] | b.limb[1], a.limb[2] | b.limb[2],
          a.limb[3] | b.limb[3]};
}
inline U256 bit_xor(const U256& a, const U256& b) {
  return {a.limb[0] ^ b.limb[0], a.limb[1] ^ b.limb[1], a.limb[2] ^ b.limb[2],
          a.limb[3] ^ b.limb[3]};
}
inline U256 bit_not(const U256& a) { return {~a.limb[0], ~a.limb[1], ~a.limb[2], ~a.limb[3]}; }

/// Left shift by `shift` bits; shifts of 256 or more give zero. Branch-free over a zero-padded
/// limb array (the `(v >> 1) >> (63 - b)` form is defined for b == 0).
inline U256 shl(const U256& x, const U256& shift) {
  if (!shift.fits_u64() || shift.limb[0] >= 256) return {};
  const unsigned w = static_cast<unsigned>(shift.limb[0] / 64), b = shift.limb[0] % 64;
  const uint64_t t[8] = {0, 0, 0, 0, x.limb[0], x.limb[1], x.limb[2], x.limb[3]};
  const uint64_t* p = t + 4 - w;  // p[i] = limb i - w, zero below limb 0
  return {p[0] << b, (p[1] << b) | ((p[0] >> 1) >> (63 - b)),
          (p[2] << b) | ((p[1] >> 1) >> (63 - b)), (p[3] << b) | ((p[2] >> 1) >> (63 - b))};
}

/// Logical right shift by `shift` bits; shifts of 256 or more give zero.
inline U256 shr(const U256& x, const U256& shift) {
  if (!shift.fits_u64() || shift.limb[0] >= 256) return {};
  const unsigned w = static_cast<unsigned>(shift.limb[0] / 64), b = shift.limb[0] % 64;
  const uint64_t t[8] = {x.limb[0], x.limb[1], x.limb[2], x.limb[3], 0, 0, 0, 0};
  const uint64_t* p = t + w;  // p[i] = limb i + w, zero above limb 3
  return {(p[0] >> b) | ((p[1] << 1) << (63 - b)), (p[1] >> b) | ((p[2] << 1) << (63 - b)),
          (p[2] >> b) | ((p[3] << 1) << (63 - b)), p[3] >> b};
}

/// Arithmetic right shift (EVM SAR).
inline U256 sar(const U256& x, const U256& shift) {
  bool neg = (x.limb[3] >> 63) != 0;
  if (!neg) return fast::shr(x, shift);
  // sar(x) == ~shr(~x) for negative x.
  return bit_not(fast::shr(bit_not(x), shift));
}

/// EVM BYTE: byte `index` of x counting from the most significant.
inline U256 byte_at(const U256& index, const U256& x) {
  if (!index.fits_u64() || index.limb[0] >= 32) return {};
  unsigned i = 31 - static_cast<unsigned>(index.limb[0]);  // little-endian byte number
  return U256{(x.limb[i / 8] >> (8 * (i % 8))) & 0xff};
}

/// Loads `n` (1..32) big-endian bytes; the bytes past the code end are readable padding.
inline U256 load_be(const uint8_t* p, unsigned n) {
  uint8_t buf[32] = {};
  std::memcpy(buf + (32 - n), p, n);
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t v;
    std::memcpy(&v, buf + 8 * (3 - i), 8);
    r.limb[i] = __builtin_bswap64(v);
  }
  return r;
}

/// Loads 32 big-endian bytes.
inline U256 load_be32(const uint8_t* p) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t v;
    std::memcpy(&v, p + 8 * (3 - i), 8);
    r.limb[i] = __builtin_bswap64(v);
  }
  return r;
}

/// Stores 32 big-endian bytes.
inline void store_be32(uint8_t* p, const U256& x) {
  for (int i = 0; i < 4; ++i) {
    uint64_t v = __builtin_bswap64(x.limb[i]);
    std::memcpy(p + 8 * (3 - i), &v, 8);
  }
}

/// An Address as a stack word (right-aligned).
inline U256 from_address(const Address& a) {
  uint8_t buf[32] = {};
  std::memcpy(buf + 12, a.data(), 20);
  return load_be32(buf);
}

/// The low 20 bytes of a stack word as an Address.
inline Address to_address(const U256& x) {
  uint8_t buf[32];
  store_be32(buf, x);
  Address a;
  std::memcpy(a.data(), buf + 12, 20);
  return a;
}

inline U256 from_hash(const Hash& h) { return load_be32(h.data()); }

}  // namespace paraevm::fast
