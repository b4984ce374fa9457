// libFuzzer target: EIP-2537 PAIRING_CHECK input decoding. Raw bytes exercise the length,
// field, curve and subgroup checks; pairs built from valid points (the generators scaled by
// input-derived scalars) with e(aG, H) e(-G, aH) == 1 must verify.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;
  namespace bls = paraevm::bls12_381;
  const BytesView raw(data, size);
  if (size <= 384 * 4) {
    const PrecompileResult r = precompiles::bls12_pairing_check(Revision::Prague, raw, 100'000'000);
    if (r.success && (r.output.size() != 32 || r.output[31] > 1)) std::abort();
  }
  // The known-valid pair (two pairings) is slow; build it for one input in eight.
  if (size < 8 || (data[size - 1] & 7) != 0) return 0;
  uint64_t a = 0;
  std::memcpy(&a, data, 8);
  const bls::Scalar k{a, 0, 0, 0};
  const bls::G1 g = bls::G1::from_affine(bls::g1_generator());
  const bls::G2 h = bls::G2::from_affine(bls::g2_generator());
  Bytes in(768);
  bls::encode_g1(bls::mul_scalar(g, k), in.data());
  bls::encode_g2(h, in.data() + 128);
  bls::encode_g1(-g, in.data() + 384);
  bls::encode_g2(bls::mul_scalar(h, k), in.data() + 512);
  const PrecompileResult r = precompiles::bls12_pairing_check(Revision::Prague, in, 100'000'000);
  if (!r.success || r.output[31] != 1) std::abort();
  return 0;
}
