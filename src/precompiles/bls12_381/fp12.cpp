// Fp12 arithmetic: products, squares, inversion, Frobenius.
#include "precompiles/bls12_381/fp12.hpp"

#include <array>

#include "precompiles/bls12_381/exponents.hpp"

namespace paraevm::bls12_381 {
namespace {

/// gamma[k] = xi^(k (p-1) / 6): w^(k p) = w^k gamma[k], since w^6 = xi. Computed once from
/// the definition rather than transcribed.
const std::array<Fp2, 6>& frobenius_gammas() {
  static const std::array<Fp2, 6> gammas = [] {
    std::array<Fp2, 6> g;
    const Fp2 xi{Fp::one(), Fp::one()};
    const Fp2 g1 = xi.pow(exponents::kPMinus1Div6);
    g[0] = Fp2::one();
    for (size_t k = 1; k < 6; ++k) g[k] = g[k - 1] * g1;
    return g;
  }();
  return gammas;
}

}  // namespace

Fp12 operator*(const Fp12& a, const Fp12& b) {
  const Fp6 t0 = a.c0 * b.c0;
  const Fp6 t1 = a.c1 * b.c1;
  return {t0 + t1.mul_by_v(), (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1};
}

Fp12 Fp12::square() const {
  const Fp6 ab = c0 * c1;
  const Fp6 r0 = (c0 + c1) * (c0 + c1.mul_by_v()) - ab - ab.mul_by_v();
  return {r0, ab + ab};
}

Fp12 Fp12::inverse() const {
  const Fp6 t = (c0.square() - c1.square().mul_by_v()).inverse();
  return {c0 * t, -(c1 * t)};
}

Fp12 Fp12::frobenius() const {
  // Basis w^k: c0 = (w^0, w^2, w^4), c1 = (w^1, w^3, w^5); each Fp2 coefficient is
  // conjugated and multiplied by gamma[k].
  const auto& g = frobenius_gammas();
  return {{c0.c0.conjugate(), c0.c1.conjugate() * g[2], c0.c2.conjugate() * g[4]},
          {c1.c0.conjugate() * g[1], c1.c1.conjugate() * g[3], c1.c2.conjugate() * g[5]}};
}

Fp12 Fp12::mul_by_line(const Fp2& l0, const Fp2& l1, const Fp2& l3) const {
  // (c0 + c1 w)(A + B w) with A = l0 + l1 v and B = l3 v.
  const Fp6 a0 = c0.mul_by_01(l0, l1);
  const Fp6 b1 = c1.mul_by_1(l3);
  const Fp6 mid = (c0 + c1).mul_by_01(l0, l1 + l3) - a0 - b1;
  return {a0 + b1.mul_by_v(), mid};
}

Fp12 Fp12::cyclotomic_square() const {
  // Granger-Scott (eprint 2009/565): over Fp4 = Fp2[s], s = w^3, s^2 = xi, write
  // f = A0 + A1 w + A2 w^2 with A0 = (g0, g3), A1 = (g1, g4), A2 = (g2, g5) (gk the Fp2
  // coefficient of w^k). For f in the cyclotomic subgroup:
  // A0' = 3 A0^2 - 2 conj(A0), A1' = 3 s A2^2 + 2 conj(A1), A2' = 3 A1^2 - 2 conj(A2).
  auto fp4_square = [](const Fp2& a, const Fp2& b, Fp2& r0, Fp2& r1) {
    const Fp2 a2 = a.square(), b2 = b.square();
    r0 = a2 + b2.mul_by_xi();
    r1 = (a + b).square() - a2 - b2;
  };
  const Fp2 &g0 = c0.c0, &g2 = c0.c1, &g4 = c0.c2, &g1 = c1.c0, &g3 = c1.c1, &g5 = c1.c2;
  Fp2 t0, t1, t2, t3, t4, t5;
  fp4_square(g0, g3, t0, t1);
  fp4_square(g1, g4, t2, t3);
  fp4_square(g2, g5, t4, t5);
  auto three = [](const Fp2& x) { return x.dbl() + x; };
  const Fp2 n0 = three(t0) - g0.dbl(), n3 = three(t1) + g3.dbl();
  const Fp2 n1 = three(t5.mul_by_xi()) + g1.dbl(), n4 = three(t4) - g4.dbl();
  const Fp2 n2 = three(t2) - g2.dbl(), n5 = three(t3) + g5.dbl();
  return {{n0, n2, n4}, {n1, n3, n5}};
}

Fp12Compressed Fp12Compressed::square() const {
  // With f = A0 + A1 w + A2 w^2 over Fp4 = Fp2[s], s = w^3 (as in cyclotomic_square),
  // A1 = g1 + g4 s and A2 = g2 + g5 s, the Granger-Scott formulas for A1' and A2' involve only
  // A1 and A2: g1' = 6 xi g2 g5 + 2 g1, g4' = 3 (g2^2 + xi g5^2) - 2 g4,
  // g2' = 3 (g1^2 + xi g4^2) - 2 g2, g5' = 6 g1 g4 + 2 g5 (Karabina's theorem 3.2 in this
  // tower's numbering).
  const Fp2 s1 = g1.square(), s2 = g2.square(), s4 = g4.square(), s5 = g5.square();
  const Fp2 p14 = (g1 + g4).square() - s1 - s4;  // 2 g1 g4
  const Fp2 p25 = (g2 + g5).square() - s2 - s5;  // 2 g2 g5
  auto three = [](const Fp2& x) { return x.dbl() + x; };
  return {three(p25.mul_by_xi()) + g1.dbl(), three(s1 + s4.mul_by_xi()) - g2.dbl(),
          three(s2 + s5.mul_by_xi()) - g4.dbl(), three(p14) + g5.dbl()};
}

bool decompress(std::span<const Fp12Compressed> in, std::span<Fp12> out) {
  // g3 = (xi g5^2 + 3 g2^2 - 2 g4) / (4 g1), g0 = xi (2 g3^2 + g1 g5 - 3 g2 g4) + 1
  // (eprint 2010/526 section 5.2, renumbered: its g2, g3, g4, g5 are this tower's g1, g4, g2,
  // g5, its g0, g1 this tower's g0, g3). The denominators share one inversion.
  const size_t n = in.size();
  if (n == 0) return true;
  Fp2 prefix[8];
  if (n > 8) return false;
  Fp2 acc = Fp2::one();
  for (size_t i = 0; i < n; ++i) {
    if (in[i].g1.is_zero()) return false;
    prefix[i] = acc;
    acc = acc * in[i].g1.dbl().dbl();
  }
  Fp2 inv = acc.inverse();
  for (size_t i = n; i-- > 0;) {
    const Fp12Compressed& c = in[i];
    const Fp2 denom_inv = inv * prefix[i];  // 1 / (4 g1_i)
    inv = inv * c.g1.dbl().dbl();
    const Fp2 s2 = c.g2.square();
    const Fp2 g3 = (c.g5.square().mul_by_xi() + s2.dbl() + s2 - c.g4.dbl()) * denom_inv;
    const Fp2 g2g4 = c.g2 * c.g4;
    const Fp2 g0 = (g3.square().dbl() + c.g1 * c.g5 - (g2g4.dbl() + g2g4)).mul_by_xi() + Fp2::one();
    out[i] = {{g0, c.g2, c.g4}, {c.g1, g3, c.g5}};
  }
  return true;
}

}  // namespace paraevm::bls12_381
