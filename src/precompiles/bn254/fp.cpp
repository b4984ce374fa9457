#include "precompiles/bn254/fp.hpp"

namespace paraevm::bn254 {
namespace {

bool is_one(const Limbs& a) { return a.w[0] == 1 && (a.w[1] | a.w[2] | a.w[3]) == 0; }
bool is_even(const Limbs& a) { return (a.w[0] & 1) == 0; }

void shr1(Limbs& a, uint64_t top = 0) {
  for (int i = 0; i < 3; ++i) a.w[i] = a.w[i] >> 1 | a.w[i + 1] << 63;
  a.w[3] = a.w[3] >> 1 | top << 63;
}

/// x / 2 mod p for x < p.
void half_mod(Limbs& x) {
  uint64_t top = 0;
  if (!is_even(x)) top = detail::add(x, x, kP);
  shr1(x, top);
}

/// (a - b) mod p for a, b < p.
Limbs sub_mod(const Limbs& a, const Limbs& b) {
  Limbs d{};
  if (detail::sub(d, a, b)) detail::add(d, d, kP);
  return d;
}

}  // namespace

// Binary extended Euclid on the plain integers (Menezes et al., Handbook of Applied
// Cryptography, algorithm 2.22 / "binary inversion"): much faster than Fermat's p-2 power.
// For the Montgomery input aR it yields (aR)^-1 = a^-1 R^-1; a Montgomery product with R^3
// turns that into a^-1 R, the Montgomery form of the inverse.
Fp Fp::inverse() const {
  if (is_zero()) return zero();
  Limbs u = m, v = kP;
  Limbs x1{{1, 0, 0, 0}}, x2{{0, 0, 0, 0}};
  while (!is_one(u) && !is_one(v)) {
    while (is_even(u)) {
      shr1(u);
      half_mod(x1);
    }
    while (is_even(v)) {
      shr1(v);
      half_mod(x2);
    }
    if (!detail::less(u, v)) {
      detail::sub(u, u, v);
      x1 = sub_mod(x1, x2);
    } else {
      detail::sub(v, v, u);
      x2 = sub_mod(x2, x1);
    }
  }
  return mont_mul({is_one(u) ? x1 : x2}, {kR3});
}

}  // namespace paraevm::bn254
