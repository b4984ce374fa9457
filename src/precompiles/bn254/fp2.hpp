// Fp2 = Fp[i] / (i^2 + 1), the field of the G2 coordinates (EIP-197).
#pragma once

#include "precompiles/bn254/fp.hpp"

namespace paraevm::bn254 {

/// c0 + c1 * i.
struct Fp2 {
  Fp c0, c1;

  static Fp2 zero() { return {}; }
  static Fp2 one() { return {Fp::one(), Fp::zero()}; }
  bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
  friend bool operator==(const Fp2&, const Fp2&) = default;

  friend Fp2 operator+(const Fp2& a, const Fp2& b) { return {a.c0 + b.c0, a.c1 + b.c1}; }
  friend Fp2 operator-(const Fp2& a, const Fp2& b) { return {a.c0 - b.c0, a.c1 - b.c1}; }
  Fp2 operator-() const { return {-c0, -c1}; }
  /// Karatsuba: 3 base-field products.
  friend Fp2 operator*(const Fp2& a, const Fp2& b) {
    const Fp t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
    return {t0 - t1, (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
  Fp2& operator+=(const Fp2& b) { return *this = *this + b; }
  Fp2& operator-=(const Fp2& b) { return *this = *this - b; }
  Fp2& operator*=(const Fp2& b) { return *this = *this * b; }
  /// (c0 + c1)(c0 - c1) + 2 c0 c1 i: 2 base-field products.
  Fp2 square() const { return {(c0 + c1) * (c0 - c1), (c0 * c1).dbl()}; }
  Fp2 dbl() const { return {c0.dbl(), c1.dbl()}; }
  Fp2 half() const { return {c0.half(), c1.half()}; }
  Fp2 mul_by_fp(const Fp& s) const { return {c0 * s, c1 * s}; }
  /// Complex conjugate, which is also the p-power Frobenius map on Fp2.
  Fp2 conj() const { return {c0, -c1}; }
  /// Multiplies by xi = 9 + i, the non-residue defining Fp6 (EIP-197's tower):
  /// (c0 + c1 i)(9 + i) = (9 c0 - c1) + (c0 + 9 c1) i.
  Fp2 mul_by_xi() const {
    const Fp a8 = c0.dbl().dbl().dbl(), b8 = c1.dbl().dbl().dbl();
    return {a8 + c0 - c1, b8 + c1 + c0};
  }
  /// conj / norm.
  Fp2 inverse() const {
    const Fp inv = (c0.square() + c1.square()).inverse();
    return {c0 * inv, -(c1 * inv)};
  }
};

}  // namespace paraevm::bn254
