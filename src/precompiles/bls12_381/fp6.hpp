// Fp6 = Fp2[v] / (v^3 - xi), xi = 1 + u (EIP-2537 "Fp2 cubic non-residue" 1 + 1*u).
#pragma once

#include "precompiles/bls12_381/fp2.hpp"

namespace paraevm::bls12_381 {

struct Fp6 {
  Fp2 c0, c1, c2;  // c0 + c1 v + c2 v^2

  static constexpr Fp6 zero() { return {}; }
  static constexpr Fp6 one() { return {Fp2::one(), Fp2::zero(), Fp2::zero()}; }
  friend constexpr bool operator==(const Fp6&, const Fp6&) = default;

  friend Fp6 operator+(const Fp6& a, const Fp6& b) { return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2}; }
  friend Fp6 operator-(const Fp6& a, const Fp6& b) { return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2}; }
  Fp6 operator-() const { return {-c0, -c1, -c2}; }
  friend Fp6 operator*(const Fp6& a, const Fp6& b);
  Fp6 square() const;
  /// Multiplication by v: (c0, c1, c2) -> (xi c2, c0, c1).
  Fp6 mul_by_v() const { return {c2.mul_by_xi(), c0, c1}; }
  /// Multiplication by b0 + b1 v (a sparse element).
  Fp6 mul_by_01(const Fp2& b0, const Fp2& b1) const;
  /// Multiplication by b1 v.
  Fp6 mul_by_1(const Fp2& b1) const { return {(c2 * b1).mul_by_xi(), c0 * b1, c1 * b1}; }
  Fp6 inverse() const;
};

}  // namespace paraevm::bls12_381
