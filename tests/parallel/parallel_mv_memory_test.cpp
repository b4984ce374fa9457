#include <gtest/gtest.h>

#include <thread>

#include "parallel/mv_memory.hpp"
#include "parallel_test_traits.hpp"

namespace paraevm::parallel {
namespace {

using testing::IntTraits;
using Mv = MvMemory<IntTraits>;
using Status = Mv::ReadResult::Status;
using W = Write<IntTraits>;
using Base = ReadOrigin<IntTraits>::Base;

TEST(MvMemory, EmptyReadsStorage) {
  Mv mv;
  mv.reset(4);
  auto r = mv.read(7, 3);
  EXPECT_EQ(r.status, Status::kStorage);
  EXPECT_FALSE(r.origin.has_delta);
}

TEST(MvMemory, ReadsHighestLowerWrite) {
  Mv mv;
  mv.reset(10);
  EXPECT_TRUE(mv.record({2, 0}, {W::full(1, 20)}));
  EXPECT_TRUE(mv.record({5, 1}, {W::full(1, 50)}));
  EXPECT_EQ(mv.read(1, 2).status, Status::kStorage);  // own and higher writes are invisible
  auto r = mv.read(1, 3);
  ASSERT_EQ(r.status, Status::kValue);
  EXPECT_EQ(r.value, 20u);
  EXPECT_EQ(r.origin.version, (Version{2, 0}));
  r = mv.read(1, 9);
  EXPECT_EQ(r.value, 50u);
  EXPECT_EQ(r.origin.version, (Version{5, 1}));
}

TEST(MvMemory, DeltasSumDownToFullWriteOrStorage) {
  Mv mv;
  mv.reset(10);
  mv.record({1, 0}, {W::add(4, 3)});
  mv.record({3, 0}, {W::full(4, 100)});
  mv.record({4, 0}, {W::add(4, 5)});
  mv.record({6, 0}, {W::add(4, 7)});
  auto r = mv.read(4, 3);  // only the delta of tx 1 over storage
  ASSERT_EQ(r.status, Status::kStorage);
  EXPECT_TRUE(r.origin.has_delta);
  EXPECT_EQ(r.origin.delta_sum, 3u);
  r = mv.read(4, 9);
  ASSERT_EQ(r.status, Status::kValue);
  EXPECT_EQ(r.value, 112u);
  EXPECT_EQ(r.origin.version, (Version{3, 0}));
  EXPECT_EQ(r.origin.delta_sum, 12u);
  r = mv.read(4, 4);
  EXPECT_EQ(r.value, 100u);
  EXPECT_FALSE(r.origin.has_delta);
}

TEST(MvMemory, EstimateReportsDependency) {
  Mv mv;
  mv.reset(10);
  mv.record({2, 0}, {W::full(1, 20), W::add(2, 1)});
  mv.convert_writes_to_estimates(2);
  auto r = mv.read(1, 5);
  ASSERT_EQ(r.status, Status::kDependency);
  EXPECT_EQ(r.blocking, 2u);
  EXPECT_EQ(mv.read(2, 5).status, Status::kDependency);  // deltas too
  EXPECT_EQ(mv.read(1, 2).status, Status::kStorage);
  // Re-recording replaces the estimates; same locations -> nothing new written.
  EXPECT_FALSE(mv.record({2, 1}, {W::full(1, 21), W::add(2, 1)}));
  EXPECT_EQ(mv.read(1, 5).value, 21u);
}

TEST(MvMemory, RecordRemovesStaleEntriesAndReportsNewLocations) {
  Mv mv;
  mv.reset(10);
  EXPECT_TRUE(mv.record({3, 0}, {W::full(1, 1), W::full(2, 2)}));
  EXPECT_FALSE(mv.record({3, 1}, {W::full(2, 5)}));
  EXPECT_EQ(mv.read(1, 9).status, Status::kStorage);
  EXPECT_EQ(mv.read(2, 9).value, 5u);
  EXPECT_TRUE(mv.record({3, 2}, {W::full(2, 6), W::full(9, 9)}));
  EXPECT_EQ(mv.read(9, 4).value, 9u);
  EXPECT_FALSE(mv.record({3, 3}, {}));
  EXPECT_EQ(mv.read(2, 9).status, Status::kStorage);
  EXPECT_EQ(mv.read(9, 9).status, Status::kStorage);
}

TEST(MvMemory, ValidateReadSetComparesOrigins) {
  Mv mv;
  mv.reset(10);
  mv.record({1, 0}, {W::full(1, 10)});
  mv.record({2, 0}, {W::add(2, 4)});
  std::vector<ReadRecord<IntTraits>> reads;
  for (uint32_t k : {1u, 2u, 3u}) reads.push_back({k, mv.read(k, 5).origin});
  EXPECT_TRUE(mv.validate_read_set(5, reads));
  mv.record({2, 1}, {W::add(2, 4)});  // same delta sum: still valid
  EXPECT_TRUE(mv.validate_read_set(5, reads));
  mv.record({2, 2}, {W::add(2, 5)});  // different sum
  EXPECT_FALSE(mv.validate_read_set(5, reads));
  reads[1].origin = mv.read(2, 5).origin;
  EXPECT_TRUE(mv.validate_read_set(5, reads));
  mv.record({1, 1}, {W::full(1, 10)});  // same value, new version: invalid (version-based)
  EXPECT_FALSE(mv.validate_read_set(5, reads));
  reads[0].origin = mv.read(1, 5).origin;
  mv.record({4, 0}, {W::full(3, 0)});  // a storage read now shadowed
  EXPECT_FALSE(mv.validate_read_set(5, reads));
  EXPECT_TRUE(mv.validate_read_set(4, {reads[0], reads[2]}));
  mv.convert_writes_to_estimates(1);
  EXPECT_FALSE(mv.validate_read_set(4, {reads[0]}));
}

TEST(MvMemory, ResetClearsAndIsReusable) {
  Mv mv;
  mv.reset(3);
  mv.record({0, 0}, {W::full(1, 1)});
  mv.reset(3);
  EXPECT_EQ(mv.read(1, 2).status, Status::kStorage);
  size_t locations = 0;
  mv.for_each_location([&](uint32_t) { ++locations; });
  EXPECT_EQ(locations, 0u);
  EXPECT_TRUE(mv.record({0, 0}, {W::full(1, 2)}));
  EXPECT_EQ(mv.read(1, 2).value, 2u);
}

TEST(MvMemory, CollectSourcesListsFullWriteAndDeltas) {
  Mv mv;
  mv.reset(10);
  mv.record({1, 0}, {W::full(1, 10)});
  mv.record({3, 0}, {W::add(1, 1)});
  mv.record({5, 0}, {W::add(1, 1)});
  std::vector<TxIndex> out;
  mv.collect_sources(1, 5, out);
  EXPECT_EQ(out, (std::vector<TxIndex>{3, 1}));
}

// Concurrent writers of disjoint transactions and readers: every read sees a write of some
// lower transaction (or storage), never a torn or foreign value.
TEST(MvMemory, ConcurrentRecordAndRead) {
  Mv mv;
  constexpr TxIndex kTxs = 64;
  mv.reset(kTxs);
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (TxIndex tx = t; tx < kTxs; tx += 4)
        for (Incarnation inc = 0; inc < 20; ++inc) {
          WriteSet<IntTraits> ws;
          for (uint32_t k = 0; k < 8; ++k)
            if ((k + inc) % 3 != 0) ws.push_back(W::full(k, tx * 1000 + inc));
          mv.record({tx, inc}, ws);
          for (uint32_t k = 0; k < 8; ++k) {
            auto r = mv.read(k, tx);
            if (r.status == Status::kValue) {
              EXPECT_LT(r.origin.version.tx, tx);
              EXPECT_EQ(r.value / 1000, r.origin.version.tx);
            }
          }
        }
    });
  }
  for (auto& th : threads) th.join();
}

}  // namespace
}  // namespace paraevm::parallel

