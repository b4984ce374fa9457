// A map from addresses (or other small fixed-size keys) to small values for per-block
// bookkeeping, single-threaded: open addressing with linear probing, cleared by bumping a generation number (no pass over the
// slots, no allocation once grown). Node-based maps allocated per account took milliseconds on
// a block of 50,000 transfers.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm::parallel {

template <class K, class V, class Hasher>
class FlatMap {
 public:
  /// Empties the map, sized for about `expected` entries (it grows past them).
  void reset(size_t expected) {
    const size_t size = std::bit_ceil(std::max<size_t>(16, expected * 2));
    if (slots_.size() < size) {
      slots_.assign(size, Slot{});
      generation_ = 0;
    }
    mask_ = slots_.size() - 1;
    size_ = 0;
    if (++generation_ == 0) {  // wrapped: stale slots could look current
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }

  /// Starts loading the slot where `a` would be: planning passes look addresses up a few
  /// transactions ahead, the table being larger than the caches for big blocks.
  void prefetch(const K& a) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(a)], 1);
  }

  /// The value of `a`, inserted value-initialised when absent.
  V& operator[](const K& a) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    Slot& slot = probe(a);
    if (slot.generation != generation_) {
      slot = Slot{generation_, a, V{}};
      ++size_;
    }
    return slot.value;
  }

  size_t size() const { return size_; }
  /// The value of `a`, or null when absent.
  V* find(const K& a) {
    if (size_ == 0) return nullptr;
    Slot& slot = probe(a);
    return slot.generation == generation_ ? &slot.value : nullptr;
  }
  const V* find(const K& a) const { return const_cast<FlatMap*>(this)->find(a); }

 private:
  struct Slot {
    uint32_t generation = 0;  // current when equal to the map's
    K key;
    V value{};
  };

  size_t home(const K& a) const {
    return (static_cast<uint64_t>(Hasher{}(a)) * 0x9E3779B97F4A7C15ULL >> 20) & mask_;
  }
  // The slot holding `a`, or the empty slot where it belongs.
  Slot& probe(const K& a) {
    for (size_t i = home(a);; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.generation != generation_ || slot.key == a) return slot;
    }
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const uint32_t current = generation_;
    slots_.assign(std::max<size_t>(32, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    generation_ = 1;
    size_ = 0;
    for (Slot& s : old)
      if (s.generation == current) {
        probe(s.key) = Slot{generation_, s.key, std::move(s.value)};
        ++size_;
      }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  uint32_t generation_ = 0;
};

template <class V>
using AddressMap = FlatMap<Address, V, FixedBytesHasher>;

}  // namespace paraevm::parallel
