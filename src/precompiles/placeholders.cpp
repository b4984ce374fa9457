// TEMPORARY: precompiles not implemented yet fail every call (never a fake success). Each
// implementation removes its line here when it lands; this file goes when it is empty.
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
#define PARAEVM_PLACEHOLDER(name) \
  PrecompileResult name(Revision, BytesView, int64_t) { return {false, 0, {}}; }

PARAEVM_PLACEHOLDER(bn254_add)
PARAEVM_PLACEHOLDER(bn254_mul)
PARAEVM_PLACEHOLDER(bn254_pairing)
PARAEVM_PLACEHOLDER(point_evaluation)
PARAEVM_PLACEHOLDER(bls12_g1add)
PARAEVM_PLACEHOLDER(bls12_g1msm)
PARAEVM_PLACEHOLDER(bls12_g2add)
PARAEVM_PLACEHOLDER(bls12_g2msm)
PARAEVM_PLACEHOLDER(bls12_pairing_check)
PARAEVM_PLACEHOLDER(bls12_map_fp_to_g1)
PARAEVM_PLACEHOLDER(bls12_map_fp2_to_g2)

#undef PARAEVM_PLACEHOLDER
}  // namespace paraevm::precompiles
