// The tower Fp6 = Fp2[v] / (v^3 - xi) and Fp12 = Fp6[w] / (w^2 - v), xi = 9 + i (EIP-197).
// Over Fp2, Fp12 has the basis 1, w, ..., w^5 with w^6 = xi; an Fp12 element a0 + a1 w holds
// a0 = g0 + g2 w^2 + g4 w^4 and a1 = g1 + g3 w^2 + g5 w^4 (v = w^2).
#pragma once

#include "precompiles/bn254/fp2.hpp"

namespace paraevm::bn254 {

/// c0 + c1 v + c2 v^2.
struct Fp6 {
  Fp2 c0, c1, c2;

  static Fp6 zero() { return {}; }
  static Fp6 one() { return {Fp2::one(), {}, {}}; }
  bool is_zero() const { return c0.is_zero() && c1.is_zero() && c2.is_zero(); }
  friend bool operator==(const Fp6&, const Fp6&) = default;

  friend Fp6 operator+(const Fp6& a, const Fp6& b) { return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2}; }
  friend Fp6 operator-(const Fp6& a, const Fp6& b) { return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2}; }
  Fp6 operator-() const { return {-c0, -c1, -c2}; }
  /// Karatsuba over Fp2, 6 products (v^3 = xi folds the high terms).
  friend Fp6 operator*(const Fp6& a, const Fp6& b) {
    const Fp2 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1, t2 = a.c2 * b.c2;
    return {t0 + ((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2).mul_by_xi(),
            (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + t2.mul_by_xi(),
            (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1};
  }
  Fp6 square() const { return *this * *this; }
  /// Times v: (c0 + c1 v + c2 v^2) v = xi c2 + c0 v + c1 v^2.
  Fp6 mul_by_v() const { return {c2.mul_by_xi(), c0, c1}; }
  Fp6 mul_by_fp2(const Fp2& s) const { return {c0 * s, c1 * s, c2 * s}; }
  /// Times the sparse b0 + b1 v.
  Fp6 mul_by_01(const Fp2& b0, const Fp2& b1) const {
    const Fp2 t0 = c0 * b0, t1 = c1 * b1;
    return {t0 + (c2 * b1).mul_by_xi(), (c0 + c1) * (b0 + b1) - t0 - t1, c2 * b0 + t1};
  }
  Fp6 inverse() const {
    const Fp2 a = c0.square() - (c1 * c2).mul_by_xi();
    const Fp2 b = c2.square().mul_by_xi() - c0 * c1;
    const Fp2 c = c1.square() - c0 * c2;
    const Fp2 f = (c0 * a + (c2 * b + c1 * c).mul_by_xi()).inverse();
    return {a * f, b * f, c * f};
  }
};

/// c0 + c1 w.
struct Fp12 {
  Fp6 c0, c1;

  static Fp12 one() { return {Fp6::one(), {}}; }
  bool is_one() const { return *this == one(); }
  friend bool operator==(const Fp12&, const Fp12&) = default;

  friend Fp12 operator*(const Fp12& a, const Fp12& b) {
    const Fp6 t0 = a.c0 * b.c0, t1 = a.c1 * b.c1;
    return {t0 + t1.mul_by_v(), (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
  }
  Fp12& operator*=(const Fp12& b) { return *this = *this * b; }
  /// (c0 + c1 w)^2 = c0^2 + v c1^2 + 2 c0 c1 w, with 2 Fp6 products.
  Fp12 square() const {
    const Fp6 t = c0 * c1;
    const Fp6 s = (c0 + c1) * (c0 + c1.mul_by_v()) - t - t.mul_by_v();
    return {s, t + t};
  }
  /// Times a line value l0 + l1 w + l3 w^3 (l0, l1, l3 in Fp2), the shape of every line of
  /// the Miller loop: 13 Fp2 products instead of 18.
  Fp12 mul_by_line(const Fp2& l0, const Fp2& l1, const Fp2& l3) const {
    const Fp6 a = c0.mul_by_fp2(l0);
    const Fp6 b = c1.mul_by_01(l1, l3);
    const Fp6 c = (c0 + c1).mul_by_01(l0 + l1, l3);
    return {a + b.mul_by_v(), c - a - b};
  }
  /// The square of an element of the cyclotomic subgroup (f^(p^4 - p^2 + 1) = 1, as after the easy part of the final exponentiation), by Granger and
  /// Scott, "Faster squaring in the cyclotomic subgroup of sixth degree extensions" (PKC 2010),
  /// section 3.2: with s = w^3 and Fp4 = Fp2[s], f = A + B w + C w^2 (A = g0 + g3 s,
  /// B = g1 + g4 s, C = g2 + g5 s) squares to (3A^2 - 2 conj A) + (3 s C^2 + 2 conj B) w +
  /// (3B^2 - 2 conj C) w^2. 9 Fp2 squarings instead of 12 Fp2 products.
  Fp12 cyclotomic_square() const {
    const Sq a = fp4_square(c0.c0, c1.c1), b = fp4_square(c1.c0, c0.c2), c = fp4_square(c0.c1, c1.c2);
    const Fp2 sc0 = c.b.mul_by_xi();  // s * C^2 = xi c1' + c0' s
    Fp12 r;
    r.c0.c0 = a.a + a.a + a.a - c0.c0 - c0.c0;
    r.c1.c1 = a.b + a.b + a.b + c1.c1 + c1.c1;
    r.c1.c0 = sc0 + sc0 + sc0 + c1.c0 + c1.c0;
    r.c0.c2 = c.a + c.a + c.a - c0.c2 - c0.c2;
    r.c0.c1 = b.a + b.a + b.a - c0.c1 - c0.c1;
    r.c1.c2 = b.b + b.b + b.b + c1.c2 + c1.c2;
    return r;
  }
  /// The p^6-power Frobenius, which is the inverse on the cyclotomic subgroup.
  Fp12 conj() const { return {c0, -c1}; }
  Fp12 inverse() const {
    const Fp6 t = (c0.square() - c1.square().mul_by_v()).inverse();
    return {c0 * t, -(c1 * t)};
  }
  /// The p-power Frobenius map.
  Fp12 frobenius() const;

 private:
  struct Sq {
    Fp2 a, b;
  };
  /// (x + y s)^2 in Fp4 = Fp2[s] / (s^2 - xi): (x^2 + xi y^2) + 2xy s.
  static Sq fp4_square(const Fp2& x, const Fp2& y) {
    const Fp2 x2 = x.square(), y2 = y.square();
    return {x2 + y2.mul_by_xi(), (x + y).square() - x2 - y2};
  }
};

}  // namespace paraevm::bn254
