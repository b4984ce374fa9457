// The optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010), as a product check.
#pragma once

#include <span>
#include <utility>

#include "precompiles/bn254/curve.hpp"

namespace paraevm::bn254 {

/// A G1 point (P) and a G2 point (Q on the twist), both affine and not infinity.
struct PairingInput {
  Affine<Fp> p;
  Affine<Fp2> q;
};

/// prod over the pairs of the Miller loop f_{6u+2,Q}(P) times the two Frobenius lines,
/// before the final exponentiation.
Fp12 miller_loop(std::span<const PairingInput> pairs);

/// f^((p^12 - 1) / r).
Fp12 final_exponentiation(const Fp12& f);

/// Whether prod e(P_i, Q_i) = 1. Preconditions: every P in G1, every Q in the subgroup of G2,
/// none infinity (a pair with an infinity contributes 1 and is left out by the caller).
bool pairing_check(std::span<const PairingInput> pairs);

/// The twist's Frobenius endomorphism pi(x, y) = (conj(x) gamma2, conj(y) gamma3) (the
/// p-power map of E(Fp12) carried to the twist).
Affine<Fp2> twist_frobenius(const Affine<Fp2>& q);

}  // namespace paraevm::bn254
