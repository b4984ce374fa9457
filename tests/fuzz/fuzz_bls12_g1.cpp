// libFuzzer target: EIP-2537 G1 input decoding (G1ADD, G1MSM, MAP_FP_TO_G1). Raw bytes exercise
// the length, field and curve checks; a valid point mapped from the input is spliced in so the
// arithmetic paths run too. Every success must return a point that decodes again.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/map_to_curve.hpp"
#include "precompiles/entry_points.hpp"

namespace {
using namespace paraevm;
namespace bls = paraevm::bls12_381;

void check_g1_output(const PrecompileResult& r) {
  if (!r.success) return;
  bls::G1Affine p;
  if (r.output.size() != 128 || bls::decode_g1(r.output.data(), p, false) != bls::DecodeError::kOk)
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const BytesView raw(data, size);
  check_g1_output(precompiles::bls12_g1add(Revision::Prague, raw, 1'000'000));
  if (size <= 160 * 4) check_g1_output(precompiles::bls12_g1msm(Revision::Prague, raw, 100'000'000));
  check_g1_output(precompiles::bls12_map_fp_to_g1(Revision::Prague, raw, 1'000'000));
  // The spliced path (a map and subgroup checks) is slow; run it for a quarter of inputs.
  if (size < 64 || (data[size - 1] & 3) != 0) return 0;
  // A valid point from the first 47 bytes (below p), spliced before the rest of the input.
  uint8_t fp[64] = {};
  std::memcpy(fp + 17, data, 47);
  bls::Fp u;
  if (bls::decode_fp(fp, u) != bls::DecodeError::kOk) std::abort();
  Bytes in(128);
  bls::encode_g1(bls::map_fp_to_g1(u), in.data());
  in.insert(in.end(), data + 64, data + size);
  check_g1_output(precompiles::bls12_g1add(Revision::Prague, in, 1'000'000));
  if (in.size() <= 160 * 4) check_g1_output(precompiles::bls12_g1msm(Revision::Prague, in, 100'000'000));
  return 0;
}
