// Multi-version memory: for every location, the writes of every transaction of the block that
// wrote it, ordered by transaction index. A transaction reads the write of the highest lower
// transaction (summing additive deltas down to the nearest full write or the pre-block storage);
// an ESTIMATE left by an aborted incarnation makes the reader wait for that transaction.
//
// Concurrency: locations live in kShards hash maps, each under a shared_mutex (readers share it,
// creating a location takes it exclusively); each location's ordered entries sit under that
// location's own mutex, so two transactions touching different locations never contend. There are
// no atomics here: every access to shared data is under one of those mutexes. Cells are never
// freed during a block, so a Cell* stays valid until reset().
//
// The per-transaction list of written locations (written_[tx]) is not locked: the scheduler's
// status protocol gives exactly one worker at a time the right to record or abort a transaction
// (the one that set EXECUTING or ABORTING under the transaction's status mutex).
#pragma once

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "parallel/types.hpp"

namespace paraevm::parallel {

template <LocationTraits T>
class MvMemory {
 public:
  using Key = typename T::Key;
  using Value = typename T::Value;
  using Delta = typename T::Delta;

  /// Outcome of a read by transaction `reader` (of the writes of transactions below it).
  struct ReadResult {
    enum class Status : uint8_t {
      kValue,       ///< `value` is the resolved content; origin.base == kVersion
      kStorage,     ///< no full write below: read storage, then apply origin.delta_sum if any
      kDependency,  ///< an ESTIMATE of `blocking` is in the way
    };
    Status status = Status::kStorage;
    ReadOrigin<T> origin{};
    Value value{};
    TxIndex blocking = kNoTx;
  };

  MvMemory() : shards_(std::make_unique<Shard[]>(kShards)) {}

  /// Drops every entry and prepares for a block of `block_size` transactions. Keeps allocated
  /// capacity (cells, hash buckets, per-transaction lists) for the next block.
  void reset(size_t block_size) {
    for (size_t s = 0; s < kShards; ++s) {
      Shard& shard = shards_[s];
      for (auto& [key, cell] : shard.map) {
        cell->entries.clear();
        shard.pool.push_back(std::move(cell));
      }
      shard.map.clear();
    }
    if (written_.size() < block_size) {
      written_.resize(block_size);
      spare_.resize(block_size);
    }
    for (size_t i = 0; i < block_size; ++i) written_[i].clear();
  }

  /// Reads `key` as transaction `reader` sees it (writes of transactions < reader).
  ReadResult read(const Key& key, TxIndex reader) const {
    ReadResult r;
    const Cell* cell = find_cell(key);
    if (cell == nullptr) return r;
    std::lock_guard lock(cell->mu);
    auto it = first_at_or_above(cell->entries, reader);
    while (it != cell->entries.begin()) {
      --it;
      if (it->estimate) {
        r.status = ReadResult::Status::kDependency;
        r.blocking = it->tx;
        return r;
      }
      if (it->kind == WriteKind::kValue) {
        r.status = ReadResult::Status::kValue;
        r.origin.base = ReadOrigin<T>::Base::kVersion;
        r.origin.version = {it->tx, it->incarnation};
        r.value = r.origin.has_delta ? T::apply(it->value, r.origin.delta_sum) : it->value;
        return r;
      }
      r.origin.delta_sum =
          r.origin.has_delta ? T::combine(it->delta, r.origin.delta_sum) : it->delta;
      r.origin.has_delta = true;
    }
    return r;
  }

  /// Installs the write set of `version`, replacing the entries of the transaction's previous
  /// incarnation and removing those it no longer writes. Returns whether a location outside the
  /// previous incarnation's write set was written (then higher transactions must revalidate).
  bool record(Version version, const WriteSet<T>& writes) {
    std::vector<Cell*>& next = spare_[version.tx];
    std::vector<Cell*>& prev = written_[version.tx];
    next.clear();
    next.reserve(writes.size());
    try {
      for (const Write<T>& w : writes) {
        Cell* cell = find_or_create_cell(w.key);
        next.push_back(cell);  // before the entry exists: cannot throw, capacity is reserved
        upsert(*cell, version, w);
      }
    } catch (...) {
      // Out of memory half-way: keep every touched location tracked, so that the caller's
      // recovery (re-recording the transaction) removes what this attempt left behind.
      prev.insert(prev.end(), next.begin(), next.end());
      std::sort(prev.begin(), prev.end());
      prev.erase(std::unique(prev.begin(), prev.end()), prev.end());
      throw;
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());

    bool wrote_new = false;
    auto p = prev.begin();
    for (Cell* cell : next) {
      while (p != prev.end() && *p < cell) erase_entry(**p++, version.tx);
      if (p != prev.end() && *p == cell) {
        ++p;
      } else {
        wrote_new = true;
      }
    }
    while (p != prev.end()) erase_entry(**p++, version.tx);
    prev.swap(next);
    return wrote_new;
  }

