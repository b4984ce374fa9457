#include "parallel/block_shape.hpp"

#include <unordered_map>

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

}  // namespace paraevm::parallel
