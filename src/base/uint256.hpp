// 256-bit unsigned integer: four 64-bit limbs, little-endian limb order (limb[0] least significant).
// Arithmetic wraps modulo 2^256 as the EVM requires. Signed EVM operations interpret the value as
// two's complement. Hot paths (add, sub, compare, bitwise, shifts, mul) are inline so that the
// interpreter inlines them; division and the modular operations live in uint256.cpp.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace paraevm {

struct U256 {
  uint64_t limb[4]{0, 0, 0, 0};

  constexpr U256() = default;
  constexpr U256(uint64_t v) : limb{v, 0, 0, 0} {}  // NOLINT: implicit from small integers is intended
  constexpr U256(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3) : limb{l0, l1, l2, l3} {}

  static constexpr U256 max() { return {~0ULL, ~0ULL, ~0ULL, ~0ULL}; }

  /// Big-endian bytes, at most 32 (shorter input is left-padded with zeros; longer input keeps its
  /// last 32 bytes, like the EVM's truncation to a word).
  static U256 from_be(BytesView in);
  static U256 from_be(const Bytes32& in) { return from_be(in.view()); }
  /// Writes 32 big-endian bytes.
  void to_be(uint8_t* out32) const;
  Bytes32 to_be32() const {
    Bytes32 out;
    to_be(out.data());
    return out;
  }
  /// Parses "0x..." hex (any length up to 64 digits, "0x" alone is zero) or a decimal string.
  /// Returns nullopt on bad digits or overflow.
  static std::optional<U256> from_string(std::string_view s);
  /// Minimal lower-case hex with 0x prefix ("0x0" for zero).
  std::string to_hex() const;
  /// Decimal representation.
  std::string to_dec() const;

  constexpr bool is_zero() const { return (limb[0] | limb[1] | limb[2] | limb[3]) == 0; }
  constexpr explicit operator bool() const { return !is_zero(); }
  constexpr bool fits_u64() const { return (limb[1] | limb[2] | limb[3]) == 0; }
  constexpr uint64_t low64() const { return limb[0]; }
  /// Number of significant bits (0 for zero).
  unsigned bit_width() const;
  /// Number of significant bytes (0 for zero).
  unsigned byte_width() const { return (bit_width() + 7) / 8; }
  /// Count of leading zero bits (256 for zero).
  unsigned count_leading_zeros() const { return 256 - bit_width(); }

  friend constexpr bool operator==(const U256& a, const U256& b) = default;
  friend std::strong_ordering operator<=>(const U256& a, const U256& b) {
    for (int i = 3; i >= 0; --i)
      if (a.limb[i] != b.limb[i]) return a.limb[i] <=> b.limb[i];
    return std::strong_ordering::equal;
  }
};

namespace u256_detail {

using uint128 = unsigned __int128;

/// a + b + carry_in; carry_out in `carry` (0 or 1). The target builtins make the compiler emit
/// an add-with-carry chain (GCC 12 turns the portable version into setc/or sequences).
inline uint64_t addc(uint64_t a, uint64_t b, uint64_t& carry) {
#if defined(__clang__)
  unsigned long long c;
  const uint64_t s = __builtin_addcll(a, b, carry, &c);
  carry = c;
  return s;
#elif defined(__x86_64__)
  unsigned long long s;
  carry = __builtin_ia32_addcarryx_u64(static_cast<unsigned char>(carry), a, b, &s);
  return s;
#else
  uint64_t s;
  const uint64_t c1 = __builtin_add_overflow(a, b, &s);
  const uint64_t c2 = __builtin_add_overflow(s, carry, &s);
  carry = c1 | c2;
  return s;
#endif
}

/// a - b - borrow_in; borrow_out in `borrow` (0 or 1).
inline uint64_t subb(uint64_t a, uint64_t b, uint64_t& borrow) {
#if defined(__clang__)
  unsigned long long c;
  const uint64_t d = __builtin_subcll(a, b, borrow, &c);
  borrow = c;
  return d;
#elif defined(__x86_64__)
  unsigned long long d;
  borrow = __builtin_ia32_sbb_u64(static_cast<unsigned char>(borrow), a, b, &d);
  return d;
#else
  uint64_t d;
  const uint64_t b1 = __builtin_sub_overflow(a, b, &d);
  const uint64_t b2 = __builtin_sub_overflow(d, borrow, &d);
  borrow = b1 | b2;
  return d;
#endif
}

/// Full 64x64 -> 128 product.
inline uint128 mul_wide(uint64_t a, uint64_t b) { return uint128{a} * b; }

}  // namespace u256_detail

