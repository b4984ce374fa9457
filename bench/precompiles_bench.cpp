// Precompile throughput: microseconds per call and Mgas/s at each precompile's own gas price
// (latest revision's pricing), for typical inputs.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "base/hex.hpp"
#include "crypto/secp256k1.hpp"
#include "precompiles/bn254/codec.hpp"
#include "precompiles/bn254/curve.hpp"
#include "precompiles/precompile.hpp"

namespace paraevm {
namespace {

Address precompile(uint16_t n) {
  Address a;
  a[18] = static_cast<uint8_t>(n >> 8);
  a[19] = static_cast<uint8_t>(n);
  return a;
}

/// Runs the precompile in a loop; reports Mgas/s from the gas each call charges.
void run(benchmark::State& state, uint16_t address, const Bytes& input, Revision rev = Revision::Osaka) {
  const Address addr = precompile(address);
  constexpr int64_t kGas = 1'000'000'000;
  const PrecompileResult probe = run_precompile(rev, addr, input, kGas);
  if (!probe.success) {
    state.SkipWithError("precompile call failed on the benchmark input");
    return;
  }
  const int64_t gas = kGas - probe.gas_left;
  for (auto _ : state) {
    PrecompileResult r = run_precompile(rev, addr, input, kGas);
    benchmark::DoNotOptimize(r);
  }
  state.counters["gas"] = static_cast<double>(gas);
  state.counters["Mgas/s"] = benchmark::Counter(static_cast<double>(gas) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}

Bytes random_bytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Bytes b(n);
  for (auto& x : b) x = static_cast<uint8_t>(rng());
  return b;
}

Bytes ecrecover_input() {
  Hash h = Hash::from_view(random_bytes(32, 1));
  Bytes32 key = Bytes32::from_view(random_bytes(32, 2));
  auto sig = sign(h, key);
  Bytes in(128, 0);
  std::copy(h.begin(), h.end(), in.begin());
  if (!sig) return in;
  in[63] = static_cast<uint8_t>(27 + sig->recovery_id);
  sig->r.to_be(&in[64]);
  sig->s.to_be(&in[96]);
  return in;
}

/// base, exponent and modulus of `bytes` bytes each (odd modulus with its top bit set).
Bytes modexp_input(size_t bytes) {
  Bytes in(96, 0);
  for (int w = 0; w < 3; ++w) {
    in[32 * w + 30] = static_cast<uint8_t>(bytes >> 8);
    in[32 * w + 31] = static_cast<uint8_t>(bytes);
  }
  Bytes body = random_bytes(3 * bytes, 3);
  body[2 * bytes] |= 0x80;
  body.back() |= 1;
  in.insert(in.end(), body.begin(), body.end());
  return in;
}

void store_fp(const bn254::Fp& a, uint8_t* out) {
  const bn254::Limbs l = a.to_limbs();
  for (int i = 0; i < 32; ++i) out[i] = static_cast<uint8_t>(l.w[3 - i / 8] >> (8 * (7 - i % 8)));
}

bn254::G1 g1_generator() {
  return bn254::G1::from_affine({bn254::Fp::one(), bn254::Fp::from_limbs({{2, 0, 0, 0}}), false});
}

/// The EIP-197 G2 generator (x_im, x_re, y_im, y_re).
bn254::G2 g2_generator() {
  const Bytes g = *from_hex(
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
      "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
      "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
      "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
  return bn254::G2::from_affine(*bn254::decode_g2(g.data()));
}

/// `pairs` pairs (a_i P, Q_i), (-a_i P, Q_i) ... whose product is 1 (pairs is even).
Bytes pairing_input(int pairs) {
  Bytes in;
  const bn254::G2 q = g2_generator();
  for (int i = 0; i < pairs; ++i) {
    const uint64_t k = 1000 + static_cast<uint64_t>(i / 2);
    bn254::Affine<bn254::Fp> p = g1_generator().mul({{k * 7919, 0, 0, 0}}).to_affine();
    if (i % 2) p.y = -p.y;
    const bn254::Affine<bn254::Fp2> qa = q.mul({{k, 0, 0, 0}}).to_affine();
    uint8_t buf[192];
    store_fp(p.x, buf);
    store_fp(p.y, buf + 32);
    store_fp(qa.x.c1, buf + 64);
    store_fp(qa.x.c0, buf + 96);
    store_fp(qa.y.c1, buf + 128);
    store_fp(qa.y.c0, buf + 160);
    in.insert(in.end(), buf, buf + 192);
  }
  return in;
}

Bytes bn254_mul_input() {
  Bytes in(96, 0);
  in[31] = 1;
  in[63] = 2;
  const Bytes k = random_bytes(32, 4);
  std::copy(k.begin(), k.end(), in.begin() + 64);
  return in;
}

Bytes bn254_add_input() {
  Bytes in(128, 0);
  const auto a = g1_generator().mul({{123456789, 0, 0, 0}}).to_affine();
  const auto b = g1_generator().mul({{987654321, 0, 0, 0}}).to_affine();
  bn254::encode_g1(a, in.data());
  bn254::encode_g1(b, in.data() + 64);
  return in;
}

// EIP-152 test vector 5 (12 rounds, "abc").
Bytes blake2f_input() {
  return *from_hex(
      "0000000c48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f"
      "6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b61626300000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000300000000000000000000000000000001");
}

// A valid P-256 signature: the EIP-7951 / Wycheproof-derived first vector of go-ethereum's
// p256Verify.json ("CallP256Verify").
Bytes p256_input() {
  return *from_hex(
      "4cee90eb86eaa050036147a12d49004b6b9c72bd725d39d4785011fe190f0b4da73bd4903f0ce3b639bbbf6e8e80d16"
      "931ff4bcf5993d58468e8fb19086e8cac36dbcd03009df8c59286b162af3bd7fcc0450c9aa81be5d10d312af6c66b1d"
      "604aebd3099c618202fcfe16ae7770b0c49ab5eadf74b754204a3bb6060e44eff37618b065f9832de4ca6ca971a7a1a"
      "dc826d0f7c00181a5fb2ddf79ae00b4e10e");
}

void BM_ecrecover(benchmark::State& s) { run(s, 0x01, ecrecover_input()); }
void BM_sha256_256B(benchmark::State& s) { run(s, 0x02, random_bytes(256, 5)); }
void BM_ripemd160_256B(benchmark::State& s) { run(s, 0x03, random_bytes(256, 6)); }
void BM_identity_256B(benchmark::State& s) { run(s, 0x04, random_bytes(256, 7)); }
void BM_modexp_256bit(benchmark::State& s) { run(s, 0x05, modexp_input(32)); }
void BM_modexp_2048bit(benchmark::State& s) { run(s, 0x05, modexp_input(256)); }
void BM_modexp_256bit_berlin(benchmark::State& s) { run(s, 0x05, modexp_input(32), Revision::Prague); }
void BM_modexp_2048bit_berlin(benchmark::State& s) { run(s, 0x05, modexp_input(256), Revision::Prague); }
void BM_bn254_add(benchmark::State& s) { run(s, 0x06, bn254_add_input()); }
void BM_bn254_mul(benchmark::State& s) { run(s, 0x07, bn254_mul_input()); }
void BM_bn254_pairing_2(benchmark::State& s) { run(s, 0x08, pairing_input(2)); }
void BM_bn254_pairing_8(benchmark::State& s) { run(s, 0x08, pairing_input(8)); }
void BM_blake2f_12rounds(benchmark::State& s) { run(s, 0x09, blake2f_input()); }
void BM_p256verify(benchmark::State& s) { run(s, 0x100, p256_input()); }

BENCHMARK(BM_ecrecover)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sha256_256B)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ripemd160_256B)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_identity_256B)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_modexp_256bit)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_modexp_2048bit)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_modexp_256bit_berlin)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_modexp_2048bit_berlin)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_bn254_add)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_bn254_mul)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_bn254_pairing_2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_bn254_pairing_8)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_blake2f_12rounds)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_p256verify)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace paraevm
