// A fixed set of worker threads kept across blocks: starting threads per block would cost more
// than executing a small block. Between jobs a helper spins for a short while before it sleeps,
// and so does the caller waiting for the helpers: waking a sleeping thread took tens of
// microseconds, as long as a small mainnet block's whole execution, and a block runs two jobs
// back to back (execution, then the sharded commit).
#pragma once

#include <sched.h>

#include <atomic>
#include <chrono>
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
  /// started). `threads` == 0 is treated as 1. With `pin`, worker w is bound to CPU w modulo
  /// the CPUs this process may use (the caller when it first calls run()): two workers then
  /// never share a core while another is idle, which the kernel's placement allowed on a busy
  /// machine (measured: a mainnet block's two workers time-sliced on one core).
  explicit ThreadPool(unsigned threads, bool pin = false);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(helpers_.size()) + 1; }

  /// Runs job(worker) once on every worker, worker 0 on the calling thread, and returns when all
  /// have returned. The first exception thrown by any of them is rethrown here. Not reentrant:
  /// one run() at a time.
  void run(const std::function<void(unsigned)>& job);

 private:
  /// How long a helper (or the caller) spins before it sleeps on the condition variable.
  static constexpr std::chrono::microseconds kSpin{50};

  void helper_loop(unsigned worker);
  /// Binds the calling thread to the `worker`-th CPU of allowed_ (no-op without pinning).
  void pin_to(unsigned worker) const;

  std::mutex mu_;  // the condition variables' mutex; guards error_
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  // Written by run() before it bumps generation_ (release), read by helpers after they see the
  // bump (acquire).
  const std::function<void(unsigned)>* job_ = nullptr;
  std::atomic<uint64_t> generation_{0};  // bumped under mu_ once per run()
  std::atomic<unsigned> pending_{0};     // helpers still running the current job
  std::atomic<unsigned> started_{0};     // helpers that picked the current job up
  std::atomic<bool> stop_{false};
  std::exception_ptr error_;
  std::vector<std::thread> helpers_;
  bool pin_ = false;
  bool caller_pinned_ = false;    // run()'s thread, the first time
  cpu_set_t caller_mask_{};       // its CPUs before
  std::vector<int> allowed_;      // CPUs of the process's affinity mask, when pinning
};

}  // namespace paraevm::parallel
