// Short Weierstrass points y^2 = x^3 + b (a = 0) over Fp (G1) or Fp2 (G2): affine and
// Jacobian coordinates (x = X/Z^2, y = Y/Z^3), generic over the field.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace paraevm::bls12_381 {

/// An affine point; `infinity` marks the point at infinity (x, y then unused).
template <class F>
struct Affine {
  F x{}, y{};
  bool infinity = true;

  friend constexpr bool operator==(const Affine&, const Affine&) = default;
};

/// A Jacobian point; Z = 0 is the point at infinity.
template <class F>
struct Jacobian {
  F x{}, y{}, z{};

  bool is_infinity() const { return z.is_zero(); }
  static Jacobian infinity() { return {F::one(), F::one(), F::zero()}; }
  static Jacobian from_affine(const Affine<F>& a) {
    return a.infinity ? infinity() : Jacobian{a.x, a.y, F::one()};
  }
  Jacobian operator-() const { return {x, -y, z}; }
};

/// A 256-bit scalar, little-endian words.
using Scalar = std::array<uint64_t, 4>;

/// y^2 == x^3 + b (the point at infinity is on the curve).
template <class F>
bool on_curve(const Affine<F>& p, const F& b) {
  return p.infinity || p.y.square() == p.x.square() * p.x + b;
}

/// 2P (dbl-2009-l, a = 0).
template <class F>
Jacobian<F> dbl(const Jacobian<F>& p) {
  if (p.is_infinity()) return p;
  const F a = p.x.square();
  const F b = p.y.square();
  const F c = b.square();
  const F d = ((p.x + b).square() - a - c).dbl();
  const F e = a.dbl() + a;
  const F f = e.square();
  Jacobian<F> r;
  r.x = f - d.dbl();
  r.y = e * (d - r.x) - c.dbl().dbl().dbl();
  r.z = (p.y * p.z).dbl();
  return r;
}

/// P + Q for Jacobian P and affine Q (madd-2007-bl), with the doubling and inverse cases.
template <class F>
Jacobian<F> add_mixed(const Jacobian<F>& p, const Affine<F>& q) {
  if (q.infinity) return p;
  if (p.is_infinity()) return Jacobian<F>::from_affine(q);
  const F z1z1 = p.z.square();
  const F u2 = q.x * z1z1;
  const F s2 = q.y * p.z * z1z1;
  const F h = u2 - p.x;
  const F rr = (s2 - p.y).dbl();
  if (h.is_zero()) return rr.is_zero() ? dbl(p) : Jacobian<F>::infinity();
  const F hh = h.square();
  const F i = hh.dbl().dbl();
  const F j = h * i;
  const F v = p.x * i;
  Jacobian<F> r;
  r.x = rr.square() - j - v.dbl();
  r.y = rr * (v - r.x) - (p.y * j).dbl();
  r.z = (p.z + h).square() - z1z1 - hh;
  return r;
}

/// P + Q (add-2007-bl), with the doubling and inverse cases.
template <class F>
Jacobian<F> add(const Jacobian<F>& p, const Jacobian<F>& q) {
  if (p.is_infinity()) return q;
  if (q.is_infinity()) return p;
  const F z1z1 = p.z.square();
  const F z2z2 = q.z.square();
  const F u1 = p.x * z2z2;
  const F u2 = q.x * z1z1;
  const F s1 = p.y * q.z * z2z2;
  const F s2 = q.y * p.z * z1z1;
  const F h = u2 - u1;
  const F rr = (s2 - s1).dbl();
  if (h.is_zero()) return rr.is_zero() ? dbl(p) : Jacobian<F>::infinity();
  const F i = h.dbl().square();
  const F j = h * i;
  const F v = u1 * i;
  Jacobian<F> r;
  r.x = rr.square() - j - v.dbl();
  r.y = rr * (v - r.x) - (s1 * j).dbl();
  r.z = ((p.z + q.z).square() - z1z1 - z2z2) * h;
  return r;
}

/// Whether two Jacobian points are the same point.
template <class F>
bool same_point(const Jacobian<F>& p, const Jacobian<F>& q) {
  if (p.is_infinity() || q.is_infinity()) return p.is_infinity() && q.is_infinity();
  const F z1z1 = p.z.square();
  const F z2z2 = q.z.square();
  return p.x * z2z2 == q.x * z1z1 && p.y * q.z * z2z2 == q.y * p.z * z1z1;
}

template <class F>
Affine<F> to_affine(const Jacobian<F>& p) {
  if (p.is_infinity()) return {};
  const F zinv = p.z.inverse();
  const F zinv2 = zinv.square();
  return {p.x * zinv2, p.y * zinv2 * zinv, false};
}

/// [k]P for a 64-bit k (double-and-add from the top bit).
template <class F>
Jacobian<F> mul_u64(const Jacobian<F>& p, uint64_t k) {
  Jacobian<F> r = Jacobian<F>::infinity();
  for (int b = 63; b >= 0; --b) {
    r = dbl(r);
    if ((k >> b) & 1) r = add(r, p);
  }
  return r;
}

/// [k]P for a 256-bit k: fixed 4-bit windows over a table of 0..15 multiples.
template <class F>
Jacobian<F> mul_scalar(const Jacobian<F>& p, const Scalar& k) {
  std::array<Jacobian<F>, 16> table;
  table[0] = Jacobian<F>::infinity();
  table[1] = p;
  for (size_t i = 2; i < 16; ++i) table[i] = (i % 2 == 0) ? dbl(table[i / 2]) : add(table[i - 1], p);
  Jacobian<F> r = Jacobian<F>::infinity();
  bool started = false;
  for (int w = 63; w >= 0; --w) {
    const unsigned digit = unsigned(k[w / 16] >> ((w % 16) * 4)) & 15;
    if (started) r = dbl(dbl(dbl(dbl(r))));
    if (digit != 0) {
      r = add(r, table[digit]);
      started = true;
    }
  }
  return r;
}

}  // namespace paraevm::bls12_381