namespace paraevm::parallel {
namespace {

// Reads past deltas (a plain transfer's code check of a lazily credited account): the nearest
// full write below the reader, whatever deltas lie between; estimates of deltas are passed
// over, estimates of full writes still block; replaced and removed entries are tracked.
TEST(MvMemory, ReadsSkippingDeltas) {
  using Mv = MvMemory<testing::IntTraits>;
  using W = Write<testing::IntTraits>;
  using Status = Mv::ReadResult::Status;
  Mv mv;
  mv.reset(20);
  for (TxIndex tx = 0; tx < 20; tx += 2) mv.record({tx, 0}, {W::add(5, 1)});  // deltas 0,2,..18
  EXPECT_EQ(mv.read(5, 19, true).status, Status::kStorage);
  EXPECT_EQ(mv.read(5, 19).origin.delta_sum, 10u);  // the ordinary read sums them
  mv.record({7, 0}, {W::full(5, 70)});
  auto r = mv.read(5, 19, true);
  ASSERT_EQ(r.status, Status::kValue);
  EXPECT_EQ(r.value, 70u);  // no deltas added
  EXPECT_FALSE(r.origin.has_delta);
  EXPECT_EQ(r.origin.version, (Version{7, 0}));
  EXPECT_EQ(mv.read(5, 7, true).status, Status::kStorage);  // below the full write
  mv.convert_writes_to_estimates(8);  // a delta's estimate: passed over
  EXPECT_EQ(mv.read(5, 19, true).status, Status::kValue);
  EXPECT_EQ(mv.read(5, 19).status, Status::kDependency);
  mv.convert_writes_to_estimates(7);  // the full write's estimate: blocks
  r = mv.read(5, 19, true);
  EXPECT_EQ(r.status, Status::kDependency);
  EXPECT_EQ(r.blocking, 7u);
  mv.record({7, 1}, {W::add(5, 3)});  // re-executed as a delta: no full write left
  EXPECT_EQ(mv.read(5, 19, true).status, Status::kStorage);
  mv.record({9, 0}, {W::full(5, 90)});
  mv.record({9, 1}, {});  // no longer writes the key
  EXPECT_EQ(mv.read(5, 19, true).status, Status::kStorage);
  // Validation re-reads in the same mode.
  std::vector<ReadRecord<testing::IntTraits>> reads{{5, mv.read(5, 19, true).origin, true}};
  EXPECT_TRUE(mv.validate_read_set(19, reads));
  mv.record({3, 0}, {W::full(5, 30)});
  EXPECT_FALSE(mv.validate_read_set(19, reads));
}

}  // namespace
}  // namespace paraevm::parallel

