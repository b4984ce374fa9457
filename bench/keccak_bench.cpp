// keccak256 versus Crypto++'s Keccak_256 (the packaged alternative; OpenSSL 3.0 has no
// Ethereum Keccak-256) on the input sizes that dominate an EVM: 32/64 (storage keys, mapping
// slots), 136 (one rate block), 1024 and 4096 (KECCAK256 over memory, code hashing).
#include <benchmark/benchmark.h>
#include <cryptopp/keccak.h>

#include "base/keccak.hpp"

namespace {

paraevm::Bytes input(size_t n) {
  paraevm::Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<uint8_t>(i * 31 + 7);
  return b;
}

void BM_keccak256_paraevm(benchmark::State& state) {
  const auto data = input(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto h = paraevm::keccak256(data);
    benchmark::DoNotOptimize(h);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

void BM_keccak256_cryptopp(benchmark::State& state) {
  const auto data = input(static_cast<size_t>(state.range(0)));
  CryptoPP::Keccak_256 hasher;
  uint8_t digest[32];
  for (auto _ : state) {
    hasher.CalculateDigest(digest, data.data(), data.size());
    benchmark::DoNotOptimize(digest);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

}  // namespace

BENCHMARK(BM_keccak256_paraevm)->Arg(32)->Arg(64)->Arg(136)->Arg(1024)->Arg(4096);
BENCHMARK(BM_keccak256_cryptopp)->Arg(32)->Arg(64)->Arg(136)->Arg(1024)->Arg(4096);
