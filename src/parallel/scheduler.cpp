#include "parallel/scheduler.hpp"

#include <algorithm>
#include <cassert>

namespace paraevm::parallel {

void Scheduler::reset(size_t block_size) {
  if (block_size > capacity_) {
    txs_ = std::make_unique<TxState[]>(block_size);
    capacity_ = block_size;
  }
  for (size_t i = 0; i < block_size; ++i) {
    txs_[i].incarnation = 0;
    txs_[i].status = TxStatus::kReadyToExecute;
    txs_[i].dependents.clear();
  }
  size_ = block_size;
  // Small blocks take one index at a time: there a held batch delays work another core could
  // do, and conflicts are likelier.
  batch_ = block_size >= 2048 ? 4 : block_size >= 512 ? 2 : 1;
  execution_idx_.store(0);
  validation_idx_.store(0);
  decrease_cnt_.store(0);
  num_active_tasks_.store(0);
  halted_.store(false);
  done_.store(block_size == 0);
}

void Scheduler::decrease_execution_idx(size_t target) {
  size_t cur = execution_idx_.load();
  while (cur > target && !execution_idx_.compare_exchange_weak(cur, target)) {
  }
  decrease_cnt_.fetch_add(1);
}

void Scheduler::decrease_validation_idx(size_t target) {
  size_t cur = validation_idx_.load();
  while (cur > target && !validation_idx_.compare_exchange_weak(cur, target)) {
  }
  decrease_cnt_.fetch_add(1);
}

void Scheduler::check_done() {
  // Order matters: read the counter first, so that a decrease that races with the index loads
  // below is caught by the second counter load.
  const uint64_t observed = decrease_cnt_.load();
  if (std::min(execution_idx_.load(), validation_idx_.load()) >= size_ &&
      num_active_tasks_.load() == 0 && observed == decrease_cnt_.load()) {
    done_.store(true, std::memory_order_release);
  }
}

bool Scheduler::try_incarnate(TxIndex tx, Version& out) {
  if (tx >= size_) return false;
  TxState& s = txs_[tx];
  std::lock_guard lock(s.mu);
  if (s.status != TxStatus::kReadyToExecute) return false;
  s.status = TxStatus::kExecuting;
  out = {tx, s.incarnation};
  return true;
}

Scheduler::Task Scheduler::claim_execution(size_t idx) {
  Version v;
  if (idx < size_ && try_incarnate(static_cast<TxIndex>(idx), v)) return {TaskKind::kExecute, v};
  num_active_tasks_.fetch_sub(1);
  return {};
}

Scheduler::Task Scheduler::claim_validation(size_t idx) {
  if (idx < size_) {
    TxState& s = txs_[idx];
    std::lock_guard lock(s.mu);
    if (s.status == TxStatus::kExecuted)
      return {TaskKind::kValidate, {static_cast<TxIndex>(idx), s.incarnation}};
  }
  num_active_tasks_.fetch_sub(1);
  return {};
}

Scheduler::Task Scheduler::next_version_to_execute() {
  if (execution_idx_.load() >= size_) {
    check_done();
    return {};
  }
  num_active_tasks_.fetch_add(1);
  return claim_execution(execution_idx_.fetch_add(1));
}

Scheduler::Task Scheduler::next_version_to_validate() {
  if (validation_idx_.load() >= size_) {
    check_done();
    return {};
  }
  num_active_tasks_.fetch_add(1);
  return claim_validation(validation_idx_.fetch_add(1));
}

Scheduler::Task Scheduler::next_task() {
  if (validation_idx_.load() < execution_idx_.load()) return next_version_to_validate();
  return next_version_to_execute();
}

Scheduler::Task Scheduler::next_task(Batch& batch) {
  for (;;) {
    while (batch.next < batch.end) {
      const size_t idx = batch.next++;
      Task t = batch.kind == TaskKind::kExecute ? claim_execution(idx) : claim_validation(idx);
      if (t.kind != TaskKind::kNone) return t;
    }
    if (batch_ == 1) return next_task();
    // As next_task(), with batch_ indices: all are counted active before any is taken (the
    // argument of check_done()), and each one not tried yet stays active until it is.
    const bool validate = validation_idx_.load() < execution_idx_.load();
    std::atomic<size_t>& index = validate ? validation_idx_ : execution_idx_;
    if (index.load() >= size_) {
      check_done();
      return {};
    }
    num_active_tasks_.fetch_add(static_cast<int64_t>(batch_));
    const size_t first = index.fetch_add(batch_);
    batch = {validate ? TaskKind::kValidate : TaskKind::kExecute, first, first + batch_};
  }
}

bool Scheduler::add_dependency(TxIndex tx, TxIndex blocking) {
  assert(blocking < tx);
  {
    // Lock order: the lower transaction first (the only place two TxState locks nest).
    TxState& b = txs_[blocking];
    std::lock_guard lock(b.mu);
    if (b.status == TxStatus::kExecuted) return false;
    {
      TxState& s = txs_[tx];
      std::lock_guard lock_tx(s.mu);
      assert(s.status == TxStatus::kExecuting);
      s.status = TxStatus::kAborting;
    }
    // finish_execution(blocking) sets EXECUTED and takes the dependents under b.mu, so this
    // insertion cannot be missed: no lost wake-up.
    b.dependents.push_back(tx);
  }
  num_active_tasks_.fetch_sub(1);
  return true;
}

void Scheduler::set_ready_status(TxIndex tx) {
  TxState& s = txs_[tx];
  std::lock_guard lock(s.mu);
  assert(s.status == TxStatus::kAborting);
  ++s.incarnation;
  s.status = TxStatus::kReadyToExecute;
}

void Scheduler::resume_dependencies(const std::vector<TxIndex>& dependents) {
  if (dependents.empty()) return;
  for (TxIndex d : dependents) set_ready_status(d);
  decrease_execution_idx(*std::min_element(dependents.begin(), dependents.end()));
}

Scheduler::Task Scheduler::finish_execution(Version version, bool wrote_new_location) {
  std::vector<TxIndex> dependents;
  {
    TxState& s = txs_[version.tx];
    std::lock_guard lock(s.mu);
    assert(s.status == TxStatus::kExecuting && s.incarnation == version.incarnation);
    s.status = TxStatus::kExecuted;
    dependents.swap(s.dependents);
  }
  resume_dependencies(dependents);
  if (validation_idx_.load() > version.tx) {
    // Lower transactions are already being validated: validate this one now. If it wrote a
    // location its previous incarnation did not, higher transactions that read past it must
    // revalidate too.
    if (!wrote_new_location) return {TaskKind::kValidate, version};
    decrease_validation_idx(version.tx);
  }
  num_active_tasks_.fetch_sub(1);
  return {};
}

Version Scheduler::retry_execution(Version version) {
  TxState& s = txs_[version.tx];
  std::lock_guard lock(s.mu);
  assert(s.status == TxStatus::kExecuting && s.incarnation == version.incarnation);
  ++s.incarnation;
  return {version.tx, s.incarnation};
}

bool Scheduler::try_validation_abort(Version version) {
  TxState& s = txs_[version.tx];
  std::lock_guard lock(s.mu);
  if (s.status != TxStatus::kExecuted || s.incarnation != version.incarnation) return false;
  s.status = TxStatus::kAborting;
  return true;
}

Scheduler::Task Scheduler::finish_validation(TxIndex tx, bool aborted) {
  if (aborted) {
    set_ready_status(tx);
    decrease_validation_idx(tx + 1);
    Version v;
    if (execution_idx_.load() > tx && try_incarnate(tx, v)) return {TaskKind::kExecute, v};
  }
  num_active_tasks_.fetch_sub(1);
  return {};
}

TxStatus Scheduler::status(TxIndex tx) const {
  std::lock_guard lock(txs_[tx].mu);
  return txs_[tx].status;
}

Incarnation Scheduler::incarnation(TxIndex tx) const {
  std::lock_guard lock(txs_[tx].mu);
  return txs_[tx].incarnation;
}

}  // namespace paraevm::parallel
