// Entry points of the individual precompiled contracts. Each computes its own gas from the
// revision (see the gas tables in its file), charges it against gas_limit and runs.
#pragma once

#include "precompiles/precompile.hpp"

namespace paraevm::precompiles {

using EntryPoint = PrecompileResult (*)(Revision rev, BytesView input, int64_t gas_limit);

PrecompileResult ecrecover(Revision rev, BytesView input, int64_t gas_limit);       // 0x01
PrecompileResult sha256(Revision rev, BytesView input, int64_t gas_limit);          // 0x02
PrecompileResult ripemd160(Revision rev, BytesView input, int64_t gas_limit);       // 0x03
PrecompileResult identity(Revision rev, BytesView input, int64_t gas_limit);        // 0x04
PrecompileResult modexp(Revision rev, BytesView input, int64_t gas_limit);          // 0x05
PrecompileResult bn254_add(Revision rev, BytesView input, int64_t gas_limit);       // 0x06
PrecompileResult bn254_mul(Revision rev, BytesView input, int64_t gas_limit);       // 0x07
PrecompileResult bn254_pairing(Revision rev, BytesView input, int64_t gas_limit);   // 0x08
PrecompileResult blake2f(Revision rev, BytesView input, int64_t gas_limit);         // 0x09
PrecompileResult point_evaluation(Revision rev, BytesView input, int64_t gas_limit);  // 0x0a
PrecompileResult bls12_g1add(Revision rev, BytesView input, int64_t gas_limit);     // 0x0b
PrecompileResult bls12_g1msm(Revision rev, BytesView input, int64_t gas_limit);     // 0x0c
PrecompileResult bls12_g2add(Revision rev, BytesView input, int64_t gas_limit);     // 0x0d
PrecompileResult bls12_g2msm(Revision rev, BytesView input, int64_t gas_limit);     // 0x0e
PrecompileResult bls12_pairing_check(Revision rev, BytesView input, int64_t gas_limit);  // 0x0f
PrecompileResult bls12_map_fp_to_g1(Revision rev, BytesView input, int64_t gas_limit);   // 0x10
PrecompileResult bls12_map_fp2_to_g2(Revision rev, BytesView input, int64_t gas_limit);  // 0x11
PrecompileResult p256verify(Revision rev, BytesView input, int64_t gas_limit);      // 0x100

/// Charges `cost` against `gas_limit`: the failure result when it does not fit, else a success
/// result with gas_left set (output still empty).
inline PrecompileResult charge(int64_t cost, int64_t gas_limit) {
  if (cost < 0 || cost > gas_limit) return {false, 0, {}};
  return {true, gas_limit - cost, {}};
}

}  // namespace paraevm::precompiles
