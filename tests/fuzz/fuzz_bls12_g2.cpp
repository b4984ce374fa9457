// libFuzzer target: EIP-2537 G2 input decoding (G2ADD, G2MSM, MAP_FP2_TO_G2). Raw bytes exercise
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

void check_g2_output(const PrecompileResult& r) {
  if (!r.success) return;
  bls::G2Affine p;
  if (r.output.size() != 256 || bls::decode_g2(r.output.data(), p, false) != bls::DecodeError::kOk)
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const BytesView raw(data, size);
  check_g2_output(precompiles::bls12_g2add(Revision::Prague, raw, 1'000'000));
  if (size <= 288 * 4) check_g2_output(precompiles::bls12_g2msm(Revision::Prague, raw, 100'000'000));
  check_g2_output(precompiles::bls12_map_fp2_to_g2(Revision::Prague, raw, 1'000'000));
  // The spliced path (a map and subgroup checks) is slow; run it for a quarter of inputs.
  if (size < 64 || (data[size - 1] & 3) != 0) return 0;
  // A valid point from the first 47 bytes (below p), spliced before the rest of the input.
  uint8_t fp[64] = {};
  std::memcpy(fp + 17, data, 47);
  bls::Fp2 u{};
  if (bls::decode_fp(fp, u.c0) != bls::DecodeError::kOk) std::abort();
  u.c1 = u.c0.square();
  Bytes in(256);
  bls::encode_g2(bls::map_fp2_to_g2(u), in.data());
  in.insert(in.end(), data + 64, data + size);
  check_g2_output(precompiles::bls12_g2add(Revision::Prague, in, 1'000'000));
  if (in.size() <= 288 * 4) check_g2_output(precompiles::bls12_g2msm(Revision::Prague, in, 100'000'000));
  return 0;
}
