// The base field Fp of BN254 (alt_bn128, EIP-196): 254-bit prime p, elements in Montgomery form
// a*R mod p with R = 2^256, four 64-bit limbs, least significant first.
#pragma once

#include <cstdint>

namespace paraevm::bn254 {

using uint128 = unsigned __int128;

/// A 256-bit integer as four little-endian 64-bit limbs.
struct Limbs {
  uint64_t w[4];
  friend constexpr bool operator==(const Limbs&, const Limbs&) = default;
};

/// p = 36u^4 + 36u^3 + 24u^2 + 6u + 1 with u = 4965661367192848881 (EIP-196; the curve of
/// Beuchat et al. "High-speed software implementation of the optimal ate pairing over BN
/// curves", 2010): 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47.
inline constexpr Limbs kP{{0x3c208c16d87cfd47ULL, 0x97816a916871ca8dULL, 0xb85045b68181585dULL,
                           0x30644e72e131a029ULL}};
/// The group order r = 36u^4 + 36u^3 + 18u^2 + 6u + 1 (EIP-197):
/// 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001.
inline constexpr Limbs kR{{0x43e1f593f0000001ULL, 0x2833e84879b97091ULL, 0xb85045b68181585dULL,
                           0x30644e72e131a029ULL}};
/// The BN parameter u (EIP-197's "x"): 4965661367192848881.
inline constexpr uint64_t kU = 0x44e992b44a6909f1ULL;

namespace detail {

constexpr bool less(const Limbs& a, const Limbs& b) {
  for (int i = 3; i >= 0; --i)
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i];
  return false;
}

/// a - b, returning the borrow.
constexpr uint64_t sub(Limbs& out, const Limbs& a, const Limbs& b) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    const uint128 d = uint128{a.w[i]} - b.w[i] - borrow;
    out.w[i] = static_cast<uint64_t>(d);
    borrow = static_cast<uint64_t>(d >> 64) & 1;
  }
  return borrow;
}

/// a + b, returning the carry.
constexpr uint64_t add(Limbs& out, const Limbs& a, const Limbs& b) {
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    const uint128 s = uint128{a.w[i]} + b.w[i] + carry;
    out.w[i] = static_cast<uint64_t>(s);
    carry = static_cast<uint64_t>(s >> 64);
  }
  return carry;
}

/// (a + b) mod p for a, b < p (p < 2^255, so a + b does not overflow 256 bits).
constexpr Limbs add_mod(const Limbs& a, const Limbs& b) {
  Limbs s{}, d{};
  add(s, a, b);
  return sub(d, s, kP) ? s : d;
}

/// 2^k mod p, by doubling (for the Montgomery constants, evaluated at compile time).
constexpr Limbs pow2_mod_p(int k) {
  Limbs x{{1, 0, 0, 0}};
  for (int i = 0; i < k; ++i) x = add_mod(x, x);
  return x;
}

/// -p^-1 mod 2^64 by Newton iteration (each step doubles the correct low bits).
constexpr uint64_t neg_inv_p0() {
  uint64_t x = 1;
  for (int i = 0; i < 7; ++i) x *= 2 - kP.w[0] * x;
  return ~x + 1;
}

}  // namespace detail

inline constexpr Limbs kR1 = detail::pow2_mod_p(256);  // R mod p: Montgomery form of 1
inline constexpr Limbs kR2 = detail::pow2_mod_p(512);  // R^2 mod p: converts into Montgomery form
inline constexpr Limbs kR3 = detail::pow2_mod_p(768);  // R^3 mod p: fixes up the binary inverse
inline constexpr uint64_t kPInv = detail::neg_inv_p0();
static_assert(kP.w[0] * (~kPInv + 1) == 1, "-p^-1 mod 2^64");

/// An element of Fp in Montgomery form; always fully reduced (< p).
struct Fp {
  Limbs m{};

  static constexpr Fp zero() { return {}; }
  static constexpr Fp one() { return {kR1}; }
  /// From a plain integer < p.
  static Fp from_limbs(const Limbs& a) { return mont_mul({a}, {kR2}); }
  /// The plain integer.
  Limbs to_limbs() const { return mont_mul(*this, Fp{{{1, 0, 0, 0}}}).m; }

  bool is_zero() const { return (m.w[0] | m.w[1] | m.w[2] | m.w[3]) == 0; }
  friend bool operator==(const Fp&, const Fp&) = default;

  /// Montgomery product a*b*R^-1 mod p: CIOS (Koc, Acar, Kaliski 1996) in the variant that
  /// needs no extra carry word because p's top limb is below 2^63 - 1 (the "no-carry"
  /// optimization described by the gnark-crypto authors, 2020).
  static Fp mont_mul(const Fp& a, const Fp& b) {
    uint64_t t[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
      uint128 s = uint128{a.m.w[0]} * b.m.w[i] + t[0];
      uint64_t carry_a = static_cast<uint64_t>(s >> 64);
      const uint64_t lo = static_cast<uint64_t>(s);
      const uint64_t k = lo * kPInv;
      s = uint128{k} * kP.w[0] + lo;
      uint64_t carry_m = static_cast<uint64_t>(s >> 64);
      for (int j = 1; j < 4; ++j) {
        s = uint128{a.m.w[j]} * b.m.w[i] + t[j] + carry_a;
        carry_a = static_cast<uint64_t>(s >> 64);
        s = uint128{k} * kP.w[j] + static_cast<uint64_t>(s) + carry_m;
        carry_m = static_cast<uint64_t>(s >> 64);
        t[j - 1] = static_cast<uint64_t>(s);
      }
      t[3] = carry_a + carry_m;
    }
    Fp r{{{t[0], t[1], t[2], t[3]}}};
    Limbs d{};
    // The result is below 2p < 2^255: one conditional subtraction reduces it.
    if (!detail::sub(d, r.m, kP)) r.m = d;
    return r;
  }

  friend Fp operator*(const Fp& a, const Fp& b) { return mont_mul(a, b); }
  friend Fp operator+(const Fp& a, const Fp& b) { return {detail::add_mod(a.m, b.m)}; }
  friend Fp operator-(const Fp& a, const Fp& b) {
    Fp r;
    if (detail::sub(r.m, a.m, b.m)) detail::add(r.m, r.m, kP);
    return r;
  }
  Fp operator-() const { return zero() - *this; }
  Fp& operator+=(const Fp& b) { return *this = *this + b; }
  Fp& operator-=(const Fp& b) { return *this = *this - b; }
  Fp& operator*=(const Fp& b) { return *this = *this * b; }
  Fp square() const { return mont_mul(*this, *this); }
  Fp dbl() const { return *this + *this; }
  /// x / 2: adds p first when x is odd (p is odd), then shifts.
  Fp half() const {
    Limbs t = m;
    uint64_t top = 0;
    if (t.w[0] & 1) top = detail::add(t, t, kP);
    for (int i = 0; i < 3; ++i) t.w[i] = t.w[i] >> 1 | t.w[i + 1] << 63;
    t.w[3] = t.w[3] >> 1 | top << 63;
    return {t};
  }
  /// Multiplicative inverse (zero for zero).
  Fp inverse() const;
};

}  // namespace paraevm::bn254
