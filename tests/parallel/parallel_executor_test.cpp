// Property tests of the parallel executor: random blocks of synthetic transactions, executed on
// 1, 2, 4 and 8 threads, must give exactly what the in-order oracle gives: the same write set and
// output for every transaction, the same final value for every key, the same failing transaction.
// PARAEVM_STM_BLOCKS=<n> runs n blocks per shape instead of the default.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "parallel_synthetic.hpp"

namespace paraevm::parallel {
namespace {

using namespace testing;  // NOLINT: test-local
using IntExecutor = Executor<IntTraits, uint64_t>;

size_t blocks_per_shape(size_t fallback) {
  const char* env = std::getenv("PARAEVM_STM_BLOCKS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : fallback;
}

// Compares an executed block with the oracle; returns a description of the first difference.
std::string compare(const SynthBlock& block, IntExecutor& ex, BlockStatus st,
                    const OracleResult& want, uint32_t keys) {
  if (st.ok != (want.failed_tx == kNoTx)) return "ok mismatch";
  if (!st.ok) {
    if (st.failed_tx != want.failed_tx)
      return "failed tx " + std::to_string(st.failed_tx) + " != " + std::to_string(want.failed_tx);
    try {
      std::rethrow_exception(st.error);
    } catch (const std::exception& e) {
      if (want.error != e.what()) return std::string("error ") + e.what();
    }
  }
  for (TxIndex i = 0; i < want.txs.size(); ++i) {
    const IntResult& got = ex.result(i);
    const IntResult& exp = want.txs[i];
    if (got.output != exp.output) return "output of tx " + std::to_string(i);
    if (got.writes.size() != exp.writes.size()) return "write count of tx " + std::to_string(i);
    for (size_t w = 0; w < exp.writes.size(); ++w) {
      const IntWrite& a = got.writes[w];
      const IntWrite& b = exp.writes[w];
      if (a.key != b.key || a.kind != b.kind ||
          (a.kind == WriteKind::kValue ? a.value != b.value : a.delta != b.delta))
        return "write " + std::to_string(w) + " of tx " + std::to_string(i);
    }
  }
  if (!st.ok) return "";
  SynthBase base;
  const uint32_t key_bound = std::max<uint32_t>(keys, static_cast<uint32_t>(block.size()) * 4 + 8);
  for (uint32_t k = 0; k < key_bound; ++k) {
    auto it = want.state.find(k);
    const uint64_t expected = it == want.state.end() ? base_value(k) : it->second;
    if (ex.final_value(k, base) != expected) return "final value of key " + std::to_string(k);
  }
  return "";
}

struct Fixture {
  std::vector<std::unique_ptr<IntExecutor>> executors;
  explicit Fixture(FaultInjector* faults = nullptr) {
    for (unsigned t : {1u, 2u, 4u, 8u}) {
      ExecutorOptions o;
      o.threads = t;
      o.sequential_below = 0;
      o.faults = faults;
      executors.push_back(std::make_unique<IntExecutor>(o));
    }
  }
};

void check_shape(Shape shape, size_t blocks, uint64_t seed, Fixture& fx,
                 std::vector<ExecutionStats>* stats = nullptr) {
  std::mt19937_64 rng(seed);
  SynthBase base;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t n = 1 + rng() % 64;
    const uint32_t keys =
        static_cast<uint32_t>(std::array<uint64_t, 5>{2, 4, 16, 64, 1000}[rng() % 5]);
    const SynthBlock block = make_block(shape, rng, n, keys);
    const OracleResult want = run_in_order(block);
    SynthTask task(block);
    for (auto& ex : fx.executors) {
      const BlockStatus st = ex->execute_block(block.size(), task, base);
      const std::string diff = compare(block, *ex, st, want, keys);
      ASSERT_EQ(diff, "") << "seed " << seed << " block " << b << " (n=" << n << ", keys=" << keys
                          << ") threads " << ex->threads();
      if (stats) stats->push_back(ex->stats());
    }
  }
}

// A task that names a predicted dependency for each transaction: a random lower one, right or
// wrong. The hint only makes a transaction wait; the results stay the oracle's.
class HintedSynthTask final : public Task<IntTraits, uint64_t> {
 public:
  HintedSynthTask(const SynthBlock& block, uint64_t seed) : inner_(block) {
    std::mt19937_64 rng(seed);
    hints_.resize(block.size(), kNoTx);
    for (size_t i = 1; i < block.size(); ++i)
      if (rng() % 3 != 0) hints_[i] = static_cast<TxIndex>(rng() % i);
  }
  void execute(TxIndex tx, IncarnationView<IntTraits>& view, IntResult& result) override {
    inner_.execute(tx, view, result);
  }
  TxIndex predicted_dependency(TxIndex tx) const override { return hints_[tx]; }