// ---- wrapping arithmetic ----

// The operations below compute limbs into scalars and build the result from them. Writing the
// limbs of a local U256 one by one and then copying it makes GCC reload them as 16-byte vectors,
// which stalls on store-to-load forwarding (measured: half the cost of a 1-limb division).

/// Addition reporting the carry out (for balance overflow checks).
inline U256 add_with_carry(const U256& a, const U256& b, bool& carry) {
  uint64_t c = 0;
  const uint64_t s0 = u256_detail::addc(a.limb[0], b.limb[0], c);
  const uint64_t s1 = u256_detail::addc(a.limb[1], b.limb[1], c);
  const uint64_t s2 = u256_detail::addc(a.limb[2], b.limb[2], c);
  const uint64_t s3 = u256_detail::addc(a.limb[3], b.limb[3], c);
  carry = c != 0;
  return {s0, s1, s2, s3};
}

/// Subtraction reporting the borrow out (for balance underflow checks).
inline U256 sub_with_borrow(const U256& a, const U256& b, bool& borrow) {
  uint64_t c = 0;
  const uint64_t d0 = u256_detail::subb(a.limb[0], b.limb[0], c);
  const uint64_t d1 = u256_detail::subb(a.limb[1], b.limb[1], c);
  const uint64_t d2 = u256_detail::subb(a.limb[2], b.limb[2], c);
  const uint64_t d3 = u256_detail::subb(a.limb[3], b.limb[3], c);
  borrow = c != 0;
  return {d0, d1, d2, d3};
}

inline U256 operator+(const U256& a, const U256& b) {
  bool carry;
  return add_with_carry(a, b, carry);
}

inline U256 operator-(const U256& a, const U256& b) {
  bool borrow;
  return sub_with_borrow(a, b, borrow);
}

/// Truncated schoolbook product: only the 10 partial products below 2^256 are formed, and only
/// the 6 that reach past limb 3 need their high halves.
inline U256 operator*(const U256& a, const U256& b) {
  using u256_detail::mul_wide;
  using u256_detail::uint128;
  const uint64_t a0 = a.limb[0], a1 = a.limb[1], a2 = a.limb[2], a3 = a.limb[3];
  const uint64_t b0 = b.limb[0], b1 = b.limb[1], b2 = b.limb[2], b3 = b.limb[3];
  // Each step is at most (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1: no overflow.
  uint128 t = mul_wide(a0, b0);
  const uint64_t r0 = static_cast<uint64_t>(t);
  t = mul_wide(a0, b1) + static_cast<uint64_t>(t >> 64);
  uint64_t r1 = static_cast<uint64_t>(t);
  t = mul_wide(a0, b2) + static_cast<uint64_t>(t >> 64);
  uint64_t r2 = static_cast<uint64_t>(t);
  uint64_t r3 = a0 * b3 + static_cast<uint64_t>(t >> 64);
  t = mul_wide(a1, b0) + r1;
  r1 = static_cast<uint64_t>(t);
  t = mul_wide(a1, b1) + r2 + static_cast<uint64_t>(t >> 64);
  r2 = static_cast<uint64_t>(t);
  r3 += a1 * b2 + static_cast<uint64_t>(t >> 64);
  t = mul_wide(a2, b0) + r2;
  r2 = static_cast<uint64_t>(t);
  r3 += a2 * b1 + static_cast<uint64_t>(t >> 64) + a3 * b0;
  return {r0, r1, r2, r3};
}

/// Unsigned division; division by zero yields zero (EVM semantics).
U256 operator/(const U256& a, const U256& b);
/// Unsigned remainder; modulo zero yields zero (EVM semantics).
U256 operator%(const U256& a, const U256& b);

/// Two's complement negation.
inline U256 operator-(const U256& a) { return U256{} - a; }
inline U256 operator~(const U256& a) { return {~a.limb[0], ~a.limb[1], ~a.limb[2], ~a.limb[3]}; }
inline U256 operator&(const U256& a, const U256& b) {
  return {a.limb[0] & b.limb[0], a.limb[1] & b.limb[1], a.limb[2] & b.limb[2],
          a.limb[3] & b.limb[3]};
}
inline U256 operator|(const U256& a, const U256& b) {
  return {a.limb[0] | b.limb[0], a.limb[1] | b.limb[1], a.limb[2] | b.limb[2],
          a.limb[3] | b.limb[3]};
}
inline U256 operator^(const U256& a, const U256& b) {
  return {a.limb[0] ^ b.limb[0], a.limb[1] ^ b.limb[1], a.limb[2] ^ b.limb[2],
          a.limb[3] ^ b.limb[3]};
}

