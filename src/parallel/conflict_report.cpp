#include "parallel/conflict_report.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>


namespace paraevm::parallel {
namespace {

/// The transactions of the costliest dependency chain, first to last, each with the lower
/// transaction it waited for on that chain (kNoTx for the first).
std::vector<std::pair<TxIndex, TxIndex>> critical_chain(const DependencyGraph& g) {
  const size_t n = g.cost_ns.size();
  std::vector<uint64_t> finish(n, 0);
  std::vector<TxIndex> waited_for(n, kNoTx);
  size_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t start = 0;
    for (TxIndex d : g.deps[i])
      if (waited_for[i] == kNoTx || finish[d] > start) {
        start = finish[d];
        waited_for[i] = d;
      }
    finish[i] = start + g.cost_ns[i];
    if (finish[i] > finish[last]) last = i;
  }
  std::vector<std::pair<TxIndex, TxIndex>> chain;
  if (n == 0) return chain;
  for (TxIndex i = static_cast<TxIndex>(last); i != kNoTx; i = waited_for[i]) chain.push_back({i, waited_for[i]});
  std::reverse(chain.begin(), chain.end());
  return chain;
}

struct PairHash {
  size_t operator()(const std::pair<TxIndex, TxIndex>& p) const noexcept {
    return (static_cast<size_t>(p.first) << 32 | p.second) * 0x9E3779B97F4A7C15ULL;
  }
};

using KeysOfPair = std::unordered_map<std::pair<TxIndex, TxIndex>, std::vector<uint32_t>, PairHash>;

/// The indices of the `top` entries of `v` with the most dependencies (ties: the most
/// critical-path time), in that order.
template <class Entry>
std::vector<size_t> top_indices(const std::vector<Entry>& v, size_t top) {
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (v[a].dependencies != v[b].dependencies) return v[a].dependencies > v[b].dependencies;
    return v[a].critical_path_ns > v[b].critical_path_ns;
  });
  if (order.size() > top) order.resize(top);
  return order;
}

/// The ideal speedup of `g` on `threads` threads once the dependencies that went only through
/// the `removed` locations are gone.
double ideal_without(const DependencyGraph& g, const KeysOfPair& keys_of_pair, const std::vector<bool>& removed,
                     unsigned threads) {
  DependencyGraph h;
  h.cost_ns = g.cost_ns;
  h.deps.resize(g.deps.size());
  for (size_t i = 0; i < g.deps.size(); ++i)
    for (TxIndex w : g.deps[i]) {
      const auto it = keys_of_pair.find({static_cast<TxIndex>(i), w});
      const bool kept = it == keys_of_pair.end() ||
                        std::any_of(it->second.begin(), it->second.end(), [&](uint32_t loc) { return !removed[loc]; });
      if (kept) h.deps[i].push_back(w);
    }
  return ideal_speedup(h, threads);
}

}  // namespace

ConflictReport build_conflict_report(const DependencyGraph& graph, std::span<const ConflictEdge> edges,
                                     size_t top) {
  const size_t n = graph.cost_ns.size();
  for (const ConflictEdge& e : edges)
    if (e.reader >= n || e.writer >= e.reader)
      throw std::invalid_argument("conflict report: dependency of tx " + std::to_string(e.reader) + " on tx " +
                                  std::to_string(e.writer) + " in a block of " + std::to_string(n));
  ConflictReport report;
  report.transactions = n;
  report.total_ns = total_work(graph);
  report.critical_path_ns = critical_path(graph);

  // Locations numbered in order of appearance; each edge once.
  std::unordered_map<EvmKey, uint32_t, EvmKeyHash> index_of;
  std::vector<LocationConflict> locations;
  std::unordered_set<uint64_t> seen_readers;  // (location, reader)
  // The locations through which each reader depends on each writer.
  KeysOfPair keys_of_pair;
  std::vector<bool> dependent(n, false);
  for (const ConflictEdge& e : edges) {
    auto [it, fresh] = index_of.try_emplace(e.key, static_cast<uint32_t>(locations.size()));
    if (fresh) locations.push_back({e.key});
    const uint32_t loc = it->second;
    std::vector<uint32_t>& keys = keys_of_pair[{e.reader, e.writer}];
    if (std::find(keys.begin(), keys.end(), loc) != keys.end()) continue;  // a repeated read
    keys.push_back(loc);
    ++locations[loc].dependencies;
    if (seen_readers.insert((uint64_t{loc} << 32) | e.reader).second) ++locations[loc].readers;
    dependent[e.reader] = true;
  }
  report.dependent_transactions = static_cast<size_t>(std::count(dependent.begin(), dependent.end(), true));

  const auto chain = critical_chain(graph);
  for (const auto& [tx, waited] : chain)
    if (waited != kNoTx)
      if (auto it = keys_of_pair.find({tx, waited}); it != keys_of_pair.end())
        for (uint32_t loc : it->second) locations[loc].critical_path_ns += graph.cost_ns[tx];
  report.critical_path_transactions = chain.size();

  // Per address: the locations summed; readers counted once per address.
  std::unordered_map<Address, size_t, FixedBytesHasher> contract_of;
  std::vector<ContractConflict> contracts;
  std::unordered_set<std::pair<TxIndex, TxIndex>, PairHash> seen_contract_readers;  // (contract, reader)
  for (const LocationConflict& l : locations) {
    auto [it, fresh] = contract_of.try_emplace(l.key.address, contracts.size());
    if (fresh) contracts.push_back({l.key.address});
    ContractConflict& c = contracts[it->second];
    c.dependencies += l.dependencies;
    c.critical_path_ns += l.critical_path_ns;
    ++c.locations;
  }
  for (const auto& [pair, keys] : keys_of_pair)
    for (uint32_t loc : keys) {
      const auto c = static_cast<TxIndex>(contract_of[locations[loc].key.address]);
      if (seen_contract_readers.insert({c, pair.first}).second) ++contracts[c].readers;
    }
  // The top ones, each with the ideal speedup the block would have without its dependencies.
  report.ideal_threads = kReportThreads;
  report.ideal = ideal_speedup(graph, kReportThreads);
  std::vector<bool> removed(locations.size(), false);
  for (size_t i : top_indices(locations, top)) {
    removed[i] = true;
    locations[i].ideal_without = ideal_without(graph, keys_of_pair, removed, kReportThreads);
    removed[i] = false;
    report.locations.push_back(locations[i]);
  }
  for (size_t i : top_indices(contracts, top)) {
    for (size_t l = 0; l < locations.size(); ++l) removed[l] = locations[l].key.address == contracts[i].address;
    contracts[i].ideal_without = ideal_without(graph, keys_of_pair, removed, kReportThreads);
    report.contracts.push_back(contracts[i]);
  }
  return report;
}

std::string describe_location(const EvmKey& key) {
  switch (key.field) {
    case EvmField::Account:
      return "account";
    case EvmField::Balance:
      return "balance";
    case EvmField::Storage:
      return "storage " + key.slot.to_hex();
    case EvmField::StorageEpoch:
      return "storage wipe";
  }
  return "unknown";
}

}  // namespace paraevm::parallel
