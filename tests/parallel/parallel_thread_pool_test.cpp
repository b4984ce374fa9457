#include <gtest/gtest.h>

#include <atomic>
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

}  // namespace
}  // namespace paraevm::parallel
