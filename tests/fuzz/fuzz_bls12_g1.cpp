// libFuzzer target: EIP-2537 G1 input decoding (G1ADD 0x0b, G1MSM 0x0c, MAP_FP_TO_G1 0x10).
// Raw bytes exercise the length, field, curve and subgroup checks; a valid point mapped from
// the input is spliced in so the arithmetic paths run too. Checked: the gas of every success
// (fixed prices, the MSM discount table) and its accounting; outputs are 128-byte points on the
// curve, in the subgroup for MSM and MAP; P + 0 == P, MSM(P, 1) == P, MSM(P, 2) == P + P.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "fuzz_common.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/map_to_curve.hpp"
#include "precompiles/bls12_381/msm_gas.hpp"
#include "precompiles/entry_points.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point
namespace bls = paraevm::bls12_381;
using fuzz::require;

constexpr int64_t kGas = 100'000'000;

/// Runs `f` on `in` with kGas, checks the gas accounting, that a success cost `cost(size)` and
/// returned a point on the curve (and in the subgroup when `subgroup`).
template <typename Cost>
PrecompileResult run(precompiles::EntryPoint f, BytesView in, bool subgroup, const Cost& cost) {
  const auto call = [&](int64_t gas) { return f(Revision::Prague, in, gas); };
  PrecompileResult r = call(kGas);
  fuzz::check_gas(call, kGas, r);
  if (!r.success) return r;
  require(kGas - r.gas_left == cost(in.size()));
  bls::G1Affine p;
  require(r.output.size() == 128 && bls::decode_g1(r.output.data(), p, subgroup) == bls::DecodeError::kOk);
  return r;
}

PrecompileResult add(BytesView in) {
  return run(precompiles::bls12_g1add, in, false, [](size_t) { return bls::gas::kG1Add; });
}
PrecompileResult msm(BytesView in) {
  return run(precompiles::bls12_g1msm, in, true,
             [](size_t n) { return bls::gas::msm(n / 160, bls::gas::kG1Mul, bls::gas::kG1Discount); });
}

Bytes scalar(uint8_t k) {
  Bytes s(32, 0);
  s[31] = k;
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const BytesView raw(data, size);
  add(raw);
  if (size <= 160 * 4) msm(raw);
  run(precompiles::bls12_map_fp_to_g1, raw, true, [](size_t) { return bls::gas::kMapFpToG1; });
  // The spliced path (a map and subgroup checks) is slow; run it for a quarter of inputs.
  if (size < 64 || (data[size - 1] & 3) != 0) return 0;
  // A valid point P from the first 47 bytes (below p), spliced before the rest of the input.
  uint8_t fp[64] = {};
  std::memcpy(fp + 17, data, 47);
  bls::Fp u;
  require(bls::decode_fp(fp, u) == bls::DecodeError::kOk);
  Bytes p(128);
  bls::encode_g1(bls::map_fp_to_g1(u), p.data());
  Bytes in = p;
  in.insert(in.end(), data + 64, data + size);
  add(in);
  if (in.size() <= 160 * 4) msm(in);
  // P + 0 == P; MSM(P, 1) == P; MSM(P, 2) == P + P.
  Bytes p0 = p;
  p0.resize(256, 0);
  require(add(p0).output == p);
  Bytes p1 = p, p2 = p, pp = p;
  const Bytes one = scalar(1), two = scalar(2);
  p1.insert(p1.end(), one.begin(), one.end());
  p2.insert(p2.end(), two.begin(), two.end());
  pp.insert(pp.end(), p.begin(), p.end());
  require(msm(p1).output == p);
  const PrecompileResult doubled = msm(p2);
  require(doubled.success && doubled.output == add(pp).output);
  return 0;
}
