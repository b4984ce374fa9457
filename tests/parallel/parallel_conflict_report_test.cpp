// The conflict report: dependencies counted per location and per address (a repeated read
// once), the critical path's time attributed to the locations its transactions waited on, and
// the ideal speedup without each location's dependencies.
#include <gtest/gtest.h>

#include <stdexcept>

#include "parallel/conflict_report.hpp"

namespace paraevm::parallel {
namespace {

EvmKey slot_of(uint8_t address, uint64_t slot) {
  Address a;
  a[19] = address;
  return {a, EvmField::Storage, U256(slot)};
}
EvmKey account_of(uint8_t address) {
  Address a;
  a[19] = address;
  return {a, EvmField::Account, {}};
}

TEST(ConflictReport, CountsDependenciesAndAttributesTheCriticalPath) {
  // tx 1 reads A from tx 0; tx 2 reads A and B from tx 1 (A twice); tx 3 reads C from tx 0.
  // Finish times 10, 30, 60, 50: the critical path is 0 -> 1 -> 2 (60 ns).
  const DependencyGraph g{{10, 20, 30, 40}, {{}, {0}, {1}, {0}}};
  const EvmKey a = slot_of(1, 7), b = slot_of(1, 8), c = account_of(2);
  const std::vector<ConflictEdge> edges{{1, 0, a}, {2, 1, a}, {2, 1, b}, {2, 1, a}, {3, 0, c}};
  const ConflictReport r = build_conflict_report(g, edges, 10);
  EXPECT_EQ(r.transactions, 4u);
  EXPECT_EQ(r.dependent_transactions, 3u);
  EXPECT_EQ(r.total_ns, 100u);
  EXPECT_EQ(r.critical_path_ns, 60u);
  EXPECT_EQ(r.critical_path_transactions, 3u);
  ASSERT_EQ(r.locations.size(), 3u);
  EXPECT_EQ(r.locations[0].key, a);  // most dependencies first
  EXPECT_EQ(r.locations[0].dependencies, 2u);
  EXPECT_EQ(r.locations[0].readers, 2u);
  EXPECT_EQ(r.locations[0].critical_path_ns, 50u);  // txs 1 and 2 waited on it
  EXPECT_EQ(r.locations[1].key, b);                 // ties: more critical-path time first
  EXPECT_EQ(r.locations[1].critical_path_ns, 30u);
  EXPECT_EQ(r.locations[2].key, c);
  EXPECT_EQ(r.locations[2].critical_path_ns, 0u);
  ASSERT_EQ(r.contracts.size(), 2u);
  EXPECT_EQ(r.contracts[0].address, a.address);
  EXPECT_EQ(r.contracts[0].dependencies, 3u);
  EXPECT_EQ(r.contracts[0].readers, 2u);  // txs 1 and 2, tx 2 once
  EXPECT_EQ(r.contracts[0].critical_path_ns, 80u);
  EXPECT_EQ(r.contracts[0].locations, 2u);
  EXPECT_EQ(r.contracts[1].address, c.address);
  // On 16 threads the critical path decides: 100 / 60 as it is; without A tx 1 no longer waits
  // (100 / 50); B and C alone leave the chain 0 -> 1 -> 2; without address 1 (A and B) only
  // tx 3 waits.
  EXPECT_EQ(r.ideal_threads, kReportThreads);
  EXPECT_DOUBLE_EQ(r.ideal, 100.0 / 60.0);
  EXPECT_DOUBLE_EQ(r.locations[0].ideal_without, 2.0);
  EXPECT_DOUBLE_EQ(r.locations[1].ideal_without, 100.0 / 60.0);
  EXPECT_DOUBLE_EQ(r.locations[2].ideal_without, 100.0 / 60.0);
  EXPECT_DOUBLE_EQ(r.contracts[0].ideal_without, 2.0);
  EXPECT_DOUBLE_EQ(r.contracts[1].ideal_without, 100.0 / 60.0);

  const ConflictReport top1 = build_conflict_report(g, edges, 1);
  ASSERT_EQ(top1.locations.size(), 1u);
  EXPECT_EQ(top1.locations[0].key, a);
  EXPECT_EQ(top1.contracts.size(), 1u);
}

TEST(ConflictReport, NoDependenciesAndBadEdges) {
  const DependencyGraph g{{5, 5}, {{}, {}}};
  const ConflictReport r = build_conflict_report(g, {}, 5);
  EXPECT_EQ(r.dependent_transactions, 0u);
  EXPECT_EQ(r.critical_path_ns, 5u);
  EXPECT_EQ(r.critical_path_transactions, 1u);
  EXPECT_TRUE(r.locations.empty());
  EXPECT_TRUE(build_conflict_report({}, {}, 5).locations.empty());
  const std::vector<ConflictEdge> upward{{0, 1, account_of(1)}};
  EXPECT_THROW(build_conflict_report(g, upward, 5), std::invalid_argument);
  const std::vector<ConflictEdge> outside{{7, 0, account_of(1)}};
  EXPECT_THROW(build_conflict_report(g, outside, 5), std::invalid_argument);
}

TEST(ConflictReport, DescribesLocations) {
  EXPECT_EQ(describe_location(account_of(1)), "account");
  EXPECT_EQ(describe_location(slot_of(1, 255)), "storage 0xff");
  EXPECT_EQ(describe_location({Address{}, EvmField::StorageEpoch, {}}), "storage wipe");
}

}  // namespace
}  // namespace paraevm::parallel
