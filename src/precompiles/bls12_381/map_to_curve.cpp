// Simplified SWU, the isogeny maps and cofactor clearing.
#include "precompiles/bls12_381/map_to_curve.hpp"

#include "precompiles/bls12_381/isogeny_constants.hpp"

namespace paraevm::bls12_381 {
namespace {

/// E1': y^2 = x^3 + A' x + B', Z = 11 (RFC 9380 section 8.8.1).
constexpr Fp kG1A = Fp::from_hex(
    "144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");
constexpr Fp kG1BPrime = Fp::from_hex(
    "12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
constexpr Fp kG1Z = Fp::from_u64(11);

/// E2': A' = 240 u, B' = 1012 (1 + u), Z = -(2 + u) (RFC 9380 section 8.8.2).
constexpr Fp2 kG2A = {Fp::zero(), Fp::from_u64(240)};
constexpr Fp2 kG2BPrime = {Fp::from_u64(1012), Fp::from_u64(1012)};
constexpr Fp2 kG2Z = {-Fp::from_u64(2), -Fp::one()};

template <class F>
struct AffineXY {
  F x, y;
};

/// RFC 9380 section 6.6.2 (map_to_curve_simple_swu), for A', B' != 0.
template <class F>
AffineXY<F> simple_swu(const F& u, const F& a, const F& b, const F& z) {
  const F zu2 = z * u.square();
  const F tv1 = zu2.square() + zu2;
  F x1 = tv1.is_zero() ? b * (z * a).inverse()                                // exceptional case
                       : -(b * a.inverse()) * (F::one() + tv1.inverse());
  const F gx1 = (x1.square() + a) * x1 + b;
  F x, y;
  if (gx1.sqrt(y)) {
    x = x1;
  } else {
    // gx2 = g(Z u^2 x1) is a square when gx1 is not.
    x = zu2 * x1;
    const F gx2 = (x.square() + a) * x + b;
    gx2.sqrt(y);
  }
  if (u.sgn0() != y.sgn0()) y = -y;
  return {x, y};
}

/// Horner evaluation of sum k[i] x^i (+ x^N when monic).
template <class F, size_t N>
F poly(const std::array<F, N>& k, const F& x, bool monic) {
  F acc = monic ? F::one() : k[N - 1];
  for (size_t i = monic ? N : N - 1; i-- > 0;) acc = acc * x + k[i];
  return acc;
}

/// x = x_num/x_den, y = y' y_num/y_den with one inversion; a zero denominator maps to
/// infinity (RFC 9380 section 6.6.3).
template <class F, size_t A, size_t B, size_t C, size_t D>
Jacobian<F> iso_map(const AffineXY<F>& p, const std::array<F, A>& xnum, const std::array<F, B>& xden,
                    const std::array<F, C>& ynum, const std::array<F, D>& yden) {
  const F xn = poly(xnum, p.x, false);
  const F xd = poly(xden, p.x, true);
  const F yn = poly(ynum, p.x, false);
  const F yd = poly(yden, p.x, true);
  const F den = xd * yd;
  if (den.is_zero()) return Jacobian<F>::infinity();
  const F inv = den.inverse();
  return {xn * yd * inv, p.y * yn * xd * inv, F::one()};
}

}  // namespace

G1 map_to_curve_g1(const Fp& u) {
  const AffineXY<Fp> p = simple_swu(u, kG1A, kG1BPrime, kG1Z);
  return iso_map(p, isogeny::kG1XNum, isogeny::kG1XDen, isogeny::kG1YNum, isogeny::kG1YDen);
}

G2 map_to_curve_g2(const Fp2& u) {
  const AffineXY<Fp2> p = simple_swu(u, kG2A, kG2BPrime, kG2Z);
  return iso_map(p, isogeny::kG2XNum, isogeny::kG2XDen, isogeny::kG2YNum, isogeny::kG2YDen);
}

G1 clear_cofactor_g1(const G1& p) { return mul_u64(p, 0xd201000000010001); }

G2 clear_cofactor_g2(const G2& p) {
  // [x^2 - x - 1] P + [x - 1] psi(P) + psi^2(2P), in the RFC's step order; [x] = -[|x|].
  const G2 t1 = -mul_u64(p, kXAbs);
  G2 t2 = psi(p);
  G2 t3 = psi(psi(dbl(p)));
  t3 = add(t3, -t2);
  t2 = -mul_u64(add(t1, t2), kXAbs);
  t3 = add(t3, t2);
  t3 = add(t3, -t1);
  return add(t3, -p);
}

G1 map_fp_to_g1(const Fp& u) { return clear_cofactor_g1(map_to_curve_g1(u)); }
G2 map_fp2_to_g2(const Fp2& u) { return clear_cofactor_g2(map_to_curve_g2(u)); }

}  // namespace paraevm::bls12_381
