// Points of y^2 = x^3 + b in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is the point at
// infinity), for G1 over Fp and the twist E' (G2) over Fp2. Formulas for a = 0 from the
// Explicit-Formulas Database: dbl-2009-l and add-2007-bl.
#pragma once

#include "precompiles/bn254/constants.hpp"

namespace paraevm::bn254 {

/// An affine point; `infinity` marks the point at infinity (x, y unused then).
template <class F>
struct Affine {
  F x, y;
  bool infinity = true;
};

template <class F>
struct Jacobian {
  F x, y, z;  // default: z = 0, the point at infinity

  static Jacobian from_affine(const Affine<F>& p) {
    if (p.infinity) return {};
    return {p.x, p.y, F::one()};
  }
  bool is_infinity() const { return z.is_zero(); }

  Jacobian dbl() const {
    if (is_infinity()) return *this;
    const F a = x.square(), b = y.square(), c = b.square();
    F d = (x + b).square() - a - c;
    d = d + d;
    const F e = a + a + a, f = e.square();
    Jacobian r;
    r.x = f - d - d;
    const F c8 = c.dbl().dbl().dbl();
    r.y = e * (d - r.x) - c8;
    r.z = (y * z).dbl();
    return r;
  }

  friend Jacobian operator+(const Jacobian& p, const Jacobian& q) {
    if (p.is_infinity()) return q;
    if (q.is_infinity()) return p;
    const F z1z1 = p.z.square(), z2z2 = q.z.square();
    const F u1 = p.x * z2z2, u2 = q.x * z1z1;
    const F s1 = p.y * q.z * z2z2, s2 = q.y * p.z * z1z1;
    const F h = u2 - u1;
    const F rr = (s2 - s1).dbl();
    if (h.is_zero()) return rr.is_zero() ? p.dbl() : Jacobian{};
    const F i = h.dbl().square(), j = h * i, v = u1 * i;
    Jacobian r;
    r.x = rr.square() - j - v - v;
    r.y = rr * (v - r.x) - (s1 * j).dbl();
    r.z = ((p.z + q.z).square() - z1z1 - z2z2) * h;
    return r;
  }

  Jacobian operator-() const { return {x, -y, z}; }

  /// [k] this for a 256-bit k (limbs little-endian), by width-5 NAF: about 256 doublings and
  /// 43 additions of the precomputed odd multiples P, 3P, ..., 15P.
  Jacobian mul(const Limbs& k) const {
    int8_t naf[258];
    const int len = wnaf5(k, naf);
    Jacobian odd[8];
    odd[0] = *this;
    const Jacobian twice = dbl();
    for (int i = 1; i < 8; ++i) odd[i] = odd[i - 1] + twice;
    Jacobian r;
    for (int i = len - 1; i >= 0; --i) {
      r = r.dbl();
      if (naf[i] > 0) r = r + odd[naf[i] / 2];
      if (naf[i] < 0) r = r + -odd[-naf[i] / 2];
    }
    return r;
  }

  /// Width-5 NAF digits of k (odd digits in [-15, 15], at most one non-zero in any 5
  /// consecutive), least significant first; returns the digit count (<= 257).
  static int wnaf5(const Limbs& k, int8_t* digits) {
    uint64_t w[5] = {k.w[0], k.w[1], k.w[2], k.w[3], 0};  // one spare word: k - d may carry
    int len = 0;
    while ((w[0] | w[1] | w[2] | w[3] | w[4]) != 0) {
      int d = 0;
      if (w[0] & 1) {
        d = static_cast<int>(w[0] & 31);
        if (d >= 16) d -= 32;
        // w -= d: a subtraction of d > 0 never borrows past w[0] (w[0] mod 32 = d); adding
        // -d may carry.
        if (d > 0) {
          w[0] -= static_cast<uint64_t>(d);
        } else {
          uint64_t carry = static_cast<uint64_t>(-d);
          for (int i = 0; i < 5 && carry != 0; ++i) {
            w[i] += carry;
            carry = w[i] < carry ? 1 : 0;
          }
        }
      }
      digits[len++] = static_cast<int8_t>(d);
      for (int i = 0; i < 4; ++i) w[i] = w[i] >> 1 | w[i + 1] << 63;
      w[4] >>= 1;
    }
    return len;
  }

  Affine<F> to_affine() const {
    if (is_infinity()) return {};
    const F zi = z.inverse(), zi2 = zi.square();
    return {x * zi2, y * zi2 * zi, false};
  }
};

/// Whether the affine (x, y) satisfies y^2 = x^3 + b.
template <class F>
bool on_curve(const F& x, const F& y, const F& b) {
  return y.square() == x.square() * x + b;
}

using G1 = Jacobian<Fp>;
using G2 = Jacobian<Fp2>;

/// Whether a point of the twist lies in the order-r subgroup G2.
bool in_g2_subgroup(const Affine<Fp2>& q);

}  // namespace paraevm::bn254
