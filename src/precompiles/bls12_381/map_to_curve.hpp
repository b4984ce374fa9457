// Deterministic maps from field elements to G1 and G2 (RFC 9380 map_to_curve followed by
// clear_cofactor, without hashing), as EIP-2537's MAP_FP_TO_G1 and MAP_FP2_TO_G2 require.
#pragma once

#include "precompiles/bls12_381/groups.hpp"

namespace paraevm::bls12_381 {

/// Simplified SWU onto E1' (RFC 9380 section 6.6.2), then the 11-isogeny to E1. Not yet in G1.
G1 map_to_curve_g1(const Fp& u);
/// Simplified SWU onto E2', then the 3-isogeny to E2. Not yet in G2.
G2 map_to_curve_g2(const Fp2& u);

/// h_eff * P with h_eff = 1 - x = 0xd201000000010001 (RFC 9380 section 8.8.1).
G1 clear_cofactor_g1(const G1& p);
/// Budroni-Pintore cofactor clearing with psi (RFC 9380 Appendix G.3).
G2 clear_cofactor_g2(const G2& p);

/// clear_cofactor(map_to_curve(u)).
G1 map_fp_to_g1(const Fp& u);
G2 map_fp2_to_g2(const Fp2& u);

}  // namespace paraevm::bls12_381
