// The collaborative scheduler of Block-STM: two shared indices hand out execution and validation
// tasks in block order, so that every worker picks the lowest-indexed work available and a
// transaction is validated only after every lower one has been (re-)executed.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "parallel/spin_lock.hpp"
#include "parallel/types.hpp"

namespace paraevm::parallel {

/// Life of one transaction in a block. An incarnation number counts re-executions.
///
///                     try_incarnate
///   READY_TO_EXECUTE(i) ----------------> EXECUTING(i) ----retry_execution----> EXECUTING(i+1)
///        ^                                  |        |      (a failed attempt)
///        |                   add_dependency |        | finish_execution
///        |                                  v        v
///        +--- resume / finish_validation -- ABORTING(i) <--- EXECUTED(i)
///             (set_ready_status: i+1)           try_validation_abort
///
/// ABORTING(i) means: incarnation i will never be EXECUTED; either it waits for a blocking
/// transaction (add_dependency) or its writes became ESTIMATEs after a failed validation.
enum class TxStatus : uint8_t { kReadyToExecute, kExecuting, kExecuted, kAborting };

class Scheduler {
 public:
  enum class TaskKind : uint8_t { kNone, kExecute, kValidate };
  struct Task {
    TaskKind kind = TaskKind::kNone;
    Version version{};
  };

  Scheduler() = default;
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  /// Prepares a block of `block_size` transactions (all READY_TO_EXECUTE(0)). Reuses memory.
  void reset(size_t block_size);

  /// The next task for an idle worker, or kNone (then check done() and ask again).
  Task next_task();

  /// Indices a worker took from one of the shared indices in one atomic step and has not
  /// tried yet. Taking a few at a time divides the traffic on the shared indices (measured:
  /// the indices' cache line bouncing between cores was most of the engine's cost per
  /// transaction on 2 threads); each index is then tried exactly as a single one would be.
  struct Batch {
    TaskKind kind = TaskKind::kNone;
    size_t next = 0;
    size_t end = 0;
  };
  /// next_task() for a worker that keeps `batch` between calls (empty at the start of a block).
  Task next_task(Batch& batch);

  /// True once every transaction is executed and validated and no task is in flight.
  bool done() const { return done_.load(std::memory_order_acquire); }

  /// Stops handing out tasks; done() is not set. Used to leave the parallel phase early.
  void halt() { halted_.store(true, std::memory_order_release); }
  bool halted() const { return halted_.load(std::memory_order_acquire); }

  /// Transaction `tx` (EXECUTING) read an ESTIMATE of `blocking` (< tx). Returns true when `tx`
  /// is now suspended (ABORTING) until `blocking` finishes executing: the caller drops the
  /// incarnation and its task. Returns false when `blocking` has already been re-executed: the
  /// caller reads again.
  bool add_dependency(TxIndex tx, TxIndex blocking);

  /// Marks `version` EXECUTED, resumes the transactions waiting for it, and returns its
  /// validation task when it can be run at once.
  Task finish_execution(Version version, bool wrote_new_location);

  /// A failed attempt of `version` (an exception in the task): the same worker goes on with
  /// the next incarnation. Returns that version (still EXECUTING).
  Version retry_execution(Version version);

  /// Claims the right to abort `version` after its validation failed. Only one validator wins.
  bool try_validation_abort(Version version);

  /// Ends a validation task; after an abort, returns the re-execution task when possible.
  Task finish_validation(TxIndex tx, bool aborted);

  /// Status and incarnation of `tx`. Exact only while no worker runs (after a block).
  TxStatus status(TxIndex tx) const;
  Incarnation incarnation(TxIndex tx) const;

  size_t block_size() const { return size_; }

 private:
  struct alignas(64) TxState {
    mutable SpinLock mu;  // guards the three fields below
    Incarnation incarnation = 0;
    TxStatus status = TxStatus::kReadyToExecute;
    std::vector<TxIndex> dependents;  // suspended on this transaction
  };

  bool try_incarnate(TxIndex tx, Version& out);
  Task next_version_to_execute();
  Task next_version_to_validate();
  /// The task for index `idx` taken from the execution (validation) index, already counted
  /// active; kNone (and no longer active) when there is nothing to do there.
  Task claim_execution(size_t idx);
  Task claim_validation(size_t idx);
  size_t batch_size() const { return batch_; }
  void set_ready_status(TxIndex tx);
  void resume_dependencies(const std::vector<TxIndex>& dependents);
  void decrease_execution_idx(size_t target);
  void decrease_validation_idx(size_t target);
  void check_done();

  std::unique_ptr<TxState[]> txs_;
  size_t capacity_ = 0;
  size_t size_ = 0;

  // Memory orders: the indices, decrease_cnt_ and num_active_tasks_ use seq_cst. check_done()
  // concludes termination from loads of four different atomics; that argument needs them to be
  // part of one total order with the stores that could invalidate it (a decrease of an index is
  // always followed by an increment of decrease_cnt_, and a task is counted active before it
  // takes an index), which only seq_cst provides. Per-transaction state is under TxState::mu.
  // Each on its own cache line: workers hit the two indices and the active count from every
  // core, and a shared line made each such access contend with the others too.
  alignas(64) std::atomic<size_t> execution_idx_{0};
  alignas(64) std::atomic<size_t> validation_idx_{0};
  alignas(64) std::atomic<uint64_t> decrease_cnt_{0};
  alignas(64) std::atomic<int64_t> num_active_tasks_{0};
  // done_ and halted_ are one-way flags: release on set, acquire on read, so a worker that sees
  // done() also sees every write of the tasks that completed before it was set.
  alignas(64) std::atomic<bool> done_{false};
  std::atomic<bool> halted_{false};
  size_t batch_ = 1;  // indices taken at a time, by block size
};

}  // namespace paraevm::parallel
