// 256-bit unsigned integer: four 64-bit limbs, little-endian limb order (limb[0] least significant).
// Arithmetic wraps modulo 2^256 as the EVM requires. Signed EVM operations interpret the value as
// two's complement. Hot paths are inline; division lives in uint256.cpp.
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

  /// Big-endian bytes, at most 32 (shorter input is left-padded with zeros).
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

// ---- wrapping arithmetic ----
U256 operator+(const U256& a, const U256& b);
U256 operator-(const U256& a, const U256& b);
U256 operator*(const U256& a, const U256& b);
/// Unsigned division; division by zero yields zero (EVM semantics).
U256 operator/(const U256& a, const U256& b);
/// Unsigned remainder; modulo zero yields zero (EVM semantics).
U256 operator%(const U256& a, const U256& b);
U256 operator-(const U256& a);  // two's complement negation
U256 operator~(const U256& a);
U256 operator&(const U256& a, const U256& b);
U256 operator|(const U256& a, const U256& b);
U256 operator^(const U256& a, const U256& b);
/// Shifts by any amount; >= 256 gives zero.
U256 operator<<(const U256& a, uint64_t shift);
U256 operator>>(const U256& a, uint64_t shift);
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
U256 shl(const U256& shift, const U256& x);                 // EVM SHL (shift amount first)
U256 shr(const U256& shift, const U256& x);                 // EVM SHR
U256 sar(const U256& shift, const U256& x);                 // EVM SAR
bool slt(const U256& a, const U256& b);
bool sgt(const U256& a, const U256& b);
inline bool is_negative(const U256& a) { return (a.limb[3] >> 63) != 0; }

/// Addition reporting the carry out (for balance overflow checks).
U256 add_with_carry(const U256& a, const U256& b, bool& carry);
/// Subtraction reporting the borrow out (for balance underflow checks).
U256 sub_with_borrow(const U256& a, const U256& b, bool& borrow);

}  // namespace paraevm
