// The optimal ate pairing of BLS12-381 (Miller loop over |x|, shared final exponentiation).
#pragma once

#include <span>
#include <vector>

#include "precompiles/bls12_381/fp12.hpp"
#include "precompiles/bls12_381/groups.hpp"

namespace paraevm::bls12_381 {

struct PairingInput {
  G1Affine p;
  G2Affine q;
};

/// The Miller loop's lines for a fixed G2 point, independent of the G1 point (for G2 points
/// used in many pairings: the KZG setup's G2 and [tau]G2). Each line is c0 + cx xp v + cy yp vw.
struct G2Prepared {
  struct Line {
    Fp2 c0, cx, cy;
  };
  std::vector<Line> lines;  // in Miller-loop order: per bit a doubling line, then an addition line
  bool infinity = true;
};
G2Prepared prepare_g2(const G2Affine& q);

struct PreparedInput {
  G1Affine p;
  const G2Prepared* q;
};

/// The product of the Miller loops f_{|x|,Q}(P), conjugated for the negative x; pairs with a
/// point at infinity contribute 1.
Fp12 miller_loop(std::span<const PairingInput> pairs);

/// miller_loop over prepared G2 points (the same value).
Fp12 miller_loop_prepared(std::span<const PreparedInput> pairs);

/// f^(3 (p^12 - 1) / r): the easy part (p^6 - 1)(p^2 + 1), then three times the hard part by
/// Hayashida-Hayasaka-Teruya (eprint 2020/875): 3 (p^4 - p^2 + 1)/r
/// = (x - 1)^2 (x + p)(x^2 + p^2 - 1) + 3. The factor 3 is coprime to r, so the map is still a
/// bijection of the order-r target group and "== 1" tests are unaffected.
Fp12 final_exponentiation(const Fp12& f);

/// prod e(P_i, Q_i) == 1. Preconditions: every point on its curve and in its subgroup.
bool pairing_check(std::span<const PairingInput> pairs);

bool pairing_check_prepared(std::span<const PreparedInput> pairs);

/// e(P, Q) (cubed, see final_exponentiation), for tests.
Fp12 pairing(const G1Affine& p, const G2Affine& q);

}  // namespace paraevm::bls12_381
