#include "precompiles/bn254/pairing.hpp"

#include <vector>

namespace paraevm::bn254 {
namespace {

// The Miller loop length of the optimal ate pairing for BN curves: 6u + 2 (Vercauteren 2010,
// section IV.A), 29793968203157093288, a 65-bit number.
constexpr uint128 kLoop = uint128{6} * kU + 2;
constexpr int kLoopBits = 65;
static_assert(kLoop >> (kLoopBits - 1) == 1, "6u + 2 has 65 bits");

/// T on the twist in homogeneous projective coordinates (x = X/Z, y = Y/Z).
struct Projective {
  Fp2 x, y, z;
};

/// The line through T and T evaluated at P (coefficients of 1, w, w^3, scaled by a factor in
/// Fp2 that the final exponentiation removes), and T <- 2T. Formulas of Aranha, Karabina,
/// Longa, Gebotys, Lopez, "Faster explicit formulas for computing pairings over ordinary
/// curves" (Eurocrypt 2011), section 4 (D-type twist, a = 0).
Fp12 double_step(Projective& t, const Affine<Fp>& p, const Fp12& f) {
  const Fp2 a = (t.x * t.y).half();
  const Fp2 b = t.y.square();
  const Fp2 c = t.z.square();
  const Fp2 e = constants().twist_b3 * c;
  const Fp2 ff = e + e + e;
  const Fp2 g = (b + ff).half();
  const Fp2 h = (t.y + t.z).square() - (b + c);  // 2YZ
  const Fp2 i = e - b;
  const Fp2 j = t.x.square();
  const Fp2 e2 = e.square();
  t.x = a * (b - ff);
  t.y = g.square() - (e2 + e2 + e2);
  t.z = b * h;
  return f.mul_by_line(-h.mul_by_fp(p.y), (j + j + j).mul_by_fp(p.x), i);
}

/// The line through T and Q evaluated at P, and T <- T + Q (same paper, mixed addition).
Fp12 add_step(Projective& t, const Affine<Fp2>& q, const Affine<Fp>& p, const Fp12& f) {
  const Fp2 theta = t.y - q.y * t.z;
  const Fp2 lambda = t.x - q.x * t.z;
  const Fp2 c = theta.square();
  const Fp2 d = lambda.square();
  const Fp2 e = lambda * d;
  const Fp2 ff = t.z * c;
  const Fp2 g = t.x * d;
  const Fp2 h = e + ff - g - g;
  t.x = lambda * h;
  t.y = theta * (g - h) - e * t.y;
  t.z = t.z * e;
  const Fp2 l3 = theta * q.x - lambda * q.y;
  return f.mul_by_line(lambda.mul_by_fp(p.y), -theta.mul_by_fp(p.x), l3);
}

/// f^u by square-and-multiply over the 63 bits of u (f in the cyclotomic subgroup).
Fp12 pow_u(const Fp12& f) {
  Fp12 r = f;
  for (int i = 61; i >= 0; --i) {
    r = r.cyclotomic_square();
    if (kU >> i & 1) r *= f;
  }
  return r;
}

}  // namespace

Affine<Fp2> twist_frobenius(const Affine<Fp2>& q) {
  const Constants& c = constants();
  return {q.x.conj() * c.gamma[2], q.y.conj() * c.gamma[3], q.infinity};
}

Fp12 miller_loop(std::span<const PairingInput> pairs) {
  std::vector<Projective> t(pairs.size());
  for (size_t k = 0; k < pairs.size(); ++k) t[k] = {pairs[k].q.x, pairs[k].q.y, Fp2::one()};
  Fp12 f = Fp12::one();
  for (int i = kLoopBits - 2; i >= 0; --i) {
    f = f.square();
    for (size_t k = 0; k < pairs.size(); ++k) f = double_step(t[k], pairs[k].p, f);
    if (kLoop >> i & 1)
      for (size_t k = 0; k < pairs.size(); ++k) f = add_step(t[k], pairs[k].q, pairs[k].p, f);
  }
  // The two extra lines of the optimal ate pairing: through [6u+2]Q and pi(Q), then through
  // [6u+2]Q + pi(Q) and -pi^2(Q).
  for (size_t k = 0; k < pairs.size(); ++k) {
    const Affine<Fp2> q1 = twist_frobenius(pairs[k].q);
    Affine<Fp2> q2 = twist_frobenius(q1);
    q2.y = -q2.y;
    f = add_step(t[k], q1, pairs[k].p, f);
    f = add_step(t[k], q2, pairs[k].p, f);
  }
  return f;
}

Fp12 final_exponentiation(const Fp12& f) {
  // Easy part: f^((p^6 - 1)(p^2 + 1)), which lands in the cyclotomic subgroup.
  Fp12 t = f.conj() * f.inverse();
  t = t.frobenius().frobenius() * t;
  // Hard part: t^((p^4 - p^2 + 1) / r) with the vectorial addition chain of Scott, Benger,
  // Charlemagne, Dominguez Perez, Kachisa, "On the final exponentiation for calculating
  // pairings on ordinary elliptic curves" (Pairing 2009), section 5 (BN curves).
  const Fp12 fp = t.frobenius();
  const Fp12 fp2 = fp.frobenius();
  const Fp12 fp3 = fp2.frobenius();
  const Fp12 fu = pow_u(t);
  const Fp12 fu2 = pow_u(fu);
  const Fp12 fu3 = pow_u(fu2);
  const Fp12 y0 = fp * fp2 * fp3;
  const Fp12 y1 = t.conj();
  const Fp12 y2 = fu2.frobenius().frobenius();
  const Fp12 y3 = fu.frobenius().conj();
  const Fp12 y4 = (fu * fu2.frobenius()).conj();
  const Fp12 y5 = fu2.conj();
  const Fp12 y6 = (fu3 * fu3.frobenius()).conj();
  Fp12 t0 = y6.cyclotomic_square() * y4 * y5;
  Fp12 t1 = y3 * y5 * t0;
  t0 = t0 * y2;
  t1 = (t1.cyclotomic_square() * t0).cyclotomic_square();
  t0 = t1 * y1;
  t1 = t1 * y0;
  return t0.cyclotomic_square() * t1;
}

bool pairing_check(std::span<const PairingInput> pairs) {
  if (pairs.empty()) return true;
  return final_exponentiation(miller_loop(pairs)).is_one();
}

}  // namespace paraevm::bn254
