// Trie root of N random 32-byte keys (as in a secure trie) with ~70-byte values (about the
// size of an account leaf), through the public API (sort included) and through the hash
// builder alone on pre-sorted leaves.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "trie/hash_builder.hpp"
#include "trie/state_root.hpp"
#include "trie/trie_root.hpp"

namespace {

using paraevm::Bytes;
using paraevm::Hash;

std::vector<std::pair<Hash, Bytes>> random_entries(size_t n) {
  std::mt19937_64 rng(42);
  std::vector<std::pair<Hash, Bytes>> out(n);
  for (auto& [k, v] : out) {
    for (auto& b : k.bytes) b = static_cast<uint8_t>(rng());
    v.resize(66 + rng() % 9);  // 66..74 bytes
    for (auto& b : v) b = static_cast<uint8_t>(rng());
  }
  return out;
}

void BM_trie_root_hashed(benchmark::State& state) {
  const auto entries = random_entries(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(paraevm::trie_root_hashed(entries));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

void BM_hash_builder_sorted(benchmark::State& state) {
  auto entries = random_entries(static_cast<size_t>(state.range(0)));
  std::sort(entries.begin(), entries.end());
  std::vector<paraevm::TrieLeaf> leaves;
  for (const auto& [k, v] : entries) leaves.push_back({k.view(), paraevm::to_view(v)});
  paraevm::HashBuilder builder;
  for (auto _ : state) benchmark::DoNotOptimize(builder.root(leaves));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

// Accounts with a few storage slots each: many small storage tries, then the account trie.
void BM_state_root(benchmark::State& state) {
  std::mt19937_64 rng(1);
  std::vector<paraevm::AccountData> accounts(static_cast<size_t>(state.range(0)));
  for (auto& a : accounts) {
    for (auto& b : a.address.bytes) b = static_cast<uint8_t>(rng());
    a.nonce = rng() % 1000;
    a.balance = paraevm::U256(rng(), rng() % 1000, 0, 0);
    for (int s = 0; s < 3; ++s) a.storage.push_back({paraevm::U256(rng()), paraevm::U256(rng())});
  }
  for (auto _ : state) benchmark::DoNotOptimize(paraevm::state_root(accounts));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

}  // namespace

BENCHMARK(BM_state_root)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_trie_root_hashed)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_hash_builder_sorted)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
