// Constants of BN254 derived from p and xi = 9 + i at first use (each computed, not typed in).
#pragma once

#include "precompiles/bn254/fp12.hpp"

namespace paraevm::bn254 {

struct Constants {
  /// gamma[k] = xi^(k (p - 1) / 6), k = 0..5: (g w^k)^p = conj(g) gamma[k] w^k for g in Fp2,
  /// because w^6 = xi and p = 1 mod 6.
  Fp2 gamma[6];
  /// b' = 3 / xi, the constant of the D-type sextic twist E': y^2 = x^3 + b' that holds G2
  /// (EIP-197).
  Fp2 twist_b;
  /// 3 b', used by the projective doubling step of the Miller loop.
  Fp2 twist_b3;
};

/// Computed once (thread-safe static initialization).
const Constants& constants();

/// a^e for a plain 256-bit exponent e.
Fp2 pow(const Fp2& a, const Limbs& e);

/// The curve constant b = 3 of E: y^2 = x^3 + 3 (EIP-196), in Montgomery form.
inline Fp curve_b() { return Fp::from_limbs({{3, 0, 0, 0}}); }

}  // namespace paraevm::bn254
