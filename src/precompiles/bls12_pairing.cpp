// EIP-2537 PAIRING_CHECK (0x0f): k pairs of (G1, G2), output 1 when prod e(P_i, Q_i) == 1.
#include <vector>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/msm_gas.hpp"
#include "precompiles/bls12_381/pairing.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace bls = bls12_381;

PrecompileResult bls12_pairing_check(Revision, BytesView input, int64_t gas_limit) {
  constexpr size_t kPairSize = 128 + 256;
  const size_t k = input.size() / kPairSize;
  if (k == 0 || input.size() % kPairSize != 0) return {};
  PrecompileResult r =
      charge(bls::gas::kPairingPerPair * int64_t(k) + bls::gas::kPairingBase, gas_limit);
  if (!r.success) return r;
  std::vector<bls::PairingInput> pairs(k);
  for (size_t i = 0; i < k; ++i) {
    const uint8_t* in = input.data() + i * kPairSize;
    if (bls::decode_g1(in, pairs[i].p, true) != bls::DecodeError::kOk ||
        bls::decode_g2(in + 128, pairs[i].q, true) != bls::DecodeError::kOk)
      return {};
  }
  r.output.assign(32, 0);
  r.output[31] = bls::pairing_check(pairs) ? 1 : 0;
  return r;
}

}  // namespace paraevm::precompiles