 private:
  SynthTask inner_;
  std::vector<TxIndex> hints_;
};

TEST(ParallelExecutor, PredictedDependenciesKeepTheResult) {
  Fixture fx;
  std::mt19937_64 rng(23);
  SynthBase base;
  uint64_t suspensions = 0;
  for (int b = 0; b < 150; ++b) {
    const size_t n = 1 + rng() % 64;
    const uint32_t keys = static_cast<uint32_t>(std::array<uint64_t, 3>{2, 16, 1000}[rng() % 3]);
    const SynthBlock block = make_block(Shape::kRandom, rng, n, keys);
    const OracleResult want = run_in_order(block);
    HintedSynthTask task(block, rng());
    for (auto& ex : fx.executors) {
      const BlockStatus st = ex->execute_block(block.size(), task, base);
      ASSERT_EQ(compare(block, *ex, st, want, keys), "") << "block " << b << " threads " << ex->threads();
      suspensions += ex->stats().suspensions;
    }
  }
  EXPECT_GT(suspensions, 0u);  // the hints were acted on
}

TEST(ParallelExecutor, RandomBlocksMatchOracle) {
  Fixture fx;
  std::vector<ExecutionStats> stats;
  check_shape(Shape::kRandom, blocks_per_shape(1000), 1, fx, &stats);
  ExecutionStats sum;
  for (const ExecutionStats& s : stats) {
    sum.executions += s.executions;
    sum.aborts += s.aborts;
    sum.suspensions += s.suspensions;
    sum.validations += s.validations;
  }
  std::printf("executions %llu validations %llu aborts %llu suspensions %llu\n",
              (unsigned long long)sum.executions, (unsigned long long)sum.validations,
              (unsigned long long)sum.aborts, (unsigned long long)sum.suspensions);
}

// A task that takes a few microseconds per execution, so that workers overlap even on a loaded
// machine (zero-cost transactions can all finish on one worker before the others wake up).
class SlowSynthTask final : public Task<IntTraits, uint64_t> {
 public:
  explicit SlowSynthTask(const SynthBlock& block) : inner_(block) {}
  void execute(TxIndex tx, IncarnationView<IntTraits>& view, IntResult& result) override {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(20);
    while (std::chrono::steady_clock::now() < until) {
    }
    inner_.execute(tx, view, result);
  }

