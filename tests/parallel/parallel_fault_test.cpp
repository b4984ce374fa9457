// Fault tolerance: failures injected into random workers and incarnations, transactions that
// always fail, and a task that misbehaves on a dependency. Every block must still end in exactly
// the in-order result (or the in-order error), never a torn state or a hang.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>

#include "parallel_synthetic.hpp"

namespace paraevm::parallel {
namespace {

using namespace testing;  // NOLINT: test-local
using IntExecutor = Executor<IntTraits, uint64_t>;

struct InjectedFault : std::runtime_error {
  InjectedFault() : std::runtime_error("injected fault") {}
};

/// Fails a pseudo-random subset of (tx, incarnation, point), at most `budget` times per
/// transaction at execution points (so that retries in order always get through); validation
/// faults are unlimited. `always_tx` fails at every execution attempt.
class RandomFaults final : public FaultInjector {
 public:
  RandomFaults(uint64_t seed, unsigned permille, uint32_t budget, size_t max_txs)
      : seed_(seed), permille_(permille), budget_(budget), used_(max_txs) {}

  void reset() {
    for (auto& u : used_) u.store(0, std::memory_order_relaxed);
  }
  TxIndex always_tx = kNoTx;
  std::atomic<uint64_t> injected{0};

  void maybe_fail(FaultPoint point, Version v, unsigned worker) override {
    if (point != FaultPoint::kValidate && v.tx == always_tx) throw InjectedFault();
    const uint64_t h =
        mix(mix(seed_, v.tx), mix(v.incarnation, static_cast<uint64_t>(point) + 8 * worker));
    if (h % 1000 >= permille_) return;
    if (point != FaultPoint::kValidate &&
        used_[v.tx].fetch_add(1, std::memory_order_relaxed) >= budget_)
      return;
    injected.fetch_add(1, std::memory_order_relaxed);
    throw InjectedFault();
  }

