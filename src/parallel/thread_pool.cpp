#include "parallel/thread_pool.hpp"

namespace paraevm::parallel {

ThreadPool::ThreadPool(unsigned threads) {
  const unsigned n = threads == 0 ? 1 : threads;
  helpers_.reserve(n - 1);
  for (unsigned w = 1; w < n; ++w) helpers_.emplace_back([this, w] { helper_loop(w); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  start_cv_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

void ThreadPool::helper_loop(unsigned worker) {
  uint64_t seen = 0;
  for (;;) {
    const std::function<void(unsigned)>* job = nullptr;
    {
      std::unique_lock lock(mu_);
      start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      job = job_;
    }
    std::exception_ptr error;
    try {
      (*job)(worker);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(mu_);
    if (error && !error_) error_ = error;
    if (--pending_ == 0) done_cv_.notify_one();
  }
}

void ThreadPool::run(const std::function<void(unsigned)>& job) {
  {
    std::lock_guard lock(mu_);
    job_ = &job;
    error_ = nullptr;
    pending_ = static_cast<unsigned>(helpers_.size());
    ++generation_;
  }
  start_cv_.notify_all();
  std::exception_ptr error;
  try {
    job(0);
  } catch (...) {
    error = std::current_exception();
  }
  std::unique_lock lock(mu_);
  done_cv_.wait(lock, [&] { return pending_ == 0; });
  if (!error) error = error_;
  job_ = nullptr;
  if (error) std::rethrow_exception(error);
}

}  // namespace paraevm::parallel
