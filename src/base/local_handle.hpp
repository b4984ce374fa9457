// Per-thread handles to shared immutable objects keyed by a hash (code by its code hash, code
// analysis likewise). Copying a std::shared_ptr updates its control block's reference count;
// when the workers of the parallel engine copy pointers to the same object (a hot contract's
// code, at every call into it), that count's cache line bounces between their cores, and a
// mutex guarding the shared lookup does the same. A handle from here shares ownership of the
// object through a control block that only this thread touches, and is found without a lock.
//
// The table is direct-mapped and small: a slot that another key takes drops its handle, never
// the object (the handle's holder keeps it alive while copies exist).
#pragma once

#include <array>
#include <cstddef>
#include <memory>

#include "base/bytes.hpp"

namespace paraevm {

template <class T, size_t Slots = 256>
class LocalHandles {
 public:
  /// The handle cached for `key`, or null.
  static const std::shared_ptr<const T>* find(const Hash& key) {
    const Slot& slot = table()[index(key)];
    return slot.handle && slot.key == key ? &slot.handle : nullptr;
  }
  /// Caches and returns a thread-local handle to `shared` (non-null) under `key`.
  static const std::shared_ptr<const T>& insert(const Hash& key, std::shared_ptr<const T> shared) {
    Slot& slot = table()[index(key)];
    // The aliasing constructor: ownership through the holder's control block, which is this
    // thread's own; the holder owns the shared object.
    auto holder = std::make_shared<const std::shared_ptr<const T>>(std::move(shared));
    slot.key = key;
    slot.handle = std::shared_ptr<const T>(holder, holder->get());
    return slot.handle;
  }

 private:
  static_assert((Slots & (Slots - 1)) == 0, "Slots must be a power of two");
  struct Slot {
    Hash key;
    std::shared_ptr<const T> handle;
  };
  // Keys are cryptographic hashes: any of their bytes indexes uniformly.
  static size_t index(const Hash& key) { return (key[31] | size_t{key[30]} << 8) & (Slots - 1); }
  static std::array<Slot, Slots>& table() {
    thread_local std::array<Slot, Slots> slots;
    return slots;
  }
};

}  // namespace paraevm
