// 0x06 ECADD on BN254 (EIP-196): the sum of two G1 points. Input zero-padded to 128 bytes;
// output 64 bytes. A coordinate >= p or a point off the curve fails the call.
#include <algorithm>
#include <array>

#include "precompiles/bn254/codec.hpp"
#include "precompiles/bn254_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {

PrecompileResult bn254_add(Revision rev, BytesView input, int64_t gas_limit) {
  PrecompileResult result = charge(bn254_gas(rev).add, gas_limit);
  if (!result.success) return result;
  std::array<uint8_t, 128> in{};
  std::copy_n(input.begin(), std::min(input.size(), in.size()), in.begin());
  const auto a = bn254::decode_g1(in.data());
  const auto b = bn254::decode_g1(in.data() + 64);
  if (!a || !b) return {false, 0, {}};
  const bn254::G1 sum = bn254::G1::from_affine(*a) + bn254::G1::from_affine(*b);
  result.output.resize(64);
  bn254::encode_g1(sum.to_affine(), result.output.data());
  return result;
}

}  // namespace paraevm::precompiles
