// The ideal-speedup model on hand-made dependency graphs, with expected makespans worked out by
// hand in the comments.
#include <gtest/gtest.h>

#include <stdexcept>

#include "parallel/speedup_model.hpp"

namespace paraevm::parallel {
namespace {

DependencyGraph independent(size_t n, uint64_t cost) {
  return {std::vector<uint64_t>(n, cost), std::vector<std::vector<TxIndex>>(n)};
}

TEST(SpeedupModel, IndependentTransactions) {
  const DependencyGraph g = independent(8, 10);
  EXPECT_EQ(total_work(g), 80u);
  EXPECT_EQ(critical_path(g), 10u);
  EXPECT_EQ(list_schedule_makespan(g, 1), 80u);
  EXPECT_EQ(list_schedule_makespan(g, 2), 40u);
  EXPECT_EQ(list_schedule_makespan(g, 3), 30u);  // 3 + 3 + 2 transactions
  EXPECT_EQ(list_schedule_makespan(g, 8), 10u);
  EXPECT_EQ(list_schedule_makespan(g, 64), 10u);
  EXPECT_DOUBLE_EQ(ideal_speedup(g, 2), 2.0);
  EXPECT_DOUBLE_EQ(ideal_speedup(g, 64), 8.0);
}

TEST(SpeedupModel, ChainHasNoParallelism) {
  DependencyGraph g = independent(5, 7);
  for (TxIndex i = 1; i < 5; ++i) g.deps[i] = {i - 1};
  EXPECT_EQ(critical_path(g), 35u);
  for (unsigned t : {1u, 2u, 16u}) EXPECT_EQ(list_schedule_makespan(g, t), 35u);
  EXPECT_DOUBLE_EQ(ideal_speedup(g, 8), 1.0);
}

TEST(SpeedupModel, Diamond) {
  // 0 (10) -> 1 (20), 2 (30) -> 3 (10): critical path 0-2-3 = 50.
  DependencyGraph g{{10, 20, 30, 10}, {{}, {0}, {0}, {1, 2}}};
  EXPECT_EQ(critical_path(g), 50u);
  EXPECT_EQ(list_schedule_makespan(g, 1), 70u);
  EXPECT_EQ(list_schedule_makespan(g, 2), 50u);
}

TEST(SpeedupModel, ListSchedulingFollowsBlockOrder) {
  // Two threads; 0 and 1 (10 each) start first, 2 (100) only at 10: makespan 110, although an
  // optimal schedule (2 first) would take 100. The model reports what block-order scheduling
  // can reach.
  DependencyGraph g{{10, 10, 100}, {{}, {}, {}}};
  EXPECT_EQ(list_schedule_makespan(g, 2), 110u);
  EXPECT_EQ(list_schedule_makespan(g, 3), 100u);
}

TEST(SpeedupModel, ReadyTransactionsWaitForAFreeThread) {
  // 0 (5) and 1 (5) on two threads; 2 (5) depends on 0; 3 (20) independent. At 5, 2 and 3 are
  // both ready: 2 (lower index) and 3 start together, 3 ends at 25.
  DependencyGraph g{{5, 5, 5, 20}, {{}, {}, {0}, {}}};
  EXPECT_EQ(list_schedule_makespan(g, 2), 25u);
  EXPECT_EQ(critical_path(g), 20u);
}

TEST(SpeedupModel, DuplicateDependenciesCountOnce) {
  DependencyGraph g{{1, 1}, {{}, {0, 0, 0}}};
  EXPECT_EQ(list_schedule_makespan(g, 2), 2u);
}

TEST(SpeedupModel, EmptyAndZeroCost) {
  EXPECT_EQ(list_schedule_makespan({}, 4), 0u);
  EXPECT_DOUBLE_EQ(ideal_speedup({}, 4), 1.0);
  EXPECT_DOUBLE_EQ(ideal_speedup(independent(3, 0), 2), 1.0);
}

TEST(SpeedupModel, RejectsBadGraphs) {
  EXPECT_THROW(critical_path(DependencyGraph{{1, 1}, {{}, {1}}}), std::invalid_argument);
  EXPECT_THROW(critical_path(DependencyGraph{{1, 1}, {{}}}), std::invalid_argument);
  EXPECT_THROW(list_schedule_makespan(independent(2, 1), 0), std::invalid_argument);
}

}  // namespace
}  // namespace paraevm::parallel
