// A fixed set of worker threads kept across blocks: starting threads per block would cost more
// than executing a small block.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace paraevm::parallel {

class ThreadPool {
 public:
  /// `threads` workers in all, the calling thread of run() being worker 0 (so threads - 1 are
  /// started). `threads` == 0 is treated as 1.
  explicit ThreadPool(unsigned threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(helpers_.size()) + 1; }

  /// Runs job(worker) once on every worker, worker 0 on the calling thread, and returns when all
  /// have returned. The first exception thrown by any of them is rethrown here. Not reentrant:
  /// one run() at a time.
  void run(const std::function<void(unsigned)>& job);

 private:
  void helper_loop(unsigned worker);

  std::mutex mu_;  // guards everything below
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  const std::function<void(unsigned)>* job_ = nullptr;
  uint64_t generation_ = 0;
  unsigned pending_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> helpers_;
};

}  // namespace paraevm::parallel