/// Shifts by any amount; >= 256 gives zero. Branch-free within the range except for one switch
/// on the whole-limb part: (x >> 1) >> (63 - bits) is the carry from the lower limb, and it is
/// defined (zero) for bits == 0, where x >> (64 - bits) would not be.
inline U256 operator<<(const U256& a, uint64_t shift) {
  if (shift >= 256) return {};
  const unsigned bits = static_cast<unsigned>(shift % 64);
  const unsigned back = 63 - bits;
  const uint64_t t0 = a.limb[0] << bits;
  const uint64_t t1 = (a.limb[1] << bits) | ((a.limb[0] >> 1) >> back);
  const uint64_t t2 = (a.limb[2] << bits) | ((a.limb[1] >> 1) >> back);
  const uint64_t t3 = (a.limb[3] << bits) | ((a.limb[2] >> 1) >> back);
  switch (shift / 64) {
    case 0: return {t0, t1, t2, t3};
    case 1: return {0, t0, t1, t2};
    case 2: return {0, 0, t0, t1};
    default: return {0, 0, 0, t0};
  }
}

inline U256 operator>>(const U256& a, uint64_t shift) {
  if (shift >= 256) return {};
  const unsigned bits = static_cast<unsigned>(shift % 64);
  const unsigned back = 63 - bits;
  const uint64_t t0 = (a.limb[0] >> bits) | ((a.limb[1] << 1) << back);
  const uint64_t t1 = (a.limb[1] >> bits) | ((a.limb[2] << 1) << back);
  const uint64_t t2 = (a.limb[2] >> bits) | ((a.limb[3] << 1) << back);
  const uint64_t t3 = a.limb[3] >> bits;
  switch (shift / 64) {
    case 0: return {t0, t1, t2, t3};
    case 1: return {t1, t2, t3, 0};
    case 2: return {t2, t3, 0, 0};
    default: return {t3, 0, 0, 0};
  }
}

inline U256& operator+=(U256& a, const U256& b) { return a = a + b; }
inline U256& operator-=(U256& a, const U256& b) { return a = a - b; }
inline U256& operator*=(U256& a, const U256& b) { return a = a * b; }

/// Quotient and remainder at once (both zero when the divisor is zero).
struct DivResult { U256 quot, rem; };
DivResult divmod(const U256& a, const U256& b);

// ---- EVM operations ----
U256 sdiv(const U256& a, const U256& b);
U256 smod(const U256& a, const U256& b);
U256 addmod(const U256& a, const U256& b, const U256& m);  // exact (a+b) mod m, 0 if m == 0
U256 mulmod(const U256& a, const U256& b, const U256& m);  // exact (a*b) mod m, 0 if m == 0
U256 exp(U256 base, const U256& exponent);                  // base^exponent mod 2^256
U256 signextend(const U256& byte_index, const U256& x);
U256 byte_at(const U256& index, const U256& x);              // EVM BYTE: index 0 = most significant

inline bool is_negative(const U256& a) { return (a.limb[3] >> 63) != 0; }

/// EVM SHL (shift amount first).
inline U256 shl(const U256& shift, const U256& x) {
  return shift.fits_u64() ? x << shift.limb[0] : U256{};
}
/// EVM SHR.
inline U256 shr(const U256& shift, const U256& x) {
  return shift.fits_u64() ? x >> shift.limb[0] : U256{};
}
/// EVM SAR: an arithmetic shift of a negative x is the complement of the logical shift of ~x.
inline U256 sar(const U256& shift, const U256& x) {
  const uint64_t s = shift.fits_u64() ? shift.limb[0] : 256;
  return is_negative(x) ? ~(~x >> s) : x >> s;
}
inline bool slt(const U256& a, const U256& b) {
  const bool na = is_negative(a);
  return na != is_negative(b) ? na : a < b;
}
inline bool sgt(const U256& a, const U256& b) { return slt(b, a); }

inline unsigned U256::bit_width() const {
  for (int i = 3; i >= 0; --i)
    if (limb[i] != 0) return static_cast<unsigned>(64 * i + 64 - __builtin_clzll(limb[i]));
  return 0;
}

}  // namespace paraevm
