// The scheduler driven by hand, single-threaded, through the transitions of its state diagram.
#include <gtest/gtest.h>

#include "parallel/scheduler.hpp"

namespace paraevm::parallel {
namespace {

using Kind = Scheduler::TaskKind;

// The next task that is not kNone (a validation slot may be skipped while its tx executes).
Scheduler::Task next_real(Scheduler& s) {
  for (int i = 0; i < 16; ++i) {
    Scheduler::Task t = s.next_task();
    if (t.kind != Kind::kNone) return t;
  }
  return {};
}

TEST(Scheduler, EmptyBlockIsDone) {
  Scheduler s;
  s.reset(0);
  EXPECT_TRUE(s.done());
  EXPECT_EQ(s.next_task().kind, Kind::kNone);
}

// Drives tasks in the order handed out, with no conflicts: each transaction runs and is
// validated exactly once, then done() turns true.
TEST(Scheduler, ConflictFreeBlockRunsEachTransactionOnce) {
  Scheduler s;
  s.reset(5);
  std::vector<int> executed(5, 0), validated(5, 0);
  for (int guard = 0; guard < 100 && !s.done(); ++guard) {
    Scheduler::Task t = s.next_task();
    while (t.kind != Kind::kNone) {
      if (t.kind == Kind::kExecute) {
        ++executed[t.version.tx];
        t = s.finish_execution(t.version, true);
      } else {
        ++validated[t.version.tx];
        t = s.finish_validation(t.version.tx, false);
      }
    }
  }
  EXPECT_TRUE(s.done());
  EXPECT_EQ(executed, std::vector<int>(5, 1));
  EXPECT_EQ(validated, std::vector<int>(5, 1));
  for (TxIndex i = 0; i < 5; ++i) EXPECT_EQ(s.status(i), TxStatus::kExecuted);
}

TEST(Scheduler, DependencySuspendsAndResumes) {
  Scheduler s;
  s.reset(3);
  auto t0 = s.next_task();
  auto t1 = next_real(s);  // the validation slot of tx 0 is skipped: it is executing
  ASSERT_EQ(t0.kind, Kind::kExecute);
  ASSERT_EQ(t1.kind, Kind::kExecute);
  EXPECT_EQ(t1.version, (Version{1, 0}));
  EXPECT_TRUE(s.add_dependency(1, 0));
  EXPECT_EQ(s.status(1), TxStatus::kAborting);
  // Finishing tx 0 resumes tx 1 with the next incarnation and lowers the execution index.
  auto v0 = s.finish_execution(t0.version, true);
  EXPECT_EQ(v0.kind, Kind::kNone);  // validation index is still 0: validated later
  EXPECT_EQ(s.status(1), TxStatus::kReadyToExecute);
  EXPECT_EQ(s.incarnation(1), 1u);
  auto next = s.next_task();  // validation index (0) < execution index (1): validate 0 first
  ASSERT_EQ(next.kind, Kind::kValidate);
  EXPECT_EQ(next.version, (Version{0, 0}));
  EXPECT_EQ(s.finish_validation(0, false).kind, Kind::kNone);
  next = s.next_task();
  ASSERT_EQ(next.kind, Kind::kExecute);
  EXPECT_EQ(next.version, (Version{1, 1}));
  // tx 0 is EXECUTED now: no dependency is added, the reader retries.
  auto t2 = next_real(s);
  ASSERT_EQ(t2.kind, Kind::kExecute);
  EXPECT_EQ(t2.version.tx, 2u);
  EXPECT_FALSE(s.add_dependency(2, 0));
  EXPECT_EQ(s.status(2), TxStatus::kExecuting);
}

TEST(Scheduler, ValidationAbortIsClaimedOnceAndReexecutes) {
  Scheduler s;
  s.reset(2);
  auto a = s.next_task();
  auto b = next_real(s);
  ASSERT_EQ(b.version.tx, 1u);
  EXPECT_EQ(s.finish_execution(a.version, true).kind, Kind::kNone);
  EXPECT_EQ(s.finish_execution(b.version, true).kind, Kind::kNone);
  auto va = s.next_task();
  ASSERT_EQ(va.kind, Kind::kValidate);
  EXPECT_EQ(s.finish_validation(0, false).kind, Kind::kNone);
  auto vb = s.next_task();
  ASSERT_EQ(vb.kind, Kind::kValidate);
  EXPECT_EQ(vb.version, (Version{1, 0}));
  EXPECT_TRUE(s.try_validation_abort(vb.version));
  EXPECT_FALSE(s.try_validation_abort(vb.version));  // a second validator loses
  auto re = s.finish_validation(1, true);
  ASSERT_EQ(re.kind, Kind::kExecute);
  EXPECT_EQ(re.version, (Version{1, 1}));
  EXPECT_FALSE(s.try_validation_abort({1, 0}));  // stale incarnation
  // Validation index is past 1, so finishing returns the validation task at once.
  auto v = s.finish_execution(re.version, false);
  ASSERT_EQ(v.kind, Kind::kValidate);
  EXPECT_EQ(v.version, (Version{1, 1}));
  EXPECT_EQ(s.finish_validation(1, false).kind, Kind::kNone);
  EXPECT_EQ(s.next_task().kind, Kind::kNone);
  EXPECT_TRUE(s.done());
}

TEST(Scheduler, WritingANewLocationRevalidatesFromThatTransaction) {
  Scheduler s;
  s.reset(2);
  auto a = s.next_task();
  auto b = next_real(s);  // moves the validation index past 0 (executing: skipped)
  ASSERT_EQ(b.version.tx, 1u);
  EXPECT_EQ(s.finish_execution(b.version, true).kind, Kind::kNone);
  auto vb = s.next_task();  // validates 1 and moves the validation index to 2
  ASSERT_EQ(vb.kind, Kind::kValidate);
  EXPECT_EQ(s.finish_validation(1, false).kind, Kind::kNone);
  // tx 0 finishes after the validation index moved past it and wrote a new location: no
  // immediate validation task; the index is lowered back to 0 instead.
  EXPECT_EQ(s.finish_execution(a.version, true).kind, Kind::kNone);
  auto t = s.next_task();
  ASSERT_EQ(t.kind, Kind::kValidate);
  EXPECT_EQ(t.version.tx, 0u);
}

TEST(Scheduler, RetryExecutionBumpsIncarnation) {
  Scheduler s;
  s.reset(1);
  auto t = s.next_task();
  Version v = s.retry_execution(t.version);
  EXPECT_EQ(v, (Version{0, 1}));
  EXPECT_EQ(s.status(0), TxStatus::kExecuting);
  s.finish_execution(v, true);
  auto val = s.next_task();
  ASSERT_EQ(val.kind, Kind::kValidate);
  EXPECT_EQ(val.version, v);
}

TEST(Scheduler, ResetReusesForABiggerBlock) {
  Scheduler s;
  s.reset(2);
  s.next_task();
  s.reset(4);
  EXPECT_FALSE(s.done());
  for (TxIndex i = 0; i < 4; ++i) {
    EXPECT_EQ(s.status(i), TxStatus::kReadyToExecute);
    EXPECT_EQ(s.incarnation(i), 0u);
  }
}

}  // namespace
}  // namespace paraevm::parallel