 private:
  SynthTask inner_;
};

// Random blocks over two keys conflict: the abort and suspension paths are exercised (and still
// match the oracle). Blocks are run until both have been seen, at most 2,000: on a loaded
// machine (CTest running other tests beside it) workers overlap less and a suspension can take
// hundreds of blocks; on an idle one, a few.
TEST(ParallelExecutor, ConflictsAreExercised) {
  IntExecutor ex(ExecutorOptions{.threads = 4, .sequential_below = 0, .max_abort_share = 0});
  std::mt19937_64 rng(11);
  SynthBase base;
  uint64_t aborts = 0, suspensions = 0;
  for (int b = 0; b < 2000 && (aborts == 0 || suspensions == 0); ++b) {
    const SynthBlock block = make_block(Shape::kRandom, rng, 48, 2);
    const OracleResult want = run_in_order(block);
    SlowSynthTask task(block);
    const BlockStatus st = ex.execute_block(block.size(), task, base);
    ASSERT_EQ(compare(block, ex, st, want, 2), "") << "block " << b;
    aborts += ex.stats().aborts;
    suspensions += ex.stats().suspensions;
  }
  EXPECT_GT(aborts, 0u);
  EXPECT_GT(suspensions, 0u);
}

// A chain (each transaction reads what the previous one wrote) aborts again and again: past the
// abort budget the parallel phase stops and the block is completed in order, with the in-order
// result. Without a budget it runs to the end in parallel, with the same result.
TEST(ParallelExecutor, AbortBudgetCompletesConflictingBlocksInOrder) {
  std::mt19937_64 rng(3);
  SynthBase base;
  const SynthBlock block = make_block(Shape::kChain, rng, 200, 4);
  const OracleResult want = run_in_order(block);
  for (double share : {0.05, 0.0}) {
    ExecutorOptions o;
    o.threads = 4;
    o.sequential_below = 0;
    o.max_abort_share = share;
    IntExecutor ex(o);
    bool fell_back = false;
    for (int attempt = 0; attempt < 20 && !(share > 0 && fell_back); ++attempt) {
      SlowSynthTask task(block);
      const BlockStatus st = ex.execute_block(block.size(), task, base);
      ASSERT_EQ(compare(block, ex, st, want, 4), "") << "share " << share;
      fell_back = ex.stats().fell_back;
      if (share == 0) {
        EXPECT_FALSE(fell_back);
      }
    }
    if (share > 0) {
      EXPECT_TRUE(fell_back) << "a chain of 200 never exceeded 32 aborts";
    }
  }
}

TEST(ParallelExecutor, ConflictFreeBlocksNeverAbort) {
  Fixture fx;
  std::vector<ExecutionStats> stats;
  check_shape(Shape::kConflictFree, blocks_per_shape(150), 2, fx, &stats);
  for (const ExecutionStats& s : stats) {
    EXPECT_EQ(s.aborts, 0u);
    EXPECT_EQ(s.suspensions, 0u);
  }
}

TEST(ParallelExecutor, ChainBlocksMatchOracle) {
  Fixture fx;
  check_shape(Shape::kChain, blocks_per_shape(150), 3, fx);
}

TEST(ParallelExecutor, HotKeyBlocksMatchOracle) {
  Fixture fx;
  check_shape(Shape::kHotKey, blocks_per_shape(150), 4, fx);
}

TEST(ParallelExecutor, HotDeltaBlocksMatchOracle) {
  Fixture fx;
  check_shape(Shape::kHotDelta, blocks_per_shape(150), 5, fx);
}

TEST(ParallelExecutor, ValueDependentFailuresMatchOracle) {
  Fixture fx;
  check_shape(Shape::kPoison, blocks_per_shape(300), 6, fx);
}

// Additive-only writers do not depend on each other: a block where every transaction only adds
// to one key runs without a single abort or suspension.
TEST(ParallelExecutor, DeltaOnlyWritersDoNotConflict) {
  SynthBlock block(200);
  for (auto& tx : block) tx.ops = {{OpKind::kAdd, 0, 3}, {OpKind::kWork, 0, 200}};
  SynthTask task(block);
  SynthBase base;
  ExecutorOptions o;
  o.threads = 4;
  IntExecutor ex(o);
  for (int round = 0; round < 20; ++round) {
    ASSERT_TRUE(ex.execute_block(block.size(), task, base).ok);
    EXPECT_EQ(ex.stats().aborts, 0u);
    EXPECT_EQ(ex.stats().suspensions, 0u);
    EXPECT_EQ(ex.final_value(0, base), base_value(0) + 600);
  }
}

TEST(ParallelExecutor, TinyBlocksRunInOrderAutomatically) {
  SynthBlock block(3);
  for (auto& tx : block) tx.ops = {{OpKind::kRead, 1, 0}, {OpKind::kWrite, 1, 5}};
  SynthTask task(block);
  SynthBase base;
  ExecutorOptions o;
  o.threads = 4;
  o.sequential_below = 8;
  IntExecutor ex(o);
  ASSERT_TRUE(ex.execute_block(block.size(), task, base).ok);
  EXPECT_TRUE(ex.stats().sequential);
  EXPECT_EQ(ex.stats().executions, 3u);
  EXPECT_EQ(compare(block, ex, {}, run_in_order(block), 4), "");
}

TEST(ParallelExecutor, RejectsZeroAttempts) {
  ExecutorOptions o;
  o.max_attempts = 0;
  EXPECT_THROW(IntExecutor{o}, std::invalid_argument);
}

TEST(ParallelExecutor, EmptyBlock) {
  SynthBlock block;
  SynthTask task(block);
  SynthBase base;
  ExecutorOptions o;
  o.threads = 2;
  o.sequential_below = 0;
  IntExecutor ex(o);
  EXPECT_TRUE(ex.execute_block(0, task, base).ok);
  EXPECT_EQ(ex.final_value(3, base), base_value(3));
}

// The dependency graph records, for each transaction, the lower ones its final reads came from.
TEST(ParallelExecutor, DependencyGraphOfAChain) {
  SynthBlock block(30);
  for (uint32_t i = 0; i < 30; ++i)
    block[i].ops = {{OpKind::kRead, i, 0},
                    {OpKind::kWrite, i + 1, i},
                    {OpKind::kAdd, 100, 1},
                    {OpKind::kWork, 0, 100}};
  block[29].ops.push_back({OpKind::kRead, 100, 0});  // reads the sum of every delta
  SynthTask task(block);
  SynthBase base;
  ExecutorOptions o;
  o.threads = 2;
  o.sequential_below = 0;
  o.profile = true;
  IntExecutor ex(o);
  ASSERT_TRUE(ex.execute_block(block.size(), task, base).ok);
  const DependencyGraph g = ex.dependency_graph();
  ASSERT_EQ(g.deps.size(), 30u);
  EXPECT_TRUE(g.deps[0].empty());
  for (TxIndex i = 1; i < 29; ++i) EXPECT_EQ(g.deps[i], std::vector<TxIndex>{i - 1}) << i;
  EXPECT_EQ(g.deps[29].size(), 29u);  // tx 28 (chain) and 0..28 (deltas)
  for (uint64_t c : g.cost_ns) EXPECT_GT(c, 0u);
  EXPECT_EQ(critical_path(g), total_work(g));
}

}  // namespace
}  // namespace paraevm::parallel
