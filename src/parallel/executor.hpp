// The parallel executor: Block-STM over a generic task. Workers of a persistent thread pool take
// execution and validation tasks from the Scheduler; executions read through multi-version
// memory and record their write sets there; a failed validation turns the incarnation's writes
// into ESTIMATEs and re-executes it. The result equals executing the block in order.
//
// Fault tolerance: an exception thrown by a task (or injected by a FaultInjector) aborts that
// incarnation and the same worker re-executes it. An attempt whose reads were still valid when
// it failed counts towards options.max_attempts; past it (or past kMaxFailures attempts in all),
// the parallel phase halts and the block is completed in order on the calling thread: every
// transaction that is EXECUTED with a still-valid read set is kept, every other one re-executed.
// A transaction that fails max_attempts times in a row there fails the block, which is what
// in-order execution would report. Any other exception inside a worker also halts and falls back.
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parallel/incarnation_view.hpp"
#include "parallel/mv_memory.hpp"
#include "parallel/scheduler.hpp"
#include "parallel/speedup_model.hpp"
#include "parallel/thread_pool.hpp"
#include "parallel/types.hpp"

namespace paraevm::parallel {

/// What one incarnation produces: its writes and a task-defined output (a receipt, say).
template <LocationTraits T, class Output>
struct ExecResult {
  WriteSet<T> writes;
  Output output{};
};

/// The work the executor is generic over.
template <LocationTraits T, class Output>
class Task {
 public:
  virtual ~Task() = default;
  /// Executes transaction `tx`, reading through `view`, into `result` (given empty). Called
  /// concurrently for different transactions and possibly several times for one; the writes
  /// must depend only on `tx` and the values read. ReadDependency must propagate.
  virtual void execute(TxIndex tx, IncarnationView<T>& view, ExecResult<T, Output>& result) = 0;
  /// A location that nearly every transaction writes (the EVM's coinbase), to be kept as one
  /// slot per transaction (DenseLocation); null for none.
  virtual const typename T::Key* dense_location() const { return nullptr; }
  /// A lower transaction that `tx` is certain to depend on (the EVM: its sender's previous
  /// transaction, whose nonce it reads), or kNoTx. Until that one has executed, the engine
  /// waits for it rather than run `tx` on what would be stale reads: on mainnet blocks most
  /// re-executions were of such transactions. A hint only: any answer gives the same result.
  virtual TxIndex predicted_dependency(TxIndex /*tx*/) const { return kNoTx; }
};

struct ExecutorOptions {
  unsigned threads = 1;             ///< workers, the calling thread included
  size_t sequential_below = 8;      ///< blocks with fewer transactions run in order
  unsigned max_attempts = 3;        ///< failed attempts with valid reads before falling back
  bool profile = false;             ///< time executions and keep data for dependency_graph()
  /// Bind each worker to its own CPU (ThreadPool): for machines dedicated to execution; the
  /// calling thread is bound too, on its first block.
  bool pin_threads = false;
  /// Once validation aborts exceed this share of the block's transactions (and 32), the
  /// parallel phase stops and the block is completed in order, keeping every transaction whose
  /// reads are still valid: a block that conflicts far more than predicted costs little more
  /// than in-order execution. 0 turns it off.
  double max_abort_share = 0.5;
  FaultInjector* faults = nullptr;  ///< test hook

  /// Options that run every block through the engine, however it conflicts (checks and tests
  /// of the engine itself; with the EVM adapter, AutomaticMode::off() too).
  static ExecutorOptions every_block(unsigned threads) {
    ExecutorOptions o;
    o.threads = threads;
    o.sequential_below = 0;
    o.max_abort_share = 0;
    return o;
  }
};

/// Counters of the last block (sums over workers).
struct ExecutionStats {
  uint64_t executions = 0;   ///< incarnations started
  uint64_t validations = 0;  ///< validation tasks run
  uint64_t aborts = 0;       ///< incarnations aborted by validation
  uint64_t suspensions = 0;  ///< incarnations suspended on a dependency
  uint64_t failures = 0;     ///< incarnations that threw
  bool sequential = false;   ///< the block ran in order from the start
  bool transfer_block = false;  ///< EVM adapter: a block of plain transfers (transfer_block.hpp)
  bool optimistic = false;      ///< EVM adapter: the optimistic round (optimistic_block.hpp)
  /// EVM adapter: the automatic mode's probe predicted this speedup for the rest of the block
  /// (0 when no probe ran; below min_probe_speedup the rest ran in order).
  double probe_prediction = 0;
  bool fell_back = false;    ///< the parallel phase halted and the block was completed in order
};

/// Outcome of a block: ok, or the first transaction that failed in order and why.
struct BlockStatus {
  bool ok = true;
  TxIndex failed_tx = kNoTx;
  std::exception_ptr error;
};

template <LocationTraits T, class Output>
class Executor {
 public:
  using Key = typename T::Key;
  using Value = typename T::Value;

