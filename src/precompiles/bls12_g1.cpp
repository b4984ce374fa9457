// EIP-2537 G1 precompiles: G1ADD (0x0b), G1MSM (0x0c), MAP_FP_TO_G1 (0x10).
#include <vector>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/map_to_curve.hpp"
#include "precompiles/bls12_381/msm.hpp"
#include "precompiles/bls12_381/msm_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace bls = bls12_381;

namespace {
constexpr size_t kG1Size = 128;
constexpr size_t kG1MsmPairSize = kG1Size + 32;

PrecompileResult with_g1_output(PrecompileResult r, const bls::G1& p) {
  r.output.resize(kG1Size);
  bls::encode_g1(p, r.output.data());
  return r;
}
}  // namespace

PrecompileResult bls12_g1add(Revision, BytesView input, int64_t gas_limit) {
  if (input.size() != 2 * kG1Size) return {};
  PrecompileResult r = charge(bls::gas::kG1Add, gas_limit);
  if (!r.success) return r;
  bls::G1Affine a, b;  // no subgroup check for addition (EIP-2537)
  if (bls::decode_g1(input.data(), a, false) != bls::DecodeError::kOk ||
      bls::decode_g1(input.data() + kG1Size, b, false) != bls::DecodeError::kOk)
    return {};
  return with_g1_output(r, bls::add_mixed(bls::G1::from_affine(a), b));
}

PrecompileResult bls12_g1msm(Revision, BytesView input, int64_t gas_limit) {
  const size_t k = input.size() / kG1MsmPairSize;
  if (k == 0 || input.size() % kG1MsmPairSize != 0) return {};
  PrecompileResult r = charge(bls::gas::msm(k, bls::gas::kG1Mul, bls::gas::kG1Discount), gas_limit);
  if (!r.success) return r;
  std::vector<bls::G1Affine> points(k);
  std::vector<bls::Scalar> scalars(k);
  for (size_t i = 0; i < k; ++i) {
    const uint8_t* pair = input.data() + i * kG1MsmPairSize;
    if (bls::decode_g1(pair, points[i], true) != bls::DecodeError::kOk) return {};
    scalars[i] = bls::decode_scalar(pair + kG1Size);
  }
  return with_g1_output(r, bls::msm(points, scalars));
}

PrecompileResult bls12_map_fp_to_g1(Revision, BytesView input, int64_t gas_limit) {
  if (input.size() != 64) return {};
  PrecompileResult r = charge(bls::gas::kMapFpToG1, gas_limit);
  if (!r.success) return r;
  bls::Fp u;
  if (bls::decode_fp(input.data(), u) != bls::DecodeError::kOk) return {};
  return with_g1_output(r, bls::map_fp_to_g1(u));
}

}  // namespace paraevm::precompiles
