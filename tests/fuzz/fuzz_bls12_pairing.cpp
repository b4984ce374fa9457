// libFuzzer target: EIP-2537 PAIRING_CHECK (0x0f) input decoding. Raw bytes exercise the
// length, field, curve and subgroup checks; every success costs 37700 + 32600 k gas (and its
// accounting holds) and returns the word 0 or 1. Pairs built from valid points (the generators
// scaled by an input-derived scalar a): e(aG, H) e(-G, aH) == 1, in either order, and
// e(aG, H) e(-G, (a+1)H) != 1.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "fuzz_common.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/msm_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point
namespace bls = paraevm::bls12_381;
using fuzz::require;

constexpr int64_t kGas = 100'000'000;

PrecompileResult check(BytesView in) {
  const auto call = [&](int64_t gas) { return precompiles::bls12_pairing_check(Revision::Prague, in, gas); };
  PrecompileResult r = call(kGas);
  fuzz::check_gas(call, kGas, r);
  if (!r.success) return r;
  const int64_t k = static_cast<int64_t>(in.size() / 384);
  require(in.size() % 384 == 0 && kGas - r.gas_left == bls::gas::kPairingBase + k * bls::gas::kPairingPerPair);
  require(r.output.size() == 32 && r.output[31] <= 1 &&
          std::all_of(r.output.begin(), r.output.end() - 1, [](uint8_t b) { return b == 0; }));
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size <= 384 * 4) check(BytesView(data, size));
  // The known pairs (four pairings) are slow; build them for one input in eight.
  if (size < 8 || (data[size - 1] & 7) != 0) return 0;
  uint64_t a = 0;
  std::memcpy(&a, data, 8);
  const bls::G1 g = bls::G1::from_affine(bls::g1_generator());
  const bls::G2 h = bls::G2::from_affine(bls::g2_generator());
  Bytes in(768);
  bls::encode_g1(bls::mul_scalar(g, bls::Scalar{a, 0, 0, 0}), in.data());
  bls::encode_g2(h, in.data() + 128);
  bls::encode_g1(-g, in.data() + 384);
  bls::encode_g2(bls::mul_scalar(h, bls::Scalar{a, 0, 0, 0}), in.data() + 512);
  const PrecompileResult r = check(in);
  require(r.success && r.output[31] == 1);
  Bytes swapped(in.begin() + 384, in.end());
  swapped.insert(swapped.end(), in.begin(), in.begin() + 384);
  require(check(swapped).output == r.output);
  // (a + 1) overflowing 64 bits would wrap to 0 in the low limb: use the second limb.
  const bls::Scalar a1 = a == UINT64_MAX ? bls::Scalar{0, 1, 0, 0} : bls::Scalar{a + 1, 0, 0, 0};
  bls::encode_g2(bls::mul_scalar(h, a1), in.data() + 512);
  const PrecompileResult wrong = check(in);
  require(wrong.success && wrong.output[31] == 0);
  return 0;
}