  explicit Executor(ExecutorOptions options)
      : options_(options), pool_(options.threads == 0 ? 1 : options.threads, options.pin_threads) {
    if (options_.max_attempts == 0)
      throw std::invalid_argument("parallel executor: max_attempts must be at least 1");
    workers_ = std::make_unique<Worker[]>(pool_.size());
  }

  /// Executes transactions 0..block_size-1 of `task` over `base`. Results stay readable until
  /// the next call. Not reentrant.
  [[nodiscard]] BlockStatus execute_block(size_t block_size, Task<T, Output>& task,
                                          BaseReader<T>& base) {
    if (block_size >= kNoTx)
      throw std::invalid_argument("parallel executor: block of " + std::to_string(block_size) +
                                  " transactions exceeds the transaction index range");
    prepare(block_size);
    if (const Key* dense = task.dense_location()) memory_.set_dense_location(*dense);
    task_ = &task;
    base_ = &base;
    if (block_size < options_.sequential_below || pool_.size() == 1) {
      stats_.sequential = true;
      return complete_in_order(0);
    }
    pool_.run([this](unsigned w) { worker_loop(w); });
    sum_worker_stats();
    if (!scheduler_.halted()) return {};
    stats_.fell_back = true;
    return complete_in_order(0);
  }

  /// Writes and output of the final incarnation of `tx` (after an ok block).
  const ExecResult<T, Output>& result(TxIndex tx) const { return slots_[tx].result; }
  /// The same, for moving the output out once the block is done (before the next block).
  ExecResult<T, Output>& result(TxIndex tx) { return slots_[tx].result; }

  /// The content of `key` after the whole block.
  Value final_value(const Key& key, BaseReader<T>& base) const {
    return value_before(key, size_, base);
  }

  /// The content of `key` as transaction `tx` reads it (after transactions < tx).
  Value value_before(const Key& key, TxIndex tx, BaseReader<T>& base) const {
    auto r = memory_.read(key, tx);
    if (r.status == MvMemory<T>::ReadResult::Status::kValue) return r.value;
    Value v = base.read_base(key);
    return r.origin.has_delta ? T::apply(v, r.origin.delta_sum) : v;
  }

  /// Calls fn(key) for every location written in the block.
  template <class Fn>
  void for_each_written_location(Fn&& fn) const {
    memory_.for_each_location(fn);
  }

  /// Execution time (with options.profile) and final-read dependencies of every transaction.
  DependencyGraph dependency_graph() const {
    DependencyGraph g;
    g.cost_ns.resize(size_);
    g.deps.resize(size_);
    for (size_t i = 0; i < size_; ++i) g.cost_ns[i] = slots_[i].exec_ns;
    for_each_dependency([&](TxIndex reader, TxIndex writer, const Key&) { g.deps[reader].push_back(writer); });
    for (std::vector<TxIndex>& deps : g.deps) {
      std::sort(deps.begin(), deps.end());
      deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    }
    return g;
  }

  /// Calls fn(reader, writer, key) for every dependency behind dependency_graph(): `writer`
  /// (< reader) wrote part of what the final incarnation of `reader` read at `key` (a repeated
  /// read repeats its calls). After a block, single-threaded.
  template <class Fn>
  void for_each_dependency(Fn&& fn) const {
    std::vector<TxIndex> sources;
    for (size_t i = 0; i < size_; ++i) {
      const auto& reads = slots_[i].reads;
      if (!reads || reads->incarnation == kNoIncarnation) continue;
      for (const ReadRecord<T>& r : reads->reads) {
        sources.clear();
        memory_.collect_sources(r.key, static_cast<TxIndex>(i), sources, r.skip_deltas);
        for (TxIndex writer : sources) fn(static_cast<TxIndex>(i), writer, r.key);
      }
    }
  }

