#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <stdexcept>
#include <vector>

#include "parallel/thread_pool.hpp"

namespace paraevm::parallel {
namespace {

TEST(ThreadPool, RunsEveryWorkerOncePerRun) {
  ThreadPool pool(4);
  ASSERT_EQ(pool.size(), 4u);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::atomic<int>> hits(4);
    pool.run([&](unsigned w) { hits[w].fetch_add(1); });
    for (auto& h : hits) ASSERT_EQ(h.load(), 1);
  }
}

TEST(ThreadPool, ZeroThreadsMeansTheCaller) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), 1u);
  int calls = 0;
  pool.run([&](unsigned w) {
    EXPECT_EQ(w, 0u);
    ++calls;
  });
  EXPECT_EQ(calls, 1);
}

TEST(ThreadPool, RethrowsAWorkersExceptionAndStaysUsable) {
  ThreadPool pool(3);
  EXPECT_THROW(pool.run([](unsigned w) {
    if (w == 2) throw std::runtime_error("worker 2");
  }),
               std::runtime_error);
  EXPECT_THROW(pool.run([](unsigned w) {
    if (w == 0) throw std::logic_error("caller");
  }),
               std::logic_error);
  std::atomic<int> sum{0};
  pool.run([&](unsigned w) { sum.fetch_add(static_cast<int>(w)); });
  EXPECT_EQ(sum.load(), 0 + 1 + 2);
}

// Helpers spin for a while after a job, then sleep: runs back to back (helpers still spinning)
// and runs after a pause (helpers asleep) both reach every worker, and what a helper wrote in
// its job (plain memory) is visible to the caller afterwards.
TEST(ThreadPool, WakesSpinningAndSleepingHelpers) {
  ThreadPool pool(3);
  std::vector<uint64_t> written(3, 0);
  for (int round = 1; round <= 60; ++round) {
    if (round % 20 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    pool.run([&](unsigned w) { written[w] = static_cast<uint64_t>(round) * 10 + w; });
    for (unsigned w = 0; w < 3; ++w) ASSERT_EQ(written[w], static_cast<uint64_t>(round) * 10 + w);
  }
}

// Pinned workers (one CPU each, modulo the CPUs allowed) run jobs like unpinned ones.
TEST(ThreadPool, PinnedWorkersRunEveryJob) {
  ThreadPool pool(3, /*pin=*/true);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::atomic<int>> hits(3);
    pool.run([&](unsigned w) { hits[w].fetch_add(1); });
    for (auto& h : hits) ASSERT_EQ(h.load(), 1);
  }
}

int cpus_of_this_thread() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (pthread_getaffinity_np(pthread_self(), sizeof(set), &set) != 0) return -1;
  return CPU_COUNT(&set);
}

// A pinned pool binds its caller to one CPU while it lives: a pool made after it must still
// spread its workers over every CPU (a second pool once put all of them on CPU 0), and the
// caller gets its CPUs back when the pool goes.
TEST(ThreadPool, SuccessivePinnedPoolsUseEveryCpu) {
  const int cpus = cpus_of_this_thread();
  if (cpus < 2) GTEST_SKIP() << "needs 2 CPUs, this thread may use " << cpus;
  for (int pool_number = 0; pool_number < 3; ++pool_number) {
    ThreadPool pool(2, /*pin=*/true);
    std::vector<int> cpu(2, -1);
    pool.run([&](unsigned w) { cpu[w] = sched_getcpu(); });
    EXPECT_NE(cpu[0], cpu[1]) << "pool " << pool_number;
  }
  EXPECT_EQ(cpus_of_this_thread(), cpus);
}

}  // namespace
}  // namespace paraevm::parallel
