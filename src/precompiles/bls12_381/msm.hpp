// Multi-scalar multiplication sum [k_i] P_i (Pippenger's bucket method).
#pragma once

#include <span>

#include "precompiles/bls12_381/groups.hpp"

namespace paraevm::bls12_381 {

/// sum [scalars[i]] points[i] over full 256-bit scalars (precondition: equal sizes).
G1 msm(std::span<const G1Affine> points, std::span<const Scalar> scalars);
G2 msm(std::span<const G2Affine> points, std::span<const Scalar> scalars);

}  // namespace paraevm::bls12_381
