// Fp12 = Fp6[w] / (w^2 - v): the pairing's target field.
#pragma once

#include "precompiles/bls12_381/fp6.hpp"

namespace paraevm::bls12_381 {

struct Fp12 {
  Fp6 c0, c1;  // c0 + c1 w

  static Fp12 one() { return {Fp6::one(), Fp6::zero()}; }
  friend constexpr bool operator==(const Fp12&, const Fp12&) = default;

  friend Fp12 operator*(const Fp12& a, const Fp12& b);
  Fp12& operator*=(const Fp12& b) { return *this = *this * b; }
  Fp12 square() const;
  /// x^(p^6): the inverse for elements of the cyclotomic subgroup.
  Fp12 conjugate() const { return {c0, -c1}; }
  Fp12 inverse() const;
  /// The Frobenius map x -> x^p.
  Fp12 frobenius() const;
  /// Multiplication by a line value l0 + l1 v + l3 v w (the shape of every Miller-loop line).
  Fp12 mul_by_line(const Fp2& l0, const Fp2& l1, const Fp2& l3) const;
  /// Squaring of an element of the cyclotomic subgroup (Granger-Scott).
  Fp12 cyclotomic_square() const;
};

}  // namespace paraevm::bls12_381
