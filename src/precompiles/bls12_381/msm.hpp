// Multi-scalar multiplication sum [k_i] P_i (Pippenger's bucket method).
#pragma once

#include <span>

#include "precompiles/bls12_381/groups.hpp"

namespace paraevm::bls12_381 {

/// sum [scalars[i]] points[i] over full 256-bit scalars (preconditions: equal sizes, every
/// point in its prime-order subgroup, which the endomorphism split relies on).
G1 msm(std::span<const G1Affine> points, std::span<const Scalar> scalars);
G2 msm(std::span<const G2Affine> points, std::span<const Scalar> scalars);

/// The same sum without the endomorphism split (any points on the curve; the reference the
/// split is tested against).
G1 msm_no_endomorphism(std::span<const G1Affine> points, std::span<const Scalar> scalars);
G2 msm_no_endomorphism(std::span<const G2Affine> points, std::span<const Scalar> scalars);

}  // namespace paraevm::bls12_381
