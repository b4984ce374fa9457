// Exponents derived from p at compile time (for inversion, square roots, Frobenius constants).
#pragma once

#include "precompiles/bls12_381/fp.hpp"

namespace paraevm::bls12_381::exponents {

constexpr Limbs sub_small(Limbs a, uint64_t s) {
  for (int i = 0; i < 6 && s != 0; ++i) {
    const uint64_t before = a[i];
    a[i] -= s;
    s = before < s ? 1 : 0;
  }
  return a;
}
constexpr Limbs add_small(Limbs a, uint64_t s) {
  for (int i = 0; i < 6 && s != 0; ++i) {
    a[i] += s;
    s = a[i] < s ? 1 : 0;
  }
  return a;
}
/// a / d for a small divisor d (the callers divide exactly).
constexpr Limbs div_small(const Limbs& a, uint64_t d) {
  Limbs q{};
  unsigned __int128 rem = 0;
  for (int i = 5; i >= 0; --i) {
    const unsigned __int128 cur = (rem << 64) | a[i];
    q[i] = uint64_t(cur / d);
    rem = cur % d;
  }
  return q;
}

inline constexpr Limbs kPMinus2 = sub_small(kP, 2);                      // Fermat inverse
inline constexpr Limbs kPPlus1Div4 = div_small(add_small(kP, 1), 4);     // sqrt, p = 3 mod 4
inline constexpr Limbs kPMinus1Div2 = div_small(sub_small(kP, 1), 2);    // Euler's criterion
inline constexpr Limbs kPMinus3Div4 = div_small(sub_small(kP, 3), 4);    // Fp2 sqrt
inline constexpr Limbs kPMinus1Div3 = div_small(sub_small(kP, 1), 3);    // psi constants
inline constexpr Limbs kPMinus1Div6 = div_small(sub_small(kP, 1), 6);    // Frobenius constants

}  // namespace paraevm::bls12_381::exponents
