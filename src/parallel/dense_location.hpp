// One location that nearly every transaction writes (the coinbase, credited with each fee), kept
// as one slot per transaction instead of a cell's sorted list under one lock: each writer touches
// only its own slot, so workers do not contend on it (measured: 10% of a 1-gigagas transfer
// block's time on 2 threads went to the coinbase cell). Reads walk the slots below the reader,
// exactly as a cell's entries are walked; they are rare (a transaction that reads the coinbase).
#pragma once

#include <algorithm>
#include <memory>
#include <mutex>

#include "parallel/spin_lock.hpp"
#include "parallel/types.hpp"

namespace paraevm::parallel {

template <LocationTraits T>
class DenseLocation {
 public:
  /// One transaction's write, as in a cell.
  struct Write {
    Incarnation incarnation = 0;
    WriteKind kind = WriteKind::kValue;
    bool estimate = false;
    typename T::Value value{};
    typename T::Delta delta{};
  };

  /// Prepares for a block of `block_size` transactions with no writes. Single-threaded.
  void reset(size_t block_size) {
    if (block_size > capacity_) {
      slots_ = std::make_unique<Slot[]>(block_size);
      capacity_ = block_size;
    } else {
      for (size_t i = 0; i < used_; ++i) slots_[i].present = false;
    }
    used_ = block_size;
  }

  /// Calls visit(tx, write) under the slot's lock for each transaction below `reader` that wrote,
  /// from the highest down, until visit returns false.
  template <class Visit>
  void walk_down(TxIndex reader, Visit&& visit) const {
    for (TxIndex tx = std::min<TxIndex>(reader, static_cast<TxIndex>(used_)); tx-- > 0;) {
      const Slot& slot = slots_[tx];
      std::lock_guard lock(slot.lock);
      if (slot.present && !visit(tx, slot.write)) return;
    }
  }

  /// Sets (or with `present` false removes) the write of `tx`. True when a delta of `tx` was
  /// replaced by a full write (see MvMemory::record).
  bool set(TxIndex tx, const Write& write, bool present = true) {
    Slot& slot = slots_[tx];
    std::lock_guard lock(slot.lock);
    const bool became_full = slot.present && slot.write.kind == WriteKind::kDelta && present &&
                             write.kind == WriteKind::kValue;
    slot.present = present;
    if (present) slot.write = write;
    return became_full;
  }
  void mark_estimate(TxIndex tx) {
    Slot& slot = slots_[tx];
    std::lock_guard lock(slot.lock);
    if (slot.present) slot.write.estimate = true;
  }
  /// Whether any transaction wrote. Single-threaded use after a block.
  bool written() const {
    for (size_t i = 0; i < used_; ++i)
      if (slots_[i].present) return true;
    return false;
  }

 private:
  // A slot per cache line pair: neighbouring transactions run on different workers.
  struct alignas(64) Slot {
    mutable SpinLock lock;
    bool present = false;
    Write write;
  };
  std::unique_ptr<Slot[]> slots_;
  size_t capacity_ = 0;
  size_t used_ = 0;
};

}  // namespace paraevm::parallel
