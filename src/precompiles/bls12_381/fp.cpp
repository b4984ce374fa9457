// Fp exponentiation, inversion and square roots.
#include "precompiles/bls12_381/fp.hpp"

#include <gmp.h>

#include "precompiles/bls12_381/exponents.hpp"

namespace paraevm::bls12_381 {

Fp Fp::pow(const Limbs& e) const {
  // Fixed 4-bit windows: 4 squarings and at most one product per window (about 380 squarings
  // and 95 products for a 381-bit exponent instead of about 190 products bit by bit).
  Fp table[16];
  table[0] = one();
  for (size_t d = 1; d < 16; ++d) table[d] = table[d - 1] * *this;
  Fp result = one();
  bool started = false;
  for (int w = 95; w >= 0; --w) {
    if (started) result = result.square().square().square().square();
    const unsigned d = unsigned(e[size_t(w / 16)] >> ((w % 16) * 4)) & 15;
    if (d != 0) {
      result = started ? result * table[d] : table[d];
      started = true;
    }
  }
  return result;
}

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
