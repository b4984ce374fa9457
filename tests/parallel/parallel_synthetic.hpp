// Synthetic transactions for the parallel core's property tests: small programs of reads,
// writes, additive deltas, writes conditional on values read and value-dependent failures over a
// small key universe, plus an in-order oracle that runs them against a plain map.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "parallel/executor.hpp"
#include "parallel_test_traits.hpp"

namespace paraevm::parallel::testing {

using IntWrite = Write<IntTraits>;
using IntResult = ExecResult<IntTraits, uint64_t>;

enum class OpKind : uint8_t { kRead, kWrite, kAdd, kCondWrite, kPoison, kWork };
struct Op {
  OpKind kind = OpKind::kRead;
  uint32_t key = 0;
  uint64_t arg = 0;
};
struct SynthTx {
  std::vector<Op> ops;
};
using SynthBlock = std::vector<SynthTx>;

inline uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t z = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  return z ^ (z >> 27);
}

/// Pre-block content of a key: zero for every fifth key (an "absent" location).
inline uint64_t base_value(uint32_t key) { return key % 5 == 0 ? 0 : mix(key, 77); }

struct SynthBase final : BaseReader<IntTraits> {
  uint64_t read_base(const uint32_t& key) override { return base_value(key); }
};

/// Runs one program; `read(key)` gives the value before the transaction.
template <class ReadFn>
void run_program(TxIndex tx, const SynthTx& program, ReadFn&& read, IntResult& out) {
  std::map<uint32_t, IntWrite> own;  // ordered: the write set comes out in key order
  uint64_t acc = mix(tx, 1);
  auto current = [&](uint32_t k) {
    auto it = own.find(k);
    if (it != own.end() && it->second.kind == WriteKind::kValue) return it->second.value;
    uint64_t v = read(k);
    return it == own.end() ? v : v + it->second.delta;
  };
  for (const Op& op : program.ops) {
    switch (op.kind) {
      case OpKind::kRead:
        acc = mix(acc, current(op.key));
        break;
      case OpKind::kWrite:
        own[op.key] = IntWrite::full(op.key, mix(acc, op.arg));
        break;
      case OpKind::kAdd: {
        auto [it, fresh] = own.try_emplace(op.key, IntWrite::add(op.key, op.arg));
        if (fresh) break;
        if (it->second.kind == WriteKind::kValue) {
          it->second.value += op.arg;
        } else {
          it->second.delta += op.arg;
        }
        break;
      }
      case OpKind::kCondWrite:
        if (((acc ^ op.arg) & 1) != 0) own[op.key] = IntWrite::full(op.key, acc + op.arg);
        break;
      case OpKind::kPoison:
        if (acc % op.arg == 0) throw std::runtime_error("poisoned tx " + std::to_string(tx));
        break;
      case OpKind::kWork:
        for (uint64_t i = 0; i < op.arg; ++i) acc = mix(acc, i);
        break;
    }
  }
  for (auto& [k, w] : own) out.writes.push_back(w);
  out.output = acc;
}

class SynthTask final : public Task<IntTraits, uint64_t> {
 public:
  explicit SynthTask(const SynthBlock& block) : block_(block) {}
  void execute(TxIndex tx, IncarnationView<IntTraits>& view, IntResult& result) override {
    run_program(
        tx, block_[tx], [&](uint32_t k) { return view.read(k); }, result);
  }

 private:
  const SynthBlock& block_;
};

/// The oracle: in-order execution over a plain map.
struct OracleResult {
  std::vector<IntResult> txs;  // up to the failed one (excluded)
  std::unordered_map<uint32_t, uint64_t> state;
  TxIndex failed_tx = kNoTx;
  std::string error;
};

inline OracleResult run_in_order(const SynthBlock& block) {
  OracleResult r;
  auto read = [&](uint32_t k) {
    auto it = r.state.find(k);
    return it == r.state.end() ? base_value(k) : it->second;
  };
  for (TxIndex i = 0; i < block.size(); ++i) {
    IntResult out;
    try {
      run_program(i, block[i], read, out);
    } catch (const std::exception& e) {
      r.failed_tx = i;
      r.error = e.what();
      return r;
    }
    for (const IntWrite& w : out.writes)
      r.state[w.key] = w.kind == WriteKind::kValue ? w.value : read(w.key) + w.delta;
    r.txs.push_back(std::move(out));
  }
  return r;
}

/// Shapes of random blocks.
enum class Shape { kRandom, kConflictFree, kChain, kHotKey, kHotDelta, kPoison };

inline SynthBlock make_block(Shape shape, std::mt19937_64& rng, size_t n, uint32_t keys) {
  auto pick = [&](uint64_t bound) { return static_cast<uint32_t>(rng() % bound); };
  SynthBlock block(n);
  for (size_t i = 0; i < n; ++i) {
    auto& ops = block[i].ops;
    const auto self = static_cast<uint32_t>(i);
    switch (shape) {
      case Shape::kConflictFree:
        for (uint32_t j = 0, m = 1 + pick(4); j < m; ++j) {
          const uint32_t k = self * 4 + pick(4);
          ops.push_back({static_cast<OpKind>(pick(4)), k, rng()});
        }
        break;
      case Shape::kChain:
        ops = {{OpKind::kRead, self, 0}, {OpKind::kWrite, self + 1, rng()}};
        break;
      case Shape::kHotKey:
        ops = {
            {OpKind::kRead, 0, 0}, {OpKind::kWrite, 0, rng()}, {OpKind::kRead, 1 + pick(keys), 0}};
        break;
      case Shape::kHotDelta:
        ops = {{OpKind::kAdd, 0, rng() % 100}, {OpKind::kRead, 1 + pick(keys), 0}};
        if (pick(8) == 0) ops.push_back({OpKind::kRead, 0, 0});
        if (pick(16) == 0) ops.push_back({OpKind::kWrite, 0, rng()});
        break;
      case Shape::kRandom:
      case Shape::kPoison:
        for (uint32_t j = 0, m = 1 + pick(8); j < m; ++j)
          ops.push_back({static_cast<OpKind>(pick(4)), pick(keys), rng() % 1000});
        if (shape == Shape::kPoison && pick(4) == 0)
          ops.insert(ops.begin() + pick(ops.size() + 1), {OpKind::kPoison, 0, 2 + rng() % 40});
        break;
    }
    // Busy work widens the window in which other workers run: more real conflicts.
    if (pick(2) == 0)
      ops.insert(ops.begin() + pick(ops.size() + 1), {OpKind::kWork, 0, rng() % 4000});
  }
  return block;
}

}  // namespace paraevm::parallel::testing
