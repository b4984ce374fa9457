// What a transaction sees while it executes: reads served by multi-version memory (falling back
// to the pre-block storage), recorded with their origin for later validation. A read that meets
// an ESTIMATE suspends the transaction until the blocking one has been re-executed.
#pragma once

#include <stdexcept>

#include "parallel/mv_memory.hpp"
#include "parallel/scheduler.hpp"
#include "parallel/types.hpp"

namespace paraevm::parallel {

/// The pre-block state. Called concurrently from every worker: must be thread-safe.
template <LocationTraits T>
class BaseReader {
 public:
  virtual ~BaseReader() = default;
  /// Content of `key` before the block (the Value model's "absent" when it never existed).
  virtual typename T::Value read_base(const typename T::Key& key) = 0;
};

/// Where a fault injector may make an incarnation fail (tests of fault tolerance).
enum class FaultPoint : uint8_t { kBeforeExecute, kRead, kAfterExecute, kValidate };

/// Test hook: maybe_fail() may throw to simulate a failure of a worker at `point`. Called
/// concurrently from every worker.
class FaultInjector {
 public:
  virtual ~FaultInjector() = default;
  virtual void maybe_fail(FaultPoint point, Version version, unsigned worker) = 0;
};

/// Thrown by IncarnationView::read() when the incarnation was suspended on a dependency. It does
/// not derive from std::exception; a task must let it propagate (and must not go on executing).
struct ReadDependency {
  TxIndex blocking = kNoTx;
};

template <LocationTraits T>
class IncarnationView {
 public:
  using Key = typename T::Key;
  using Value = typename T::Value;

  /// `scheduler` is null when transactions run one after another (no ESTIMATE can be met).
  IncarnationView(const MvMemory<T>& memory, Scheduler* scheduler, BaseReader<T>& base,
                  Version version, std::vector<ReadRecord<T>>& reads, FaultInjector* faults,
                  unsigned worker)
      : memory_(memory),
        scheduler_(scheduler),
        base_(base),
        version_(version),
        reads_(reads),
        faults_(faults),
        worker_(worker) {}

  TxIndex tx() const { return version_.tx; }
  Incarnation incarnation() const { return version_.incarnation; }
  /// True once a read suspended this incarnation; its result is then discarded.
  bool suspended() const { return suspended_; }

  /// The content of `key` as of just before this transaction (writes of lower transactions
  /// applied in order). The transaction's own earlier writes are not visible: the task keeps
  /// them. Throws ReadDependency when suspended.
  Value read(const Key& key) { return read_impl(key, false); }

  /// read() past additive deltas: the nearest full write or the pre-block storage, as if no
  /// delta had been added (see MvMemory::read). Validated in the same mode.
  Value read_skipping_deltas(const Key& key) { return read_impl(key, true); }

 private:
  Value read_impl(const Key& key, bool skip_deltas) {
    // Once suspended, the scheduler may already have handed this transaction to another
    // worker: never touch it again, whatever the task does with the exception.
    if (suspended_) throw ReadDependency{kNoTx};
    if (faults_ != nullptr) faults_->maybe_fail(FaultPoint::kRead, version_, worker_);
    using Status = typename MvMemory<T>::ReadResult::Status;
    for (;;) {
      auto r = memory_.read(key, version_.tx, skip_deltas);
      if (r.status == Status::kValue) {
        reads_.push_back({key, r.origin, skip_deltas});
        return std::move(r.value);
      }
      if (r.status == Status::kStorage) {
        Value v = base_.read_base(key);
        if (r.origin.has_delta) v = T::apply(v, r.origin.delta_sum);
        reads_.push_back({key, r.origin, skip_deltas});
        return v;
      }
      if (scheduler_ == nullptr)
        throw std::logic_error("parallel: ESTIMATE met by a transaction executed in order");
      if (scheduler_->add_dependency(version_.tx, r.blocking)) {
        suspended_ = true;
        throw ReadDependency{r.blocking};
      }
      // The blocking transaction finished meanwhile: read again.
    }
  }

  const MvMemory<T>& memory_;
  Scheduler* scheduler_;
  BaseReader<T>& base_;
  Version version_;
  std::vector<ReadRecord<T>>& reads_;
  FaultInjector* faults_;
  unsigned worker_;
  bool suspended_ = false;
};

}  // namespace paraevm::parallel