namespace paraevm::parallel {
namespace {

// The dense location (one slot per transaction, the coinbase) reads, validates and is replaced
// like any other: deltas summed down to the nearest full write, estimates block (deltas' only
// for ordinary reads), a re-incarnation that no longer writes it removes its slot.
TEST(MvMemory, DenseLocationBehavesLikeACell) {
  using Mv = MvMemory<testing::IntTraits>;
  using W = Write<testing::IntTraits>;
  using Status = Mv::ReadResult::Status;
  for (bool dense : {false, true}) {
    Mv mv;
    mv.reset(10);
    if (dense) mv.set_dense_location(7);
    EXPECT_TRUE(mv.record({1, 0}, {W::add(7, 2), W::full(8, 1)}));
    mv.record({3, 0}, {W::full(7, 100)});
    mv.record({5, 0}, {W::add(7, 5)});
    auto r = mv.read(7, 9);
    ASSERT_EQ(r.status, Status::kValue) << dense;
    EXPECT_EQ(r.value, 105u) << dense;
    EXPECT_EQ(r.origin.version, (Version{3, 0})) << dense;
    r = mv.read(7, 3);
    EXPECT_EQ(r.status, Status::kStorage) << dense;
    EXPECT_EQ(r.origin.delta_sum, 2u) << dense;
    std::vector<ReadRecord<testing::IntTraits>> reads{{7, mv.read(7, 9).origin, false}};
    EXPECT_TRUE(mv.validate_read_set(9, reads)) << dense;
    mv.convert_writes_to_estimates(5);
    EXPECT_EQ(mv.read(7, 9).status, Status::kDependency) << dense;
    EXPECT_EQ(mv.read(7, 9, true).status, Status::kValue) << dense;  // a delta's estimate
    EXPECT_FALSE(mv.record({5, 1}, {W::add(7, 6)})) << dense;  // same location: nothing new
    EXPECT_FALSE(mv.validate_read_set(9, reads)) << dense;      // the sum changed
    mv.record({3, 1}, {});  // no longer writes it
    r = mv.read(7, 9);
    EXPECT_EQ(r.status, Status::kStorage) << dense;
    EXPECT_EQ(r.origin.delta_sum, 8u) << dense;
    std::vector<TxIndex> sources;
    mv.collect_sources(7, 9, sources);
    EXPECT_EQ(sources, (std::vector<TxIndex>{5, 1})) << dense;
    size_t locations = 0;
    mv.for_each_location([&](uint32_t) { ++locations; });
    EXPECT_EQ(locations, 2u) << dense;
  }
}

// A delta that becomes a full write in the next incarnation sends higher transactions back to
// validation: a read past deltas skipped the delta's ESTIMATE, so it may have passed validation
// while the transaction was re-executing, and nothing else would make it look again.
TEST(MvMemory, DeltaTurnedFullWriteCountsAsNew) {
  using Mv = MvMemory<testing::IntTraits>;
  using W = Write<testing::IntTraits>;
  for (bool dense : {false, true}) {
    Mv mv;
    mv.reset(10);
    if (dense) mv.set_dense_location(7);
    EXPECT_TRUE(mv.record({2, 0}, {W::add(7, 1)}));
    std::vector<ReadRecord<testing::IntTraits>> reads{{7, mv.read(7, 9, true).origin, true}};
    mv.convert_writes_to_estimates(2);
    EXPECT_TRUE(mv.validate_read_set(9, reads)) << dense;  // the delta's estimate is skipped
    EXPECT_TRUE(mv.record({2, 1}, {W::full(7, 50)})) << dense;
    EXPECT_FALSE(mv.validate_read_set(9, reads)) << dense;
    EXPECT_FALSE(mv.record({2, 2}, {W::full(7, 60)})) << dense;  // full to full: nothing new
    EXPECT_FALSE(mv.record({2, 3}, {W::add(7, 2)})) << dense;    // full to delta: nothing new
  }
}

}  // namespace
}  // namespace paraevm::parallel
