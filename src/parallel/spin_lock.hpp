// A test-and-test-and-set spin lock for critical sections of a few dozen instructions (one
// location's version list, one transaction's status). Measured on the 1-gigagas transfer block:
// std::mutex and std::shared_mutex there put workers to sleep in futex waits under contention,
// which cost more than the work they protect. After a bounded spin it yields, so a holder that
// was preempted on an oversubscribed machine gets its core back.
#pragma once

#include <atomic>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace paraevm::parallel {

/// Tells the core that this thread spins (on x86 PAUSE: the sibling hyper-thread runs, and the
/// loop's exit does not flush the pipeline).
inline void cpu_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

/// A wait that spins a while, then yields its core: for more workers than cores (a sanitizer
/// build, a busy machine) a spinner would keep the thread it waits for off the CPU.
class SpinWait {
 public:
  void pause() noexcept {
    if (++spins_ < kSpins) {
      cpu_pause();
    } else {
      std::this_thread::yield();
    }
  }
  void reset() noexcept { spins_ = 0; }

 private:
  static constexpr unsigned kSpins = 4096;
  unsigned spins_ = 0;
};

class SpinLock {
 public:
  void lock() noexcept {
    for (unsigned spins = 0;; ++spins) {
      // acquire: the holder's writes inside the critical section happen before ours.
      if (!locked_.exchange(true, std::memory_order_acquire)) return;
      while (locked_.load(std::memory_order_relaxed)) {
        if (++spins > 256) {
          std::this_thread::yield();
        } else {
          cpu_pause();
        }
      }
    }
  }
  bool try_lock() noexcept {
    return !locked_.load(std::memory_order_relaxed) &&
           !locked_.exchange(true, std::memory_order_acquire);
  }
  // release: publishes the critical section's writes to the next holder.
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

}  // namespace paraevm::parallel
