#include "parallel/block_shape.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>
#include <utility>

namespace paraevm::parallel {

DependencyGraph predicted_dependencies(std::span<const Transaction> txs,
                                       std::span<const Address> senders) {
  DependencyGraph g;
  g.cost_ns.resize(txs.size());
  g.deps.resize(txs.size());
  // Per account: the last transaction it sent, and the plain transfers into it since then.
  // Credits of plain transfers are lazy (chain/transition.cpp): they do not depend on each other,
  // but the account's next own transaction reads its balance, so it depends on all of them.
  struct Touches {
    TxIndex last_sent = kNoTx;
    std::vector<TxIndex> credits;
  };
  std::unordered_map<Address, Touches, FixedBytesHasher> accounts;
  accounts.reserve(txs.size() * 2);
  for (size_t i = 0; i < txs.size(); ++i) {
    const Transaction& tx = txs[i];
    const auto index = static_cast<TxIndex>(i);
    g.cost_ns[i] = tx.gas_limit;
    Touches& from = accounts[senders[i]];
    if (from.last_sent != kNoTx) g.deps[i].push_back(from.last_sent);
    g.deps[i].insert(g.deps[i].end(), from.credits.begin(), from.credits.end());
    from.last_sent = index;
    from.credits.clear();
    const bool plain_transfer = tx.to && tx.data.empty() && !tx.value.is_zero();
    if (plain_transfer && *tx.to != senders[i]) accounts[*tx.to].credits.push_back(index);
  }
  return g;
}

double predicted_speedup(std::span<const Transaction> txs, std::span<const Address> senders,
                         unsigned threads) {
  return ideal_speedup(predicted_dependencies(txs, senders), threads);
}

namespace {

/// Per account, when its last sent transaction and the latest credit into it finish, in an
/// open-addressing table (linear probing) sized for the block: a node-based map allocated per
/// account took milliseconds on a block of 50,000 transfers. The slots are kept per thread
/// across blocks and told apart by a generation number, so a block neither allocates nor clears.
class FinishTable {
 public:
  struct Finish {
    uint64_t sent = 0;     // the account's last transaction
    uint64_t credits = 0;  // the latest plain transfer into it since then
  };
  explicit FinishTable(size_t accounts) : slots_(storage()) {
    const size_t size = std::bit_ceil(std::max<size_t>(16, accounts * 2));
    if (slots_.size() < size) slots_.assign(size, Slot{});
    mask_ = size - 1;
    if (++generation() == 0) {  // wrapped: stale slots could look current
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation() = 1;
    }
    current_ = generation();
  }

  Finish& operator[](const Address& a) {
    for (size_t i = (FixedBytesHasher{}(a) * 0x9E3779B97F4A7C15ULL >> 20) & mask_;;
         i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.generation != current_) {
        slot.generation = current_;
        slot.address = a;
        slot.finish = {};
        return slot.finish;
      }
      if (slot.address == a) return slot.finish;
    }
  }

 private:
  struct Slot {
    uint32_t generation = 0;  // in use in the table of that generation
    Address address;
    Finish finish;
  };
  static std::vector<Slot>& storage() {
    thread_local std::vector<Slot> slots;
    return slots;
  }
  static uint32_t& generation() {
    thread_local uint32_t g = 0;
    return g;
  }
  std::vector<Slot>& slots_;
  size_t mask_ = 0;
  uint32_t current_ = 0;
};

/// Total cost and critical path of predicted_dependencies() in one pass, without building the
/// graph.
std::pair<uint64_t, uint64_t> total_and_critical_path(std::span<const Transaction> txs,
                                                      std::span<const Address> senders) {
  FinishTable accounts(txs.size() * 2);  // at most a sender and a recipient per transaction
  uint64_t total = 0, longest = 0;
  for (size_t i = 0; i < txs.size(); ++i) {
    const Transaction& tx = txs[i];
    total += tx.gas_limit;
    FinishTable::Finish& from = accounts[senders[i]];
    const uint64_t finish = std::max(from.sent, from.credits) + tx.gas_limit;
    from = {finish, 0};
    longest = std::max(longest, finish);
    if (tx.to && tx.data.empty() && !tx.value.is_zero() && *tx.to != senders[i]) {
      FinishTable::Finish& to = accounts[*tx.to];
      to.credits = std::max(to.credits, finish);
    }
  }
  return {total, longest};
}

}  // namespace

bool predicted_speedup_below(std::span<const Transaction> txs, std::span<const Address> senders,
                             unsigned threads, double threshold) {
  const auto [total, critical] = total_and_critical_path(txs, senders);
  if (total == 0 || threads <= 1) return 1.0 < threshold;
  const double per_thread = static_cast<double>(total) / threads;
  // No schedule beats max(total / threads, critical path); greedy list scheduling is never worse
  // than total / threads + critical path (Graham). Only between the two bounds is the
  // schedule itself computed.
  const double best = static_cast<double>(total) / std::max(per_thread, static_cast<double>(critical));
  if (best < threshold) return true;
  const double greedy = static_cast<double>(total) / (per_thread + static_cast<double>(critical));
  if (greedy >= threshold) return false;
  return predicted_speedup(txs, senders, threads) < threshold;
}

}  // namespace paraevm::parallel