  const ExecutionStats& stats() const { return stats_; }
  unsigned threads() const { return pool_.size(); }

  /// Runs job(worker, workers) on every worker of the pool (the caller being worker 0) and
  /// returns when all are done; rethrows the first exception. For the task's own parallel work
  /// between blocks (the EVM adapter's commit). Not while execute_block() runs.
  void run_on_workers(const std::function<void(unsigned, unsigned)>& job) {
    const unsigned workers = pool_.size();
    pool_.run([&](unsigned w) { job(w, workers); });
  }

 private:
  /// Failed attempts of one transaction, whatever their reads, before falling back.
  static constexpr uint32_t kMaxFailures = 64;
  /// Validation aborts a block may always have before max_abort_share applies.
  static constexpr uint64_t kMinAbortBudget = 32;
  static constexpr Incarnation kNoIncarnation = std::numeric_limits<Incarnation>::max();

  struct ReadSet {
    Incarnation incarnation = 0;
    std::vector<ReadRecord<T>> reads;
    // Validators reading `reads` now. Incremented under TxSlot::reads_mu (so a worker that has
    // swapped the set out of its slot sees every increment), decremented with release when a
    // validation ends; a zero read with acquire means the buffer may be reused.
    std::atomic<uint32_t> validators{0};
  };
  // Cache-line aligned: workers write neighbouring slots at once.
  struct alignas(64) TxSlot {
    ExecResult<T, Output> result;  // owned by the worker holding the tx EXECUTING
    uint64_t exec_ns = 0;
    uint32_t failures = 0;        // same owner
    uint32_t valid_failures = 0;  // same owner
    std::exception_ptr last_error;
    // Validators read the published read set concurrently with a re-execution that replaces
    // it, so it is swapped (not written in place) under this lock.
    SpinLock reads_mu;
    std::shared_ptr<ReadSet> reads;
  };
  struct alignas(64) Worker {
    ExecutionStats stats;
    // The task writes here, not into the TxSlot: a suspended incarnation may still be running
    // (in a task that ignores ReadDependency) when another worker re-executes the transaction.
    ExecResult<T, Output> scratch;
    std::shared_ptr<ReadSet> spare;  // recycled read-set buffer

    std::shared_ptr<ReadSet> take() {
      if (spare) return std::move(spare);
      return std::make_shared<ReadSet>();
    }
    void give_back(std::shared_ptr<ReadSet> rs) {
      // Reuse only when no validator is still reading it (see ReadSet::validators). Validators
      // that are done may still hold a copy of the pointer; that touches only the control block.
      if (rs && rs->validators.load(std::memory_order_acquire) == 0) spare = std::move(rs);
    }
  };

  void prepare(size_t block_size) {
    if (block_size > slot_capacity_) {
      slots_ = std::make_unique<TxSlot[]>(block_size);
      slot_capacity_ = block_size;
    }
    for (size_t i = 0; i < block_size; ++i) {
      TxSlot& s = slots_[i];
      s.result.writes.clear();
      s.exec_ns = 0;
      s.failures = s.valid_failures = 0;
      s.last_error = nullptr;
      // Keep the read-set buffer for reuse, marked as belonging to no incarnation.
      if (s.reads) s.reads->incarnation = kNoIncarnation;
    }
    for (unsigned w = 0; w < pool_.size(); ++w) workers_[w].stats = {};
    size_ = block_size;
    stats_ = {};
    aborts_.store(0, std::memory_order_relaxed);
    abort_budget_ = options_.max_abort_share > 0
                        ? std::max<uint64_t>(kMinAbortBudget, static_cast<uint64_t>(
                                                                  options_.max_abort_share * block_size))
                        : 0;
    memory_.reset(block_size);
    scheduler_.reset(block_size);
  }

