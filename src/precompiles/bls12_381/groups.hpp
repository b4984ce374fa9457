// The groups G1 (over Fp) and G2 (over Fp2, on the M-type sextic twist) of BLS12-381:
// curve constants, generators, endomorphisms and subgroup checks.
#pragma once

#include <span>
#include <vector>

#include "precompiles/bls12_381/curve.hpp"
#include "precompiles/bls12_381/fp2.hpp"

namespace paraevm::bls12_381 {

using G1Affine = Affine<Fp>;
using G1 = Jacobian<Fp>;
using G2Affine = Affine<Fp2>;
using G2 = Jacobian<Fp2>;

/// |x| for the curve seed x = -0xd201000000010000 (EIP-2537 "Pairing parameters").
inline constexpr uint64_t kXAbs = 0xd201000000010000;

/// The prime group order r = x^4 - x^2 + 1 (EIP-2537 "Main subgroup order").
inline constexpr Scalar kGroupOrder = {0xffffffff00000001, 0x53bda402fffe5bfe, 0x3339d80809a1d805,
                                       0x73eda753299d7d48};

/// E1: y^2 = x^3 + 4.
inline constexpr Fp kG1B = Fp::from_u64(4);
/// E2: y^2 = x^3 + 4(1 + u).
inline constexpr Fp2 kG2B = {Fp::from_u64(4), Fp::from_u64(4)};

/// A primitive cube root of unity in Fp, EIP-2537 assets/fast_subgroup_checks.md "Beta"
/// (793479390729215512621379701633421447060886740281060493010456487427281649075476305620758731620350):
/// phi(x, y) = (beta x, y) acts as [-x^2] on G1.
inline constexpr Fp kG1Beta = Fp::from_hex(
    "5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe");

/// The generators (EIP-2537 "Generators" H1, H2).
G1Affine g1_generator();
G2Affine g2_generator();

/// psi = untwist-Frobenius-twist on E2 (RFC 9380 Appendix G.3); acts as [x] on G2.
G2 psi(const G2& p);

/// Membership in the order-r subgroup for points already on the curve. G1: phi(P) = -x^2 P
/// with phi(x, y) = (beta x, y); G2: psi(P) = [x] P (Scott, eprint 2021/1130, section 4;
/// EIP-2537 assets/fast_subgroup_checks.md).
bool g1_in_subgroup(const G1& p);
bool g2_in_subgroup(const G2& p);

/// [k]P for P in G1 (precondition) by the GLV split k = k1 x^2 + k0 (0 <= k0 < x^2,
/// k1 < 2^128), with [x^2]P = -phi(P) = (beta x, -y): two 128-bit scalars on one chain of
/// doublings.
G1 g1_mul_glv(const G1Affine& p, const Scalar& k);

/// [k]G1 for the generator: a fixed-base table of d 16^w G for every 4-bit window w and
/// digit d (computed once), so only 64 mixed additions per product.
G1 g1_mul_generator(const Scalar& k);

/// Affine forms of many points with one shared inversion (Montgomery's trick).
std::vector<G1Affine> batch_to_affine(std::span<const G1> points);

/// The same checks by [r]P == O (slow; the reference the fast checks are tested against).
bool g1_in_subgroup_by_order(const G1& p);
bool g2_in_subgroup_by_order(const G2& p);

}  // namespace paraevm::bls12_381
