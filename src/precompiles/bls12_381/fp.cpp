// Fp exponentiation, inversion and square roots.
#include "precompiles/bls12_381/fp.hpp"

#include "precompiles/bls12_381/exponents.hpp"

namespace paraevm::bls12_381 {

Fp Fp::pow(const Limbs& e) const {
  Fp result = one();
  for (int i = 5; i >= 0; --i)
    for (int b = 63; b >= 0; --b) {
      result = result.square();
      if ((e[i] >> b) & 1) result *= *this;
    }
  return result;
}

Fp Fp::inverse() const { return pow(exponents::kPMinus2); }

bool Fp::sqrt(Fp& out) const {
  // p = 3 mod 4: a^((p+1)/4) is a root whenever a is a square.
  const Fp root = pow(exponents::kPPlus1Div4);
  if (root.square() != *this) return false;
  out = root;
  return true;
}

bool Fp::is_square() const {
  if (is_zero()) return true;
  return pow(exponents::kPMinus1Div2) == one();
}

bool Fp::lexicographically_largest() const {
  // canonical > (p-1)/2
  Limbs c = canonical();
  return !detail::geq(exponents::kPMinus1Div2, c);
}

}  // namespace paraevm::bls12_381
