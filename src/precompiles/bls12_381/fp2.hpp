// Fp2 = Fp[u] / (u^2 + 1) (EIP-2537 "Fp quadratic non-residue" -1).
#pragma once

#include "precompiles/bls12_381/fp.hpp"

namespace paraevm::bls12_381 {

struct Fp2 {
  Fp c0, c1;  // c0 + c1 * u

  static constexpr Fp2 zero() { return {}; }
  static constexpr Fp2 one() { return {Fp::one(), Fp::zero()}; }
  constexpr bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
  friend constexpr bool operator==(const Fp2&, const Fp2&) = default;

  friend constexpr Fp2 operator+(const Fp2& a, const Fp2& b) { return {a.c0 + b.c0, a.c1 + b.c1}; }
  friend constexpr Fp2 operator-(const Fp2& a, const Fp2& b) { return {a.c0 - b.c0, a.c1 - b.c1}; }
  constexpr Fp2 operator-() const { return {-c0, -c1}; }
  friend constexpr Fp2 operator*(const Fp2& a, const Fp2& b) {
#ifdef PARAEVM_BLS12_381_ADX
    if (!std::is_constant_evaluated() && detail::kHasAdx) return mul_lazy(a, b);
#endif
    // Karatsuba: three base-field products.
    const Fp t0 = a.c0 * b.c0;
    const Fp t1 = a.c1 * b.c1;
    return {t0 - t1, (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
#ifdef PARAEVM_BLS12_381_ADX
  /// Karatsuba with lazy reduction: three 768-bit products, two Montgomery reductions.
  /// c1 = (a0 + a1)(b0 + b1) - a0 b0 - a1 b1 = a0 b1 + a1 b0 < 2p^2 < pR; c0 = a0 b0 - a1 b1,
  /// made nonnegative by adding pR (p in the high half) when it borrows.
  static Fp2 mul_lazy(const Fp2& a, const Fp2& b) {
    using namespace detail;
    Wide t0, t1, t2, d;
    mul_wide_adx(t0, a.c0.v, b.c0.v);
    mul_wide_adx(t1, a.c1.v, b.c1.v);
    mul_wide_adx(t2, add_raw_asm(a.c0.v, a.c1.v), add_raw_asm(b.c0.v, b.c1.v));
    wide_sub_asm(t2, t2, t0);
    wide_sub_asm(t2, t2, t1);
    wide_sub_mod_pr_asm(d, t0, t1);
    return {{redc_adx(d)}, {redc_adx(t2)}};
  }
#endif
  friend constexpr Fp2 operator*(const Fp2& a, const Fp& s) { return {a.c0 * s, a.c1 * s}; }
  Fp2& operator+=(const Fp2& b) { return *this = *this + b; }
  Fp2& operator-=(const Fp2& b) { return *this = *this - b; }
  Fp2& operator*=(const Fp2& b) { return *this = *this * b; }
  constexpr Fp2 square() const {
    // (c0 + c1 u)^2 = (c0 + c1)(c0 - c1) + 2 c0 c1 u
    const Fp t = c0 * c1;
    return {(c0 + c1) * (c0 - c1), t + t};
  }
  constexpr Fp2 dbl() const { return {c0.dbl(), c1.dbl()}; }
  /// The Frobenius map x -> x^p, which is conjugation.
  constexpr Fp2 conjugate() const { return {c0, -c1}; }
  /// Multiplication by xi = 1 + u, the non-residue of the Fp6 and Fp12 towers.
  constexpr Fp2 mul_by_xi() const { return {c0 - c1, c0 + c1}; }

  Fp2 pow(const Limbs& e) const;
  Fp2 inverse() const;
  /// A square root when one exists.
  bool sqrt(Fp2& out) const;
  /// RFC 9380 sgn0 for m = 2.
  bool sgn0() const {
    const bool sign0 = c0.sgn0();
    return sign0 || (c0.is_zero() && c1.sgn0());
  }
  /// ZCash serialisation sign: compare c1 first, c0 when c1 is zero.
  bool lexicographically_largest() const {
    return c1.is_zero() ? c0.lexicographically_largest() : c1.lexicographically_largest();
  }
};

}  // namespace paraevm::bls12_381