namespace paraevm::parallel {
namespace {

// Batched task taking (large blocks take several indices at once): still each transaction runs
// and is validated exactly once in a conflict-free block, an abort re-executes it, and done()
// comes only when every batch index has been tried.
TEST(Scheduler, BatchesHandOutEveryIndexOnce) {
  Scheduler s;
  const size_t n = 4096;
  s.reset(n);
  Scheduler::Batch batch;
  std::vector<int> executed(n, 0), validated(n, 0);
  bool aborted_once = false;
  for (size_t guard = 0; guard < 100 * n && !s.done(); ++guard) {
    Scheduler::Task t = s.next_task(batch);
    while (t.kind != Kind::kNone) {
      if (t.kind == Kind::kExecute) {
        ++executed[t.version.tx];
        t = s.finish_execution(t.version, true);
      } else {
        ++validated[t.version.tx];
        // Abort transaction 100 once: it must be executed again and revalidated.
        const bool abort = t.version.tx == 100 && !aborted_once && s.try_validation_abort(t.version);
        aborted_once = aborted_once || abort;
        t = s.finish_validation(t.version.tx, abort);
      }
    }
  }
  EXPECT_TRUE(s.done());
  EXPECT_TRUE(aborted_once);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(executed[i], i == 100 ? 2 : 1) << i;
    EXPECT_GE(validated[i], 1) << i;
    EXPECT_EQ(s.status(static_cast<TxIndex>(i)), TxStatus::kExecuted) << i;
  }
}

}  // namespace
}  // namespace paraevm::parallel