  void sum_worker_stats() {
    for (unsigned w = 0; w < pool_.size(); ++w) {
      const ExecutionStats& s = workers_[w].stats;
      stats_.executions += s.executions;
      stats_.validations += s.validations;
      stats_.aborts += s.aborts;
      stats_.suspensions += s.suspensions;
      stats_.failures += s.failures;
    }
  }

  void worker_loop(unsigned w) {
    Scheduler::Task task;
    Scheduler::Batch batch;
    unsigned idle = 0;
    while (!scheduler_.done() && !scheduler_.halted()) {
      try {
        if (task.kind == Scheduler::TaskKind::kExecute) {
          task = try_execute(task.version, workers_[w], w);
        } else if (task.kind == Scheduler::TaskKind::kValidate) {
          task = needs_reexecution(task.version, workers_[w], w);
        }
        if (task.kind == Scheduler::TaskKind::kNone) {
          task = scheduler_.next_task(batch);
          idle = task.kind == Scheduler::TaskKind::kNone ? idle + 1 : 0;
          if (idle > 64) std::this_thread::yield();  // others may need this core
        }
      } catch (...) {
        // An engine-level failure (allocation, say): the in-order completion redoes the work.
        scheduler_.halt();
        return;
      }
    }
  }

  // Runs `v` (and, after failed attempts, its next incarnations). Returns the follow-up task.
  Scheduler::Task try_execute(Version v, Worker& worker, unsigned w) {
    TxSlot& slot = slots_[v.tx];
    // A certain dependency that has not executed yet: wait for it, as for an ESTIMATE.
    if (const TxIndex dep = task_->predicted_dependency(v.tx);
        dep != kNoTx && dep < v.tx && scheduler_.add_dependency(v.tx, dep)) {
      ++worker.stats.suspensions;
      return {};
    }
    for (;;) {
      ++worker.stats.executions;
      std::shared_ptr<ReadSet> rs = worker.take();
      rs->incarnation = v.incarnation;
      rs->reads.clear();
      IncarnationView<T> view(memory_, &scheduler_, *base_, v, rs->reads, options_.faults, w);
      const auto started = profile_clock();
      try {
        run_task(v, view, worker.scratch, w);
      } catch (const ReadDependency&) {
        ++worker.stats.suspensions;
        worker.give_back(std::move(rs));
        return {};
      } catch (...) {
        if (view.suspended()) return {};  // the task caught ReadDependency; drop it anyway
        ++worker.stats.failures;
        if (!note_failure(slot, v, rs->reads, std::current_exception())) {
          scheduler_.halt();
          return {};
        }
        worker.give_back(std::move(rs));
        v = scheduler_.retry_execution(v);
        continue;
      }
      if (view.suspended()) return {};
      slot.exec_ns = profile_clock() - started;
      std::swap(slot.result, worker.scratch);
      {
        std::lock_guard lock(slot.reads_mu);
        slot.reads.swap(rs);
      }
      worker.give_back(std::move(rs));
      const bool wrote_new = memory_.record(v, slot.result.writes);
      return scheduler_.finish_execution(v, wrote_new);
    }
  }

  void run_task(Version v, IncarnationView<T>& view, ExecResult<T, Output>& out, unsigned w) {
    out.writes.clear();
    out.output = Output{};
    if (options_.faults) options_.faults->maybe_fail(FaultPoint::kBeforeExecute, v, w);
    task_->execute(v.tx, view, out);
    if (options_.faults) options_.faults->maybe_fail(FaultPoint::kAfterExecute, v, w);
  }

  // Counts a failed attempt; false when the transaction has failed too often to keep trying in
  // parallel. Failures after reads that are already stale are likely caused by the stale values
  // and are not held against the transaction (up to kMaxFailures).
  bool note_failure(TxSlot& slot, Version v, const std::vector<ReadRecord<T>>& reads,
                    std::exception_ptr error) {
    slot.last_error = std::move(error);
    ++slot.failures;
    if (memory_.validate_read_set(v.tx, reads)) ++slot.valid_failures;
    return slot.valid_failures < options_.max_attempts && slot.failures < kMaxFailures;
  }

