#include "parallel/block_shape.hpp"

#include <unordered_map>

namespace paraevm::parallel {

DependencyGraph predicted_dependencies(std::span<const Transaction> txs,
                                       std::span<const Address> senders) {
  DependencyGraph g;
  g.cost_ns.resize(txs.size());
  g.deps.resize(txs.size());
  // The last transaction that changed an account's balance or nonce, as a sender or as the
  // recipient of a plain transfer.
  std::unordered_map<Address, TxIndex, FixedBytesHasher> last_touch;
  last_touch.reserve(txs.size() * 2);
  for (size_t i = 0; i < txs.size(); ++i) {
    const Transaction& tx = txs[i];
    const auto index = static_cast<TxIndex>(i);
    g.cost_ns[i] = tx.gas_limit;
    auto depend_on = [&](const Address& a) {
      auto [it, inserted] = last_touch.try_emplace(a, index);
      if (!inserted) {
        g.deps[i].push_back(it->second);
        it->second = index;
      }
    };
    depend_on(senders[i]);
    const bool plain_transfer = tx.to && tx.data.empty() && !tx.value.is_zero();
    if (plain_transfer && *tx.to != senders[i]) depend_on(*tx.to);
  }
  return g;
}

double predicted_speedup(std::span<const Transaction> txs, std::span<const Address> senders,
                         unsigned threads) {
  return ideal_speedup(predicted_dependencies(txs, senders), threads);
}

}  // namespace paraevm::parallel