 private:
  uint64_t seed_;
  unsigned permille_;
  uint32_t budget_;
  std::vector<std::atomic<uint32_t>> used_;
};

size_t blocks(size_t fallback) {
  const char* env = std::getenv("PARAEVM_STM_BLOCKS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : fallback;
}

std::vector<std::unique_ptr<IntExecutor>> executors(FaultInjector* faults) {
  std::vector<std::unique_ptr<IntExecutor>> out;
  for (unsigned t : {1u, 2u, 4u, 8u}) {
    ExecutorOptions o;
    o.threads = t;
    o.sequential_below = 0;
    o.faults = faults;
    out.push_back(std::make_unique<IntExecutor>(o));
  }
  return out;
}

// Checks results of transactions below `upto` and, when the block is ok, every final value.
void expect_matches(IntExecutor& ex, const OracleResult& want, size_t upto, uint32_t keys, bool ok,
                    const std::string& where) {
  for (TxIndex i = 0; i < upto; ++i) {
    ASSERT_EQ(ex.result(i).output, want.txs[i].output) << where << " tx " << i;
    ASSERT_EQ(ex.result(i).writes.size(), want.txs[i].writes.size()) << where << " tx " << i;
    for (size_t w = 0; w < want.txs[i].writes.size(); ++w) {
      ASSERT_EQ(ex.result(i).writes[w].key, want.txs[i].writes[w].key) << where;
      ASSERT_EQ(ex.result(i).writes[w].value, want.txs[i].writes[w].value) << where;
      ASSERT_EQ(ex.result(i).writes[w].delta, want.txs[i].writes[w].delta) << where;
    }
  }
  if (!ok) return;
  SynthBase base;
  for (uint32_t k = 0; k < keys + 300; ++k) {
    auto it = want.state.find(k);
    ASSERT_EQ(ex.final_value(k, base), it == want.state.end() ? base_value(k) : it->second)
        << where << " key " << k;
  }
}

void run_with_faults(Shape shape, uint64_t seed, unsigned permille, size_t count) {
  RandomFaults faults(seed, permille, 2, 64);
  auto exs = executors(&faults);
  std::mt19937_64 rng(seed);
  SynthBase base;
  for (size_t b = 0; b < count; ++b) {
    const size_t n = 1 + rng() % 64;
    const uint32_t keys = 1 + static_cast<uint32_t>(rng() % 32);
    const SynthBlock block = make_block(shape, rng, n, keys);
    const OracleResult want = run_in_order(block);
    SynthTask task(block);
    for (auto& ex : exs) {
      faults.reset();
      const BlockStatus st = ex->execute_block(n, task, base);
      const std::string where = "seed " + std::to_string(seed) + " block " + std::to_string(b) +
                                " threads " + std::to_string(ex->threads());
      ASSERT_EQ(st.ok, want.failed_tx == kNoTx) << where;
      ASSERT_EQ(st.failed_tx, want.failed_tx) << where;
      expect_matches(*ex, want, want.txs.size(), keys, st.ok, where);
    }
  }
  EXPECT_GT(faults.injected.load(), 0u);
}

TEST(ParallelFaults, RandomInjectedFaultsKeepTheExactResult) {
  run_with_faults(Shape::kRandom, 11, 100, blocks(300));
}

TEST(ParallelFaults, FaultsOnHotKeyBlocks) {
  run_with_faults(Shape::kHotKey, 12, 150, blocks(150));
}

TEST(ParallelFaults, FaultsTogetherWithValueDependentFailures) {
  run_with_faults(Shape::kPoison, 13, 100, blocks(200));
}

// A transaction that fails at every attempt fails the block at that transaction, as in-order
// execution would, with every lower transaction's result intact; the parallel executors get
// there through the fall-back to in-order completion.
TEST(ParallelFaults, DeterministicFailureFailsTheBlockAtThatTransaction) {
  RandomFaults faults(21, 0, 0, 64);
  auto exs = executors(&faults);
  std::mt19937_64 rng(21);
  SynthBase base;
  for (int b = 0; b < 40; ++b) {
    const size_t n = 2 + rng() % 60;
    SynthBlock block = make_block(Shape::kRandom, rng, n, 8);
    const TxIndex bad = static_cast<TxIndex>(rng() % n);
    faults.always_tx = bad;
    const OracleResult want = run_in_order(block);  // no poison in kRandom: all ok
    ASSERT_EQ(want.failed_tx, kNoTx);
    SynthTask task(block);
    for (auto& ex : exs) {
      const BlockStatus st = ex->execute_block(n, task, base);
      ASSERT_FALSE(st.ok);
      EXPECT_EQ(st.failed_tx, bad);
      EXPECT_THROW(std::rethrow_exception(st.error), InjectedFault);
      if (ex->threads() > 1) {
        EXPECT_TRUE(ex->stats().fell_back);
      }
      expect_matches(*ex, want, bad, 8, false, "block " + std::to_string(b));
      // The executor stays usable: the next block runs normally.
      faults.always_tx = kNoTx;
      ASSERT_TRUE(ex->execute_block(n, task, base).ok);
      expect_matches(*ex, want, n, 8, true, "rerun " + std::to_string(b));
      faults.always_tx = bad;
    }
  }
}

// A task that catches everything, ReadDependency included, and goes on: its suspended
// incarnation must be discarded, not recorded.
class SwallowingTask final : public Task<IntTraits, uint64_t> {
 public:
  explicit SwallowingTask(const SynthBlock& block) : block_(block) {}
  void execute(TxIndex tx, IncarnationView<IntTraits>& view, IntResult& result) override {
    run_program(
        tx, block_[tx],
        [&](uint32_t k) -> uint64_t {
          try {
            return view.read(k);
          } catch (...) {
            return 12345;
          }
        },
        result);
  }

 private:
  const SynthBlock& block_;
};

TEST(ParallelFaults, TaskSwallowingDependencyIsDiscarded) {
  auto exs = executors(nullptr);
  std::mt19937_64 rng(31);
  SynthBase base;
  for (int b = 0; b < 200; ++b) {
    const size_t n = 1 + rng() % 64;
    const SynthBlock block = make_block(Shape::kHotKey, rng, n, 4);
    const OracleResult want = run_in_order(block);
    SwallowingTask task(block);
    for (auto& ex : exs) {
      ASSERT_TRUE(ex->execute_block(n, task, base).ok);
      expect_matches(*ex, want, n, 4, true, "block " + std::to_string(b));
    }
  }
}

}  // namespace
}  // namespace paraevm::parallel