  Scheduler::Task needs_reexecution(Version v, Worker& worker, unsigned w) {
    ++worker.stats.validations;
    TxSlot& slot = slots_[v.tx];
    std::shared_ptr<ReadSet> rs;
    {
      std::lock_guard lock(slot.reads_mu);
      rs = slot.reads;
      if (rs) rs->validators.fetch_add(1, std::memory_order_relaxed);  // ordered by the mutex
    }
    bool valid = true;
    // A read set of another incarnation means `v` is stale: its validation is moot.
    if (rs && rs->incarnation == v.incarnation) {
      try {
        if (options_.faults) options_.faults->maybe_fail(FaultPoint::kValidate, v, w);
        valid = memory_.validate_read_set(v.tx, rs->reads);
      } catch (...) {
        valid = false;  // could not check: aborting is always safe
      }
    }
    if (rs) rs->validators.fetch_sub(1, std::memory_order_release);
    const bool aborted = !valid && scheduler_.try_validation_abort(v);
    if (aborted) {
      ++worker.stats.aborts;
      memory_.convert_writes_to_estimates(v.tx);
      // A block that conflicts far more than predicted: stop and complete it in order, keeping
      // every transaction whose reads are still valid (relaxed: a count, no data hangs on it).
      if (abort_budget_ != 0 && aborts_.fetch_add(1, std::memory_order_relaxed) + 1 > abort_budget_)
        scheduler_.halt();
    }
    return scheduler_.finish_validation(v.tx, aborted);
  }

  // Single-threaded completion from `first`: keeps each EXECUTED transaction whose reads are
  // still valid (all lower ones being final), re-executes the others in order.
  BlockStatus complete_in_order(size_t first) {
    for (size_t i = first; i < size_; ++i) {
      const auto tx = static_cast<TxIndex>(i);
      TxSlot& slot = slots_[i];
      if (!stats_.sequential && scheduler_.status(tx) == TxStatus::kExecuted && slot.reads &&
          slot.reads->incarnation == scheduler_.incarnation(tx) &&
          memory_.validate_read_set(tx, slot.reads->reads))
        continue;
      if (!execute_in_order(tx)) return {false, tx, slot.last_error};
    }
    return {};
  }

  bool execute_in_order(TxIndex tx) {
    TxSlot& slot = slots_[tx];
    // Fresh incarnation numbers, so that reads of an older incarnation no longer validate.
    Incarnation inc = scheduler_.incarnation(tx) + 1;
    for (unsigned attempt = 0; attempt < options_.max_attempts; ++attempt, ++inc) {
      const Version v{tx, inc};
      // No worker runs now (validators are done): the slot's buffer is free to reuse.
      std::shared_ptr<ReadSet> rs =
          slot.reads ? std::move(slot.reads) : std::make_shared<ReadSet>();
      rs->incarnation = inc;
      rs->reads.clear();
      IncarnationView<T> view(memory_, nullptr, *base_, v, rs->reads, options_.faults, 0);
      const auto started = profile_clock();
      ++stats_.executions;
      try {
        run_task(v, view, slot.result, 0);
      } catch (...) {
        ++stats_.failures;
        slot.last_error = std::current_exception();
        continue;
      }
      slot.exec_ns = profile_clock() - started;
      slot.reads = std::move(rs);
      memory_.record(v, slot.result.writes);
      return true;
    }
    return false;
  }

  uint64_t profile_clock() const {
    if (!options_.profile) return 0;
    return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::steady_clock::now().time_since_epoch())
                                     .count());
  }

  ExecutorOptions options_;
  ThreadPool pool_;
  std::unique_ptr<Worker[]> workers_;
  MvMemory<T> memory_;
  Scheduler scheduler_;
  std::unique_ptr<TxSlot[]> slots_;
  size_t slot_capacity_ = 0;
  size_t size_ = 0;
  Task<T, Output>* task_ = nullptr;
  BaseReader<T>* base_ = nullptr;
  ExecutionStats stats_;
  std::atomic<uint64_t> aborts_{0};  // validation aborts in this block, all workers
  uint64_t abort_budget_ = 0;        // 0: unlimited
};

}  // namespace paraevm::parallel
