// Multi-version memory: for every location, the writes of every transaction of the block that
// wrote it, ordered by transaction index. A transaction reads the write of the highest lower
// transaction (summing additive deltas down to the nearest full write or the pre-block storage);
// an ESTIMATE left by an aborted incarnation makes the reader wait for that transaction.
//
// Concurrency: locations are found through an insert-only hash table whose lookups take no lock
// (a bucket is an atomic pointer to a chain of cells; a new cell is pushed with a CAS and never
// moves or goes away during the block). Each cell's ordered entries sit under that cell's own
// spin lock, so two transactions touching different locations never contend. Measured on the
// 1-gigagas transfer block: the previous design (64 shards of std::unordered_map under
// std::shared_mutex, a std::mutex per cell) spent most of its wall time asleep in futex waits.
//
// The per-transaction list of written locations (per_tx_[tx]) is not locked: the scheduler's
// status protocol gives exactly one worker at a time the right to record or abort a transaction
// (the one that set EXECUTING or ABORTING under the transaction's status lock).
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "parallel/dense_location.hpp"
#include "parallel/spin_lock.hpp"
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

  MvMemory() : chunks_(std::make_unique<std::atomic<Cell*>[]>(kMaxChunks)) {}
  ~MvMemory() {
    for (size_t c = 0; c < kMaxChunks; ++c) delete[] chunks_[c].load(std::memory_order_relaxed);
  }
  MvMemory(const MvMemory&) = delete;
  MvMemory& operator=(const MvMemory&) = delete;

  /// Drops every entry and prepares for a block of `block_size` transactions. Single-threaded.
  /// Keeps allocated capacity (cells with their entry vectors, buckets, per-transaction lists)
  /// for the next block.
  void reset(size_t block_size) {
    // A new epoch, unique across instances, retires every thread's cell batch.
    static std::atomic<uint64_t> epochs{0};
    epoch_ = epochs.fetch_add(1, std::memory_order_relaxed) + 1;
    const size_t used = next_cell_.load(std::memory_order_relaxed);
    for (size_t c = 0; c < kMaxChunks && c * kChunkSize < used; ++c) {
      Cell* cells = chunks_[c].load(std::memory_order_relaxed);
      if (cells == nullptr) continue;  // its allocation failed
      for (size_t i = 0; i < kChunkSize && c * kChunkSize + i < used; ++i) {
        cells[i].entries.clear();
        cells[i].full_writers.clear();
        cells[i].full_writes.store(0, std::memory_order_relaxed);
      }
    }
    next_cell_.store(0, std::memory_order_relaxed);
    // About eight buckets per transaction (a transfer writes five locations), at least 4096;
    // longer chains only slow lookups down.
    const size_t buckets = std::bit_ceil(std::max<size_t>(4096, block_size * 2));
    if (buckets > bucket_capacity_) {
      buckets_ = std::make_unique<std::atomic<Cell*>[]>(buckets);
      bucket_capacity_ = buckets;
    }
    bucket_bits_ = static_cast<unsigned>(std::countr_zero(buckets));
    for (size_t b = 0; b < buckets; ++b) buckets_[b].store(nullptr, std::memory_order_relaxed);
    // About 64 filter bits per transaction (it writes a handful of locations): most bits stay
    // clear, so most reads of locations nobody wrote stop at the filter.
    const size_t filter_words =
        std::bit_ceil(std::clamp<size_t>(block_size, kMinFilterWords, kMaxFilterWords));
    if (filter_words > filter_capacity_) {
      filter_ = std::make_unique<std::atomic<uint64_t>[]>(filter_words);
      filter_capacity_ = filter_words;
    }
    filter_mask_ = filter_words * 64 - 1;
    for (size_t w = 0; w < filter_words; ++w) filter_[w].store(0, std::memory_order_relaxed);
    if (per_tx_.size() < block_size) per_tx_.resize(block_size);
    for (size_t i = 0; i < block_size; ++i) {
      per_tx_[i].written.clear();
      per_tx_[i].dense = false;
    }
    dense_active_ = false;
    dense_.reset(block_size);
  }

  /// Reads `key` as transaction `reader` sees it (writes of transactions < reader).
  ///
  /// With `skip_deltas`, additive deltas are passed over: the read resolves to the nearest full
  /// write (or storage) alone, for readers of the parts of a location that deltas never change
  /// (an account's code, read by a plain transfer that credits it lazily).
  ReadResult read(const Key& key, TxIndex reader, bool skip_deltas = false) const {
    const uint64_t h = hash_of(key);
    if (is_dense(key, h)) return read_dense(reader, skip_deltas);
    ReadResult r;
    const Cell* cell = find_cell(key, h);
    if (cell == nullptr) return r;
    // Past deltas, a location that only ever got deltas reads as storage, without the lock: a
    // hot account credited by every transfer of a block is read by each of them, and taking
    // the lock took its line from the writers every time. A full write recorded concurrently
    // is missed as a reader that came just before it would miss it (record() then sends the
    // higher transactions back to validation).
    if (skip_deltas && cell->full_writes.load(std::memory_order_acquire) == 0) return r;
    std::lock_guard lock(cell->lock);
    if (skip_deltas) return read_full_write(*cell, reader);
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
  /// incarnation and removing those it no longer writes. Returns whether higher transactions
  /// must revalidate: a location outside the previous incarnation's write set was written, or
  /// one that it only added a delta to now gets a full write. (A read past deltas skips the
  /// delta's ESTIMATE, so it may have validated while this transaction was re-executing; only
  /// a new round of validations sees the full write.)
  bool record(Version version, const WriteSet<T>& writes) {
    std::vector<Cell*>& next = per_tx_[version.tx].spare;
    std::vector<Cell*>& prev = per_tx_[version.tx].written;
    next.clear();
    next.reserve(writes.size());
    bool wrote_dense = false;
    bool became_full = false;  // a delta of the previous incarnation is now a full write
    try {
      for (const Write<T>& w : writes) {
        const uint64_t h = hash_of(w.key);
        if (is_dense(w.key, h)) {
          became_full |= dense_.set(version.tx, {version.incarnation, w.kind, false, w.value, w.delta});
          wrote_dense = true;
          continue;
        }
        Cell* cell = find_or_create_cell(w.key, h);
        next.push_back(cell);  // before the entry exists: cannot throw, capacity is reserved
        became_full |= upsert(*cell, version, w);
      }
    } catch (...) {
      per_tx_[version.tx].dense = per_tx_[version.tx].dense || wrote_dense;
      // Out of memory half-way: keep every touched location tracked, so that the caller's
      // recovery (re-recording the transaction) removes what this attempt left behind.
      prev.insert(prev.end(), next.begin(), next.end());
      std::sort(prev.begin(), prev.end());
      prev.erase(std::unique(prev.begin(), prev.end()), prev.end());
      throw;
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());

    bool wrote_new = became_full;
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
    bool& had_dense = per_tx_[version.tx].dense;
    if (had_dense && !wrote_dense) dense_.set(version.tx, {}, false);
    if (wrote_dense && !had_dense) wrote_new = true;
    had_dense = wrote_dense;
    return wrote_new;
  }

  /// Marks every entry of transaction `tx` as an ESTIMATE: its incarnation was aborted and a
  /// reader should wait for the re-execution rather than read a value that is likely to change.
  void convert_writes_to_estimates(TxIndex tx) {
    if (per_tx_[tx].dense) dense_.mark_estimate(tx);
    for (Cell* cell : per_tx_[tx].written) {
      std::lock_guard lock(cell->lock);
      auto it = first_at_or_above(cell->entries, tx);
      if (it != cell->entries.end() && it->tx == tx) it->estimate = true;
    }
  }

  /// True when every read of `reads` (made by transaction `tx`) would observe the same origin now.
  bool validate_read_set(TxIndex tx, const std::vector<ReadRecord<T>>& reads) const {
    for (const ReadRecord<T>& r : reads) {
      ReadResult now = read(r.key, tx, r.skip_deltas);
      if (now.status == ReadResult::Status::kDependency || !(now.origin == r.origin)) return false;
    }
    return true;
  }

  /// Appends to `out` the transactions below `reader` whose writes make up what it reads at
  /// `key` (the full write and every delta above it). Single-threaded use after a block.
  void collect_sources(const Key& key, TxIndex reader, std::vector<TxIndex>& out,
                       bool skip_deltas = false) const {
    const uint64_t h = hash_of(key);
    if (is_dense(key, h)) {
      dense_.walk_down(reader, [&](TxIndex tx, const typename Dense::Write& w) {
        if (skip_deltas && w.kind == WriteKind::kDelta) return true;
        out.push_back(tx);
        return w.kind != WriteKind::kValue;
      });
      return;
    }
    const Cell* cell = find_cell(key, h);
    if (cell == nullptr) return;
    auto it = first_at_or_above(cell->entries, reader);
    while (it != cell->entries.begin()) {
      --it;
      if (skip_deltas && it->kind == WriteKind::kDelta) continue;
      out.push_back(it->tx);
      if (it->kind == WriteKind::kValue) return;
    }
  }

  /// Calls fn(key) for every location written in this block. Single-threaded use after a block.
  template <class Fn>
  void for_each_location(Fn&& fn) const {
    if (dense_active_ && dense_.written()) fn(dense_key_);
    const size_t used = next_cell_.load(std::memory_order_relaxed);
    for (size_t c = 0; c < kMaxChunks && c * kChunkSize < used; ++c) {
      const Cell* cells = chunks_[c].load(std::memory_order_relaxed);
      if (cells == nullptr) continue;
      for (size_t i = 0; i < kChunkSize && c * kChunkSize + i < used; ++i)
        if (cells[i].published && !cells[i].entries.empty()) fn(cells[i].key);
    }
  }

  /// Keeps `key` in a DenseLocation (one slot per transaction) for this block: for the one
  /// location nearly every transaction writes. Call after reset(), before the block runs.
  void set_dense_location(const Key& key) {
    dense_key_ = key;
    dense_hash_ = hash_of(key);
    dense_active_ = true;
  }

 private:
  using Dense = DenseLocation<T>;
  static constexpr size_t kChunkSize = 4096;
  static constexpr size_t kMaxChunks = size_t{1} << 14;  // 67 million locations in one block
  static constexpr size_t kCellBatch = 32;

  struct Entry {
    TxIndex tx = 0;
    Incarnation incarnation = 0;
    WriteKind kind = WriteKind::kValue;
    bool estimate = false;
    Value value{};
    Delta delta{};
  };
  struct Cell {
    // Set before the cell is published and not changed again during the block.
    Key key{};
    uint64_t hash = 0;
    Cell* next = nullptr;    // the rest of the bucket's chain
    bool published = false;  // false: lost an insertion race to another cell of the same key
    // full_writers.size(), written under lock, read without it by reads past deltas: away from
    // the lock's line, which the writers of a hot location keep taking.
    std::atomic<uint32_t> full_writes{0};
    alignas(64) mutable SpinLock lock;
    std::vector<Entry> entries;  // under lock: sorted by tx, at most one per tx
    // Under lock: the transactions whose entry is a full write, sorted. A read past deltas
    // finds its base here by binary search instead of walking every delta below it (a hot
    // account credited by thousands of plain transfers).
    std::vector<TxIndex> full_writers;
  };

  template <class Entries>
  static auto first_at_or_above(Entries& entries, TxIndex tx) {
    return std::lower_bound(entries.begin(), entries.end(), tx,
                            [](const Entry& e, TxIndex t) { return e.tx < t; });
  }

  static uint64_t hash_of(const Key& key) {
    // Fibonacci hashing: the top bits pick the bucket, which spreads weak hashes (identity
    // hashes of small integers) too.
    return static_cast<uint64_t>(typename T::KeyHash{}(key)) * 0x9E3779B97F4A7C15ull;
  }
  std::atomic<Cell*>& bucket_of(uint64_t hash) const {
    return buckets_[hash >> (64 - bucket_bits_)];
  }

  /// The cell of `key` in the chain from `from` up to (not including) `until`.
  static Cell* search(Cell* from, const Cell* until, const Key& key, uint64_t hash) {
    for (Cell* c = from; c != until; c = c->next)
      if (c->hash == hash && c->key == key) return c;
    return nullptr;
  }

  bool is_dense(const Key& key, uint64_t h) const {
    return dense_active_ && h == dense_hash_ && key == dense_key_;
  }

  /// read() of the dense location: its slots walked like a cell's entries (see read() and
  /// read_full_write(): with `skip_deltas`, deltas and their estimates are passed over).
  ReadResult read_dense(TxIndex reader, bool skip_deltas) const {
    ReadResult r;
    dense_.walk_down(reader, [&](TxIndex tx, const typename Dense::Write& w) {
      if (skip_deltas && w.kind == WriteKind::kDelta) return true;
      if (w.estimate) {
        r.status = ReadResult::Status::kDependency;
        r.blocking = tx;
        return false;
      }
      if (w.kind == WriteKind::kValue) {
        r.status = ReadResult::Status::kValue;
        r.origin.base = ReadOrigin<T>::Base::kVersion;
        r.origin.version = {tx, w.incarnation};
        r.value = r.origin.has_delta ? T::apply(w.value, r.origin.delta_sum) : w.value;
        return false;
      }
      r.origin.delta_sum = r.origin.has_delta ? T::combine(w.delta, r.origin.delta_sum) : w.delta;
      r.origin.has_delta = true;
      return true;
    });
    return r;
  }

  const Cell* find_cell(const Key& key, uint64_t h) const {
    if (!maybe_present(h)) return nullptr;
    // acquire: pairs with the release CAS that published the head cell, making its key and
    // chain (and, transitively, the older cells') visible.
    return search(bucket_of(h).load(std::memory_order_acquire), nullptr, key, h);
  }

  // The presence filter: one bit per hash class, set before a cell of that class is published
  // and never cleared during the block. Most reads are of locations no transaction of the
  // block writes (contracts' accounts, unchanged storage, storage epochs); a clear bit answers
  // them from one cache line that rarely changes, where the hash table's buckets and cells are
  // lines that the other workers' insertions keep taking away (measured: the misses on them
  // were most of a read's time). A reader that misses a cell published concurrently is like a
  // reader that came just before it: the writer's record() makes higher transactions
  // revalidate, and they see the bit (it happens before the record's completion).
  size_t filter_bit(uint64_t h) const { return static_cast<size_t>(h >> 7) & filter_mask_; }
  bool maybe_present(uint64_t h) const {
    const size_t bit = filter_bit(h);
    return (filter_[bit / 64].load(std::memory_order_acquire) >> (bit % 64)) & 1;
  }
  void mark_present(uint64_t h) {
    const size_t bit = filter_bit(h);
    std::atomic<uint64_t>& word = filter_[bit / 64];
    const uint64_t mask = uint64_t{1} << (bit % 64);
    // Test first: a set bit needs no write, which would take the line from the readers.
    if ((word.load(std::memory_order_relaxed) & mask) == 0) word.fetch_or(mask, std::memory_order_acq_rel);
  }

  /// A fresh cell from the chunked pool. Chunks stay allocated across blocks, so allocating
  /// one (under chunk_mu_) is rare.
  Cell* allocate_cell() {
    // Each thread takes cells kCellBatch at a time: one shared fetch_add per transaction's
    // writes bounced the counter's cache line between cores. Cells of a batch that stay unused
    // are never published (reset() clears them like the others).
    struct Cursor {
      uint64_t epoch = 0;
      size_t next = 0;
      size_t end = 0;
    };
    thread_local Cursor cursor;
    if (cursor.epoch != epoch_ || cursor.next == cursor.end) {
      cursor.next = next_cell_.fetch_add(kCellBatch, std::memory_order_relaxed);
      cursor.end = cursor.next + kCellBatch;
      cursor.epoch = epoch_;
    }
    const size_t index = cursor.next++;
    const size_t chunk = index / kChunkSize;
    if (chunk >= kMaxChunks) throw std::length_error("multi-version memory: too many locations");
    Cell* cells = chunks_[chunk].load(std::memory_order_acquire);
    if (cells == nullptr) {
      std::lock_guard lock(chunk_mu_);
      cells = chunks_[chunk].load(std::memory_order_relaxed);
      if (cells == nullptr) {
        cells = new Cell[kChunkSize];
        chunks_[chunk].store(cells, std::memory_order_release);
      }
    }
    return &cells[index % kChunkSize];
  }

  Cell* find_or_create_cell(const Key& key, uint64_t h) {
    std::atomic<Cell*>& bucket = bucket_of(h);
    Cell* head = bucket.load(std::memory_order_acquire);
    if (Cell* c = search(head, nullptr, key, h)) return c;
    Cell* fresh = allocate_cell();
    fresh->key = key;
    fresh->hash = h;
    fresh->published = true;
    mark_present(h);
    for (;;) {
      fresh->next = head;
      // Success (release): publishes the cell's key and chain. Failure (acquire): `head` is the
      // new head, whose cells are then visible.
      if (bucket.compare_exchange_weak(head, fresh, std::memory_order_acq_rel,
                                       std::memory_order_acquire))
        return fresh;
      // Other workers pushed cells meanwhile: one of them may hold this key.
      if (Cell* c = search(head, fresh->next, key, h)) {
        fresh->published = false;
        return c;
      }
    }
  }

  /// read(skip_deltas) under the cell's lock: the highest full write below `reader`, deltas
  /// (and estimates of deltas) ignored. Skipping a delta's estimate is safe: if its
  /// re-execution writes a full value instead, the abort that made it an estimate has sent
  /// every higher transaction back to validation, which then sees the new full write.
  ReadResult read_full_write(const Cell& cell, TxIndex reader) const {
    ReadResult r;
    auto w = std::lower_bound(cell.full_writers.begin(), cell.full_writers.end(), reader);
    if (w == cell.full_writers.begin()) return r;  // storage
    const auto it = first_at_or_above(cell.entries, *(w - 1));
    if (it->estimate) {
      r.status = ReadResult::Status::kDependency;
      r.blocking = it->tx;
      return r;
    }
    r.status = ReadResult::Status::kValue;
    r.origin.base = ReadOrigin<T>::Base::kVersion;
    r.origin.version = {it->tx, it->incarnation};
    r.value = it->value;
    return r;
  }

  static void set_full_writer(Cell& cell, TxIndex tx, bool full) {
    auto w = std::lower_bound(cell.full_writers.begin(), cell.full_writers.end(), tx);
    const bool present = w != cell.full_writers.end() && *w == tx;
    if (full && !present) cell.full_writers.insert(w, tx);
    if (!full && present) cell.full_writers.erase(w);
    if (full != present)
      cell.full_writes.store(static_cast<uint32_t>(cell.full_writers.size()), std::memory_order_release);
  }

  /// Sets the entry of `version`'s transaction; true when it replaced a delta of the same
  /// transaction by a full write.
  static bool upsert(Cell& cell, Version version, const Write<T>& w) {
    std::lock_guard lock(cell.lock);
    auto it = first_at_or_above(cell.entries, version.tx);
    const bool had_delta = it != cell.entries.end() && it->tx == version.tx && it->kind == WriteKind::kDelta;
    if (it == cell.entries.end() || it->tx != version.tx) it = cell.entries.insert(it, Entry{});
    set_full_writer(cell, version.tx, w.kind == WriteKind::kValue);
    it->tx = version.tx;
    it->incarnation = version.incarnation;
    it->kind = w.kind;
    it->estimate = false;
    if (w.kind == WriteKind::kValue) {
      it->value = w.value;
    } else {
      it->delta = w.delta;
    }
    return had_delta && w.kind == WriteKind::kValue;
  }

  static void erase_entry(Cell& cell, TxIndex tx) {
    std::lock_guard lock(cell.lock);
    auto it = first_at_or_above(cell.entries, tx);
    if (it != cell.entries.end() && it->tx == tx) {
      if (it->kind == WriteKind::kValue) set_full_writer(cell, tx, false);
      cell.entries.erase(it);
    }
  }

  std::unique_ptr<std::atomic<Cell*>[]> chunks_;  // kMaxChunks pointers to kChunkSize cells
  std::mutex chunk_mu_;                            // allocating a chunk
  std::atomic<size_t> next_cell_{0};               // cells handed out in this block
  uint64_t epoch_ = 0;                             // set by reset(), read by workers after it
  std::unique_ptr<std::atomic<Cell*>[]> buckets_;
  size_t bucket_capacity_ = 0;
  unsigned bucket_bits_ = 12;
  static constexpr size_t kMinFilterWords = 1024;     // 8 KiB
  static constexpr size_t kMaxFilterWords = 1 << 18;  // 2 MiB
  std::unique_ptr<std::atomic<uint64_t>[]> filter_;
  size_t filter_capacity_ = 0;
  size_t filter_mask_ = 0;
  // Per transaction, on its own cache line: workers record neighbouring transactions at once.
  struct alignas(64) TxWrites {
    std::vector<Cell*> written;  // cells of its last recorded write set
    std::vector<Cell*> spare;    // scratch for record(), swapped with `written`
    bool dense = false;          // its last write set wrote the dense location
  };
  std::vector<TxWrites> per_tx_;
  Dense dense_;
  Key dense_key_{};
  uint64_t dense_hash_ = 0;
  bool dense_active_ = false;
};

}  // namespace paraevm::parallel
