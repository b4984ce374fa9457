// 0x08 ECPAIRING on BN254 (EIP-197): whether prod e(P_i, Q_i) = 1 over k pairs of
// G1 (64 bytes) | G2 (128 bytes). Output: the 32-byte word 1 or 0. The gas for k pairs is
// charged first; then an input length not a multiple of 192, a coordinate >= p, a point off
// its curve or a G2 point outside the order-r subgroup fails the call.
#include <vector>

#include "precompiles/bn254/codec.hpp"
#include "precompiles/bn254/pairing.hpp"
#include "precompiles/bn254_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {

PrecompileResult bn254_pairing(Revision rev, BytesView input, int64_t gas_limit) {
  constexpr size_t kPairSize = 192;
  const Bn254Gas& gas = bn254_gas(rev);
  const size_t k = input.size() / kPairSize;
  if (k > static_cast<size_t>(INT64_MAX / gas.pairing_per_pair)) return {false, 0, {}};
  PrecompileResult result = charge(gas.pairing_base + gas.pairing_per_pair * static_cast<int64_t>(k), gas_limit);
  if (!result.success) return result;
  if (input.size() % kPairSize != 0) return {false, 0, {}};

  std::vector<bn254::PairingInput> pairs;
  pairs.reserve(k);
  for (size_t i = 0; i < k; ++i) {
    const uint8_t* in = input.data() + i * kPairSize;
    const auto p = bn254::decode_g1(in);
    const auto q = bn254::decode_g2(in + 64);
    if (!p || !q) return {false, 0, {}};
    if (!bn254::in_g2_subgroup(*q)) return {false, 0, {}};
    // G1 has cofactor 1: on the curve means in the group. A pair with infinity contributes 1.
    if (!p->infinity && !q->infinity) pairs.push_back({*p, *q});
  }
  result.output.assign(32, 0);
  result.output[31] = bn254::pairing_check(pairs) ? 1 : 0;
  return result;
}

}  // namespace paraevm::precompiles