  /// Marks every entry of transaction `tx` as an ESTIMATE: its incarnation was aborted and a
  /// reader should wait for the re-execution rather than read a value that is likely to change.
  void convert_writes_to_estimates(TxIndex tx) {
    for (Cell* cell : written_[tx]) {
      std::lock_guard lock(cell->mu);
      auto it = first_at_or_above(cell->entries, tx);
      if (it != cell->entries.end() && it->tx == tx) it->estimate = true;
    }
  }

  /// True when every read of `reads` (made by transaction `tx`) would observe the same origin now.
  bool validate_read_set(TxIndex tx, const std::vector<ReadRecord<T>>& reads) const {
    for (const ReadRecord<T>& r : reads) {
      ReadResult now = read(r.key, tx);
      if (now.status == ReadResult::Status::kDependency || !(now.origin == r.origin)) return false;
    }
    return true;
  }

  /// Appends to `out` the transactions below `reader` whose writes make up what it reads at
  /// `key` (the full write and every delta above it). Single-threaded use after a block.
  void collect_sources(const Key& key, TxIndex reader, std::vector<TxIndex>& out) const {
    const Cell* cell = find_cell(key);
    if (cell == nullptr) return;
    auto it = first_at_or_above(cell->entries, reader);
    while (it != cell->entries.begin()) {
      --it;
      out.push_back(it->tx);
      if (it->kind == WriteKind::kValue) return;
    }
  }

  /// Calls fn(key) for every location written in this block. Single-threaded use after a block.
  template <class Fn>
  void for_each_location(Fn&& fn) const {
    for (size_t s = 0; s < kShards; ++s)
      for (const auto& [key, cell] : shards_[s].map)
        if (!cell->entries.empty()) fn(key);
  }

 private:
  static constexpr size_t kShards = 64;

  struct Entry {
    TxIndex tx = 0;
    Incarnation incarnation = 0;
    WriteKind kind = WriteKind::kValue;
    bool estimate = false;
    Value value{};
    Delta delta{};
  };
  struct Cell {
    mutable std::mutex mu;
    std::vector<Entry> entries;  // sorted by tx, at most one per tx
  };
  struct Shard {
    mutable std::shared_mutex mu;
    std::unordered_map<Key, std::unique_ptr<Cell>, typename T::KeyHash> map;
    std::vector<std::unique_ptr<Cell>> pool;  // cleared cells kept for the next block
  };

  template <class Entries>
  static auto first_at_or_above(Entries& entries, TxIndex tx) {
    return std::lower_bound(entries.begin(), entries.end(), tx,
                            [](const Entry& e, TxIndex t) { return e.tx < t; });
  }

  Shard& shard_of(const Key& key) const {
    // Fibonacci hashing spreads weak hashes (identity hashes of small integers) over the shards.
    const uint64_t h = static_cast<uint64_t>(typename T::KeyHash{}(key)) * 0x9E3779B97F4A7C15ull;
    return shards_[h >> 58];  // 64 shards: the top 6 bits
  }

  const Cell* find_cell(const Key& key) const {
    Shard& shard = shard_of(key);
    std::shared_lock lock(shard.mu);
    auto it = shard.map.find(key);
    return it == shard.map.end() ? nullptr : it->second.get();
  }

  Cell* find_or_create_cell(const Key& key) {
    Shard& shard = shard_of(key);
    {
      std::shared_lock lock(shard.mu);
      auto it = shard.map.find(key);
      if (it != shard.map.end()) return it->second.get();
    }
    std::unique_lock lock(shard.mu);
    auto [it, inserted] = shard.map.try_emplace(key);
    if (inserted) {
      if (shard.pool.empty()) {
        it->second = std::make_unique<Cell>();
      } else {
        it->second = std::move(shard.pool.back());
        shard.pool.pop_back();
      }
    }
    return it->second.get();
  }

  static void upsert(Cell& cell, Version version, const Write<T>& w) {
    std::lock_guard lock(cell.mu);
    auto it = first_at_or_above(cell.entries, version.tx);
    if (it == cell.entries.end() || it->tx != version.tx) it = cell.entries.insert(it, Entry{});
    it->tx = version.tx;
    it->incarnation = version.incarnation;
    it->kind = w.kind;
    it->estimate = false;
    if (w.kind == WriteKind::kValue) {
      it->value = w.value;
    } else {
      it->delta = w.delta;
    }
  }

  static void erase_entry(Cell& cell, TxIndex tx) {
    std::lock_guard lock(cell.mu);
    auto it = first_at_or_above(cell.entries, tx);
    if (it != cell.entries.end() && it->tx == tx) cell.entries.erase(it);
  }

  std::unique_ptr<Shard[]> shards_;
  std::vector<std::vector<Cell*>> written_;  // per tx: cells of its last recorded write set
  std::vector<std::vector<Cell*>> spare_;    // per tx: scratch for record(), swapped with written_
};

}  // namespace paraevm::parallel
