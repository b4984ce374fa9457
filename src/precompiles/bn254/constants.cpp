#include "precompiles/bn254/constants.hpp"

namespace paraevm::bn254 {
namespace {

/// (p - 1) / 6 as limbs, by long division of p - 1 by 6.
Limbs p_minus_1_over_6() {
  Limbs n = kP;
  n.w[0] -= 1;  // p is odd: no borrow
  Limbs q{};
  uint128 rem = 0;
  for (int i = 3; i >= 0; --i) {
    const uint128 cur = rem << 64 | n.w[i];
    q.w[i] = static_cast<uint64_t>(cur / 6);
    rem = cur % 6;
  }
  return q;
}

Constants compute() {
  Constants c;
  const Fp2 xi{Fp::from_limbs({{9, 0, 0, 0}}), Fp::one()};
  const Fp2 g1 = pow(xi, p_minus_1_over_6());
  c.gamma[0] = Fp2::one();
  for (int k = 1; k < 6; ++k) c.gamma[k] = c.gamma[k - 1] * g1;
  const Fp2 three{Fp::from_limbs({{3, 0, 0, 0}}), Fp::zero()};
  c.twist_b = three * xi.inverse();
  c.twist_b3 = c.twist_b + c.twist_b + c.twist_b;
  return c;
}

}  // namespace

Fp2 pow(const Fp2& a, const Limbs& e) {
  Fp2 r = Fp2::one();
  for (int i = 255; i >= 0; --i) {
    r = r.square();
    if (e.w[i / 64] >> (i % 64) & 1) r *= a;
  }
  return r;
}

const Constants& constants() {
  static const Constants c = compute();
  return c;
}

Fp12 Fp12::frobenius() const {
  const Fp2* g = constants().gamma;
  return {{c0.c0.conj(), c0.c1.conj() * g[2], c0.c2.conj() * g[4]},
          {c1.c0.conj() * g[1], c1.c1.conj() * g[3], c1.c2.conj() * g[5]}};
}

}  // namespace paraevm::bn254
