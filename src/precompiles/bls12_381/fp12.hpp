// Fp12 = Fp6[w] / (w^2 - v): the pairing's target field.
#pragma once

#include <span>

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

/// Karabina's compressed form of a cyclotomic-subgroup element (eprint 2010/542; formulas as
/// in Aranha-Karabina-Longa-Gebotys-Lopez, eprint 2010/526, section 5): the Fp2 coefficients
/// of w^1, w^2, w^4, w^5, which determine the other two and square among themselves.
struct Fp12Compressed {
  Fp2 g1, g2, g4, g5;

  static Fp12Compressed from(const Fp12& f) { return {f.c1.c0, f.c0.c1, f.c0.c2, f.c1.c2}; }
  /// The compressed form of f^2 (f in the cyclotomic subgroup): six Fp2 squarings.
  Fp12Compressed square() const;
};

/// Recovers the full elements (shared inversion). False when some g1 is zero (the formula
/// divides by it; callers then fall back to uncompressed squarings).
bool decompress(std::span<const Fp12Compressed> in, std::span<Fp12> out);

}  // namespace paraevm::bls12_381
