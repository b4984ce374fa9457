// Fp exponentiation, inversion and square roots.
#include "precompiles/bls12_381/fp.hpp"

#include <gmp.h>

#include "precompiles/bls12_381/exponents.hpp"
#include "precompiles/bls12_381/window_pow.hpp"

namespace paraevm::bls12_381 {

Fp Fp::pow(const Limbs& e) const { return window_pow(*this, e); }

namespace {
// R^3 mod p: mont_mul(R^2, R^2) = R^4 / R.
constexpr Limbs kR3 = detail::mont_mul(detail::kR2, detail::kR2);
}  // namespace

Fp Fp::inverse() const {
  // GMP's extended GCD on the Montgomery value a R gives (a R)^-1; multiplying by R^3 in
  // Montgomery form gives a^-1 R. About 20x faster than Fermat's a^(p-2).
  if (is_zero()) return zero();
  mp_size_t n = 6;
  while (n > 0 && v[size_t(n - 1)] == 0) --n;
  mpz_t a, m, r;
  mpz_roinit_n(a, reinterpret_cast<const mp_limb_t*>(v.data()), n);
  mpz_roinit_n(m, reinterpret_cast<const mp_limb_t*>(kP.data()), 6);
  mpz_init2(r, 384);
  mpz_invert(r, a, m);  // a != 0 and p prime: always invertible
  Limbs inv{};
  for (size_t i = 0; i < 6; ++i) inv[i] = mpz_getlimbn(r, mp_size_t(i));
  mpz_clear(r);
  return {detail::mont_mul(inv, kR3)};
}

Fp Fp::inverse_by_fermat() const { return pow(exponents::kPMinus2); }

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
