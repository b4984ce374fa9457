// Miller loop with homogeneous projective G2 coordinates and sparse line multiplication.
//
// With the M-type twist psi(x', y') = (x'/w^2, y'/w^3), the line through points of the twist
// evaluated at P = (xp, yp) is, up to a factor in a proper subfield (removed by the final
// exponentiation), yp w^3 - lambda' xp w^2 + (lambda' x' - y'): coefficients on 1, v = w^2 and
// v w = w^3.
#include "precompiles/bls12_381/pairing.hpp"

#include <bit>
#include <vector>

namespace paraevm::bls12_381 {
namespace {

struct G2Projective {
  Fp2 x, y, z;  // x' = X/Z, y' = Y/Z
};

/// A line before evaluation at P: c0 + (cx xp) v + (cy yp) v w.
using LineCoeffs = G2Prepared::Line;

/// c * 3b' with 3b' = 12 (1 + u) = 12 xi, the twist coefficient tripled: additions only.
Fp2 mul_by_b3(const Fp2& c) {
  const Fp2 c4 = c.dbl().dbl();
  return (c4.dbl() + c4).mul_by_xi();
}

/// T <- 2T; the tangent at T (scaled by -2YZ), not yet evaluated at P.
LineCoeffs double_step(G2Projective& t) {
  const Fp2 xx = t.x.square();
  const Fp2 yy = t.y.square();
  const Fp2 yz = t.y * t.z;
  const Fp2 b3zz = mul_by_b3(t.z.square());
  const LineCoeffs line{b3zz - yy, xx.dbl() + xx, -yz.dbl()};
  const Fp2 b9zz = b3zz.dbl() + b3zz;
  // The doubling formulas of Costello-Lange-Naehrig (eprint 2009/615) scaled by 4.
  const Fp2 x3 = (t.x * t.y).dbl() * (yy - b9zz);
  const Fp2 b3zz2 = b3zz.square();
  const Fp2 y3 = (yy + b9zz).square() - (b3zz2.dbl() + b3zz2).dbl().dbl();
  const Fp2 z3 = (yy * yz).dbl().dbl().dbl();
  t = {x3, y3, z3};
  return line;
}

/// T <- T + Q; the chord through T and Q (scaled by X - xq Z), not yet evaluated at P.
LineCoeffs add_step(G2Projective& t, const G2Affine& q) {
  const Fp2 theta = t.y - q.y * t.z;
  const Fp2 lambda = t.x - q.x * t.z;
  const LineCoeffs line{theta * q.x - lambda * q.y, -theta, lambda};
  const Fp2 c = theta.square();
  const Fp2 d = lambda.square();
  const Fp2 e = d * lambda;
  const Fp2 f = t.z * c;
  const Fp2 g = t.x * d;
  const Fp2 h = e + f - g.dbl();
  t = {lambda * h, theta * (g - h) - t.y * e, t.z * e};
  return line;
}

/// f <- f * line(P).
void mul_by_line_at(Fp12& f, const LineCoeffs& l, const G1Affine& p) {
  f = f.mul_by_line(l.c0, l.cx * p.x, l.cy * p.y);
}

/// a^x for a in the cyclotomic subgroup by Granger-Scott squarings (x negative:
/// a^-|x| = conj(a^|x|)); the fallback of cyclotomic_exp_by_x.
Fp12 cyclotomic_exp_by_x_uncompressed(const Fp12& a) {
  Fp12 r = a;
  for (int b = 62; b >= 0; --b) {
    r = r.cyclotomic_square();
    if ((kXAbs >> b) & 1) r *= a;
  }
  return r.conjugate();
}

/// a^x: |x| has six set bits (63, 62, 60, 57, 48, 16), so a^|x| is the product of six
/// a^(2^k). 63 compressed squarings keep the a^(2^k) at those k; one batch decompression and
/// five products finish.
Fp12 cyclotomic_exp_by_x(const Fp12& a) {
  constexpr int kBits = std::popcount(kXAbs);
  Fp12Compressed saved[kBits];
  int n = 0;
  Fp12Compressed c = Fp12Compressed::from(a);
  static_assert((kXAbs & 1) == 0, "bit 0 would need a itself");
  for (int k = 1; k <= 63; ++k) {
    c = c.square();
    if ((kXAbs >> k) & 1) saved[n++] = c;
  }
  Fp12 full[kBits];
  if (!decompress({saved, size_t(n)}, {full, size_t(n)})) return cyclotomic_exp_by_x_uncompressed(a);
  Fp12 r = full[0];
  for (int i = 1; i < n; ++i) r *= full[i];
  return r.conjugate();
}

}  // namespace

Fp12 miller_loop(std::span<const PairingInput> pairs) {
  std::vector<const PairingInput*> live;
  std::vector<G2Projective> ts;
  for (const auto& pair : pairs) {
    if (pair.p.infinity || pair.q.infinity) continue;
    live.push_back(&pair);
    ts.push_back({pair.q.x, pair.q.y, Fp2::one()});
  }
  Fp12 f = Fp12::one();
  if (live.empty()) return f;
  for (int b = 62; b >= 0; --b) {
    if (b != 62) f = f.square();
    for (size_t i = 0; i < live.size(); ++i) mul_by_line_at(f, double_step(ts[i]), live[i]->p);
    if (((kXAbs >> b) & 1) == 0) continue;
    for (size_t i = 0; i < live.size(); ++i) mul_by_line_at(f, add_step(ts[i], live[i]->q), live[i]->p);
  }
  return f.conjugate();
}

G2Prepared prepare_g2(const G2Affine& q) {
  G2Prepared out;
  out.infinity = q.infinity;
  if (q.infinity) return out;
  G2Projective t{q.x, q.y, Fp2::one()};
  out.lines.reserve(68);
  for (int b = 62; b >= 0; --b) {
    out.lines.push_back(double_step(t));
    if ((kXAbs >> b) & 1) out.lines.push_back(add_step(t, q));
  }
  return out;
}

Fp12 miller_loop_prepared(std::span<const PreparedInput> pairs) {
  std::vector<const PreparedInput*> live;
  for (const auto& pair : pairs)
    if (!pair.p.infinity && !pair.q->infinity) live.push_back(&pair);
  Fp12 f = Fp12::one();
  if (live.empty()) return f;
  size_t line = 0;
  for (int b = 62; b >= 0; --b) {
    if (b != 62) f = f.square();
    for (const PreparedInput* in : live) mul_by_line_at(f, in->q->lines[line], in->p);
    ++line;
    if (((kXAbs >> b) & 1) == 0) continue;
    for (const PreparedInput* in : live) mul_by_line_at(f, in->q->lines[line], in->p);
    ++line;
  }
  return f.conjugate();
}

Fp12 final_exponentiation(const Fp12& f) {
  // Easy part: f^((p^6 - 1)(p^2 + 1)) lands in the cyclotomic subgroup.
  Fp12 a = f.conjugate() * f.inverse();
  a = a.frobenius().frobenius() * a;
  // Hard part (times 3).
  Fp12 t = cyclotomic_exp_by_x(a) * a.conjugate();           // a^(x-1)
  t = cyclotomic_exp_by_x(t) * t.conjugate();                // a^((x-1)^2)
  t = cyclotomic_exp_by_x(t) * t.frobenius();                // ... (x+p)
  t = cyclotomic_exp_by_x(cyclotomic_exp_by_x(t)) * t.frobenius().frobenius() * t.conjugate();
  return t * a.cyclotomic_square() * a;                      // + 3
}

bool pairing_check(std::span<const PairingInput> pairs) {
  return final_exponentiation(miller_loop(pairs)) == Fp12::one();
}

bool pairing_check_prepared(std::span<const PreparedInput> pairs) {
  return final_exponentiation(miller_loop_prepared(pairs)) == Fp12::one();
}

Fp12 pairing(const G1Affine& p, const G2Affine& q) {
  const PairingInput in{p, q};
  return final_exponentiation(miller_loop({&in, 1}));
}

}  // namespace paraevm::bls12_381
