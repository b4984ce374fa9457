// BLS12-381 precompiles (EIP-2537) and point evaluation (EIP-4844): time per call and
// throughput in Mgas/s at each precompile's own gas price.
#include <benchmark/benchmark.h>

#include <random>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/msm.hpp"
#include "precompiles/bls12_381/pairing.hpp"
#include "precompiles/entry_points.hpp"

namespace {

using namespace paraevm;
namespace bls = paraevm::bls12_381;

bls::Scalar random_scalar(std::mt19937_64& rng) { return {rng(), rng(), rng(), rng() >> 2}; }

Bytes g1_bytes(const bls::G1& p) {
  Bytes b(128);
  bls::encode_g1(p, b.data());
  return b;
}
Bytes g2_bytes(const bls::G2& p) {
  Bytes b(256);
  bls::encode_g2(p, b.data());
  return b;
}
void append(Bytes& out, const Bytes& b) { out.insert(out.end(), b.begin(), b.end()); }
void append_scalar(Bytes& out, const bls::Scalar& k) {
  for (int i = 3; i >= 0; --i)
    for (int b = 7; b >= 0; --b) out.push_back(uint8_t(k[size_t(i)] >> (8 * b)));
}
bls::G1 random_g1(std::mt19937_64& rng) {
  return bls::mul_scalar(bls::G1::from_affine(bls::g1_generator()), random_scalar(rng));
}
bls::G2 random_g2(std::mt19937_64& rng) {
  return bls::mul_scalar(bls::G2::from_affine(bls::g2_generator()), random_scalar(rng));
}
Bytes from_hex(std::string_view hex) {
  Bytes out(hex.size() / 2);
  auto nib = [](char c) { return uint8_t(c <= '9' ? c - '0' : c - 'a' + 10); };
  for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(nib(hex[2 * i]) << 4 | nib(hex[2 * i + 1]));
  return out;
}

/// Runs `run` on `input`, checks it succeeds, reports Mgas/s at its gas cost.
void run_precompile(benchmark::State& state, precompiles::EntryPoint run, const Bytes& input,
                    Revision rev = Revision::Prague) {
  const int64_t limit = 100'000'000;
  const PrecompileResult first = run(rev, input, limit);
  if (!first.success) {
    state.SkipWithError("precompile call failed");
    return;
  }
  const int64_t gas = limit - first.gas_left;
  for (auto _ : state) benchmark::DoNotOptimize(run(rev, input, limit));
  state.counters["gas"] = double(gas);
  state.counters["Mgas/s"] = benchmark::Counter(double(gas) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_G1Add(benchmark::State& state) {
  std::mt19937_64 rng(1);
  Bytes in = g1_bytes(random_g1(rng));
  append(in, g1_bytes(random_g1(rng)));
  run_precompile(state, precompiles::bls12_g1add, in);
}
void BM_G2Add(benchmark::State& state) {
  std::mt19937_64 rng(2);
  Bytes in = g2_bytes(random_g2(rng));
  append(in, g2_bytes(random_g2(rng)));
  run_precompile(state, precompiles::bls12_g2add, in);
}
void BM_G1Msm(benchmark::State& state) {
  std::mt19937_64 rng(3);
  Bytes in;
  for (int64_t i = 0; i < state.range(0); ++i) {
    append(in, g1_bytes(random_g1(rng)));
    append_scalar(in, {rng(), rng(), rng(), rng()});
  }
  run_precompile(state, precompiles::bls12_g1msm, in);
}
void BM_G2Msm(benchmark::State& state) {
  std::mt19937_64 rng(4);
  Bytes in;
  for (int64_t i = 0; i < state.range(0); ++i) {
    append(in, g2_bytes(random_g2(rng)));
    append_scalar(in, {rng(), rng(), rng(), rng()});
  }
  run_precompile(state, precompiles::bls12_g2msm, in);
}
void BM_Pairing(benchmark::State& state) {
  std::mt19937_64 rng(5);
  Bytes in;
  for (int64_t i = 0; i < state.range(0); ++i) {
    append(in, g1_bytes(random_g1(rng)));
    append(in, g2_bytes(random_g2(rng)));
  }
  run_precompile(state, precompiles::bls12_pairing_check, in);
}
void BM_MapFpToG1(benchmark::State& state) {
  std::mt19937_64 rng(6);
  Bytes in(64, 0);
  for (size_t i = 17; i < 64; ++i) in[i] = uint8_t(rng());
  run_precompile(state, precompiles::bls12_map_fp_to_g1, in);
}
void BM_MapFp2ToG2(benchmark::State& state) {
  std::mt19937_64 rng(7);
  Bytes in(128, 0);
  for (size_t i = 17; i < 64; ++i) in[i] = in[i + 64] = uint8_t(rng());
  run_precompile(state, precompiles::bls12_map_fp2_to_g2, in);
}
void BM_PointEvaluation(benchmark::State& state) {
  // EEST test_external_vectors "verify_kzg_proof_case_correct_proof_1ce8e4f69d5df899".
  const Bytes in = from_hex(
      "01ad7666ef9d8f53b5adf54f029b13b6f171b1d0bd346a2ede315d3e243484ef"
      "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
      "0000000000000000000000000000000000000000000000000000000000000000"
      "93efc82d2017e9c57834a1246463e64774e56183bb247c8fc9dd98c56817e878d97b05f5c8d900acf1fbbbca6f146556"
      "92c51ff81dd71dab71cefecd79e8274b4b7ba36a0f40e2dc086bc4061c7f63249877db23297212991fd63e07b7ebc348");
  run_precompile(state, precompiles::point_evaluation, in, Revision::Cancun);
}

// Building blocks (not precompiles): where a precompile's time goes.
bls::Fp random_fp(std::mt19937_64& rng) { return bls::Fp::from_canonical({rng(), rng(), rng(), rng(), rng(), rng() >> 8}); }
bls::Fp2 random_fp2(std::mt19937_64& rng) { return {random_fp(rng), random_fp(rng)}; }
bls::Fp6 random_fp6(std::mt19937_64& rng) { return {random_fp2(rng), random_fp2(rng), random_fp2(rng)}; }
bls::Fp12 random_fp12(std::mt19937_64& rng) { return {random_fp6(rng), random_fp6(rng)}; }

void BM_FpMul(benchmark::State& state) {
  std::mt19937_64 rng(8);
  bls::Fp a = random_fp(rng);
  const bls::Fp b = random_fp(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a * b);
}
void BM_FpSquare(benchmark::State& state) {
  std::mt19937_64 rng(8);
  bls::Fp a = random_fp(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a.square());
}
void BM_FpAdd(benchmark::State& state) {
  std::mt19937_64 rng(8);
  bls::Fp a = random_fp(rng);
  const bls::Fp b = random_fp(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a + b);
}
void BM_Fp2Mul(benchmark::State& state) {
  std::mt19937_64 rng(9);
  bls::Fp2 a = random_fp2(rng);
  const bls::Fp2 b = random_fp2(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a * b);
}
void BM_Fp12Mul(benchmark::State& state) {
  std::mt19937_64 rng(10);
  bls::Fp12 a = random_fp12(rng);
  const bls::Fp12 b = random_fp12(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a * b);
}
void BM_Fp12CyclotomicSquare(benchmark::State& state) {
  std::mt19937_64 rng(11);
  bls::Fp12 a = random_fp12(rng);
  for (auto _ : state) benchmark::DoNotOptimize(a = a.cyclotomic_square());
}
std::vector<bls::PairingInput> random_pairs(size_t n) {
  std::mt19937_64 rng(12);
  std::vector<bls::PairingInput> pairs(n);
  for (auto& pair : pairs) pair = {bls::to_affine(random_g1(rng)), bls::to_affine(random_g2(rng))};
  return pairs;
}
void BM_MillerLoop(benchmark::State& state) {
  const auto pairs = random_pairs(size_t(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(bls::miller_loop(pairs));
}
void BM_FinalExponentiation(benchmark::State& state) {
  const auto pairs = random_pairs(1);
  const bls::Fp12 f = bls::miller_loop(pairs);
  for (auto _ : state) benchmark::DoNotOptimize(bls::final_exponentiation(f));
}
void BM_G1SubgroupCheck(benchmark::State& state) {
  std::mt19937_64 rng(13);
  const bls::G1 p = random_g1(rng);
  for (auto _ : state) benchmark::DoNotOptimize(bls::g1_in_subgroup(p));
}
void BM_G2SubgroupCheck(benchmark::State& state) {
  std::mt19937_64 rng(14);
  const bls::G2 p = random_g2(rng);
  for (auto _ : state) benchmark::DoNotOptimize(bls::g2_in_subgroup(p));
}
void BM_FpSqrt(benchmark::State& state) {
  std::mt19937_64 rng(15);
  const bls::Fp a = random_fp(rng).square();
  bls::Fp r;
  for (auto _ : state) benchmark::DoNotOptimize(a.sqrt(r));
}

void BM_G1MsmInternal(benchmark::State& state) {
  std::mt19937_64 rng(16);
  std::vector<bls::G1Affine> points;
  std::vector<bls::Scalar> scalars;
  for (int64_t i = 0; i < state.range(0); ++i) {
    points.push_back(bls::to_affine(random_g1(rng)));
    scalars.push_back({rng(), rng(), rng(), rng() >> 2});
  }
  for (auto _ : state) benchmark::DoNotOptimize(bls::msm(points, scalars));
}
void BM_G1Decompress(benchmark::State& state) {
  // The commitment of BM_PointEvaluation's input.
  const Bytes bytes = from_hex(
      "93efc82d2017e9c57834a1246463e64774e56183bb247c8fc9dd98c56817e878d97b05f5c8d900acf1fbbbca6f146556");
  bls::G1Affine out;
  for (auto _ : state) benchmark::DoNotOptimize(bls::decompress_g1(bytes.data(), out));
}
void BM_MillerLoopPrepared(benchmark::State& state) {
  const auto pairs = random_pairs(size_t(state.range(0)));
  std::vector<bls::G2Prepared> prepared;
  for (const auto& pair : pairs) prepared.push_back(bls::prepare_g2(pair.q));
  std::vector<bls::PreparedInput> inputs;
  for (size_t i = 0; i < pairs.size(); ++i) inputs.push_back({pairs[i].p, &prepared[i]});
  for (auto _ : state) benchmark::DoNotOptimize(bls::miller_loop_prepared(inputs));
}

}  // namespace

BENCHMARK(BM_G1Add)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G2Add)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G1Msm)->Arg(16)->Arg(128)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G2Msm)->Arg(16)->Arg(128)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Pairing)->Arg(2)->Arg(8)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MapFpToG1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MapFp2ToG2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PointEvaluation)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FpMul);
BENCHMARK(BM_FpSquare);
BENCHMARK(BM_FpAdd);
BENCHMARK(BM_Fp2Mul);
BENCHMARK(BM_Fp12Mul);
BENCHMARK(BM_Fp12CyclotomicSquare);
BENCHMARK(BM_MillerLoop)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FinalExponentiation)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G1SubgroupCheck)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G2SubgroupCheck)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FpSqrt)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G1MsmInternal)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_G1Decompress)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MillerLoopPrepared)->Arg(2)->Unit(benchmark::kMicrosecond);
