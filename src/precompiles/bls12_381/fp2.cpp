// Fp2 exponentiation, inversion and square roots.
#include "precompiles/bls12_381/fp2.hpp"

#include "precompiles/bls12_381/exponents.hpp"
#include "precompiles/bls12_381/window_pow.hpp"

namespace paraevm::bls12_381 {

Fp2 Fp2::pow(const Limbs& e) const { return window_pow(*this, e); }

Fp2 Fp2::inverse() const {
  // 1 / (c0 + c1 u) = (c0 - c1 u) / (c0^2 + c1^2)
  const Fp norm_inv = (c0.square() + c1.square()).inverse();
  return {c0 * norm_inv, -(c1 * norm_inv)};
}

bool Fp2::sqrt(Fp2& out) const {
  // Adj and Rodriguez-Henriquez, "Square root computation over even extension fields"
  // (2012), Algorithm 9, for p = 3 mod 4. The result is checked, so a wrong branch cannot
  // return a non-root.
  if (is_zero()) {
    out = zero();
    return true;
  }
  const Fp2 a1 = pow(exponents::kPMinus3Div4);
  const Fp2 x0 = a1 * *this;
  const Fp2 alpha = a1 * x0;
  Fp2 root;
  if (alpha == -one()) {
    root = {-x0.c1, x0.c0};  // u * x0
  } else {
    const Fp2 b = (one() + alpha).pow(exponents::kPMinus1Div2);
    root = b * x0;
  }
  if (root.square() != *this) return false;
  out = root;
  return true;
}

}  // namespace paraevm::bls12_381
