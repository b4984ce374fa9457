// EIP-2537 G2 precompiles: G2ADD (0x0d), G2MSM (0x0e), MAP_FP2_TO_G2 (0x11).
#include <vector>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/map_to_curve.hpp"
#include "precompiles/bls12_381/msm.hpp"
#include "precompiles/bls12_381/msm_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace bls = bls12_381;

namespace {
constexpr size_t kG2Size = 256;
constexpr size_t kG2MsmPairSize = kG2Size + 32;

PrecompileResult with_g2_output(PrecompileResult r, const bls::G2& p) {
  r.output.resize(kG2Size);
  bls::encode_g2(p, r.output.data());
  return r;
}
}  // namespace

PrecompileResult bls12_g2add(Revision, BytesView input, int64_t gas_limit) {
  if (input.size() != 2 * kG2Size) return {};
  PrecompileResult r = charge(bls::gas::kG2Add, gas_limit);
  if (!r.success) return r;
  bls::G2Affine a, b;  // no subgroup check for addition (EIP-2537)
  if (bls::decode_g2(input.data(), a, false) != bls::DecodeError::kOk ||
      bls::decode_g2(input.data() + kG2Size, b, false) != bls::DecodeError::kOk)
    return {};
  return with_g2_output(r, bls::add_mixed(bls::G2::from_affine(a), b));
}

PrecompileResult bls12_g2msm(Revision, BytesView input, int64_t gas_limit) {
  const size_t k = input.size() / kG2MsmPairSize;
  if (k == 0 || input.size() % kG2MsmPairSize != 0) return {};
  PrecompileResult r = charge(bls::gas::msm(k, bls::gas::kG2Mul, bls::gas::kG2Discount), gas_limit);
  if (!r.success) return r;
  std::vector<bls::G2Affine> points(k);
  std::vector<bls::Scalar> scalars(k);
  for (size_t i = 0; i < k; ++i) {
    const uint8_t* pair = input.data() + i * kG2MsmPairSize;
    if (bls::decode_g2(pair, points[i], true) != bls::DecodeError::kOk) return {};
    scalars[i] = bls::decode_scalar(pair + kG2Size);
  }
  return with_g2_output(r, bls::msm(points, scalars));
}

PrecompileResult bls12_map_fp2_to_g2(Revision, BytesView input, int64_t gas_limit) {
  if (input.size() != 128) return {};
  PrecompileResult r = charge(bls::gas::kMapFp2ToG2, gas_limit);
  if (!r.success) return r;
  bls::Fp2 u;
  if (bls::decode_fp2(input.data(), u) != bls::DecodeError::kOk) return {};
  return with_g2_output(r, bls::map_fp2_to_g2(u));
}

}  // namespace paraevm::precompiles
