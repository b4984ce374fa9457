// 0x07 ECMUL on BN254 (EIP-196): a G1 point times a 256-bit scalar (not reduced mod r). Input
// zero-padded to 96 bytes; output 64 bytes. Invalid points fail the call.
#include <algorithm>
#include <array>

#include "precompiles/bn254/codec.hpp"
#include "precompiles/bn254_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {

PrecompileResult bn254_mul(Revision rev, BytesView input, int64_t gas_limit) {
  PrecompileResult result = charge(bn254_gas(rev).mul, gas_limit);
  if (!result.success) return result;
  std::array<uint8_t, 96> in{};
  std::copy_n(input.begin(), std::min(input.size(), in.size()), in.begin());
  const auto p = bn254::decode_g1(in.data());
  if (!p) return {false, 0, {}};
  const bn254::G1 product = bn254::G1::from_affine(*p).mul(bn254::load_be(in.data() + 64));
  result.output.resize(64);
  bn254::encode_g1(product.to_affine(), result.output.data());
  return result;
}

}  // namespace paraevm::precompiles
