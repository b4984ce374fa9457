#include "parallel/block_shape.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "parallel/address_map.hpp"

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

/// Per account, when its last sent transaction and the latest credit into it finish.
struct Finish {
  uint64_t sent = 0;     // the account's last transaction
  uint64_t credits = 0;  // the latest plain transfer into it since then
};

/// The table of Finish by account for a block, kept per thread across blocks (the check runs
/// on the caller's thread for every block; see AddressMap).
AddressMap<Finish>& finish_table(size_t accounts) {
  thread_local AddressMap<Finish> table;
  table.reset(accounts);
  return table;
}

/// Total cost and critical path of predicted_dependencies() in one pass, without building the
/// graph.
std::pair<uint64_t, uint64_t> total_and_critical_path(std::span<const Transaction> txs,
                                                      std::span<const Address> senders) {
  AddressMap<Finish>& accounts = finish_table(txs.size() * 2);  // a sender and a recipient each
  uint64_t total = 0, longest = 0;
  for (size_t i = 0; i < txs.size(); ++i) {
    const Transaction& tx = txs[i];
    total += tx.gas_limit;
    Finish& from = accounts[senders[i]];
    const uint64_t finish = std::max(from.sent, from.credits) + tx.gas_limit;
    from = {finish, 0};
    longest = std::max(longest, finish);
    if (tx.to && tx.data.empty() && !tx.value.is_zero() && *tx.to != senders[i]) {
      Finish& to = accounts[*tx.to];
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
