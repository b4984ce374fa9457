#include "parallel/thread_pool.hpp"

#include <chrono>

#include <pthread.h>
#include <sched.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace paraevm::parallel {
namespace {

void cpu_pause() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

/// Spins until pred() holds or `budget` has passed; returns pred()'s last value.
template <class Pred>
bool spin_until(Pred&& pred, std::chrono::microseconds budget) {
  const auto deadline = std::chrono::steady_clock::now() + budget;
  for (unsigned i = 1;; ++i) {
    if (pred()) return true;
    cpu_pause();
    if (i % 64 == 0 && std::chrono::steady_clock::now() >= deadline) return pred();
  }
}

}  // namespace

void ThreadPool::pin_to(unsigned worker) const {
  if (allowed_.empty()) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(allowed_[worker % allowed_.size()], &set);
  pthread_setaffinity_np(pthread_self(), sizeof(set), &set);  // best effort: ignore failure
}

/// The CPUs the process may run on, as the first pinning pool found them. Read once: a pool
/// binds its caller, so a later pool asking the calling thread would see one CPU only (every
/// worker of a second pinned pool on CPU 0 made the engine slower than in-order execution).
namespace {
const std::vector<int>& process_cpus() {
  static const std::vector<int> cpus = [] {
    std::vector<int> out;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0)
      for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &set)) out.push_back(cpu);
    return out;
  }();
  return cpus;
}
}  // namespace

ThreadPool::ThreadPool(unsigned threads, bool pin) : pin_(pin) {
  if (pin_) allowed_ = process_cpus();
  const unsigned n = threads == 0 ? 1 : threads;
  helpers_.reserve(n - 1);
  for (unsigned w = 1; w < n; ++w) helpers_.emplace_back([this, w] { helper_loop(w); });
}

ThreadPool::~ThreadPool() {
  // The caller gets its own CPUs back (the pool is destroyed on the thread that ran it).
  if (caller_pinned_) pthread_setaffinity_np(pthread_self(), sizeof(caller_mask_), &caller_mask_);
  {
    std::lock_guard lock(mu_);
    stop_.store(true, std::memory_order_release);
  }
  start_cv_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

void ThreadPool::helper_loop(unsigned worker) {
  pin_to(worker);
  uint64_t seen = 0;
  for (;;) {
    auto woken = [&] {
      return stop_.load(std::memory_order_acquire) ||
             generation_.load(std::memory_order_acquire) != seen;
    };
    if (!spin_until(woken, kSpin)) {
      std::unique_lock lock(mu_);
      start_cv_.wait(lock, woken);
    }
    if (stop_.load(std::memory_order_acquire)) return;
    // acquire (in woken): job_ was written before the generation was bumped.
    seen = generation_.load(std::memory_order_acquire);
    started_.fetch_add(1, std::memory_order_relaxed);
    const std::function<void(unsigned)>* job = job_;
    std::exception_ptr error;
    try {
      (*job)(worker);
    } catch (...) {
      error = std::current_exception();
    }
    if (error) {
      std::lock_guard lock(mu_);
      if (!error_) error_ = error;
    }
    // acq_rel: the job's writes (and error_) happen before the caller sees pending_ reach 0.
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      std::lock_guard lock(mu_);  // the caller may be between its check and its wait
      done_cv_.notify_one();
    }
  }
}

void ThreadPool::run(const std::function<void(unsigned)>& job) {
  if (pin_ && !caller_pinned_) {
    caller_pinned_ = pthread_getaffinity_np(pthread_self(), sizeof(caller_mask_), &caller_mask_) == 0;
    pin_to(0);
  }
  job_ = &job;
  error_ = nullptr;
  pending_.store(static_cast<unsigned>(helpers_.size()), std::memory_order_relaxed);
  started_.store(0, std::memory_order_relaxed);
  {
    // Under the mutex, so that a helper between its wait predicate and its sleep cannot miss
    // the bump; release: publishes job_ and pending_ to helpers that spin.
    std::lock_guard lock(mu_);
    generation_.fetch_add(1, std::memory_order_release);
  }
  start_cv_.notify_all();
  std::exception_ptr error;
  try {
    job(0);
  } catch (...) {
    error = std::current_exception();
  }
  auto all_done = [&] { return pending_.load(std::memory_order_acquire) == 0; };
  // Spin only while every helper is running: one still waking up may have been queued on this
  // very core (Linux often wakes a thread where its waker runs), and spinning would keep it off.
  const auto helpers = static_cast<unsigned>(helpers_.size());
  auto done_or_lagging = [&] {
    return all_done() || started_.load(std::memory_order_relaxed) < helpers;
  };
  if (!spin_until(done_or_lagging, kSpin) || !all_done()) {
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, all_done);
  }
  std::lock_guard lock(mu_);
  if (!error) error = error_;
  job_ = nullptr;
  if (error) std::rethrow_exception(error);
}

}  // namespace paraevm::parallel
