#include "parallel/speedup_model.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>

namespace paraevm::parallel {
namespace {

void check_graph(const DependencyGraph& g) {
  if (g.cost_ns.size() != g.deps.size())
    throw std::invalid_argument("dependency graph: " + std::to_string(g.cost_ns.size()) +
                                " costs but " + std::to_string(g.deps.size()) +
                                " dependency lists");
  for (size_t i = 0; i < g.deps.size(); ++i)
    for (TxIndex d : g.deps[i])
      if (d >= i)
        throw std::invalid_argument("dependency graph: tx " + std::to_string(i) +
                                    " depends on tx " + std::to_string(d) + ", not a lower one");
}

}  // namespace

uint64_t total_work(const DependencyGraph& g) {
  uint64_t sum = 0;
  for (uint64_t c : g.cost_ns) sum += c;
  return sum;
}

uint64_t critical_path(const DependencyGraph& g) {
  check_graph(g);
  std::vector<uint64_t> finish(g.cost_ns.size(), 0);
  uint64_t longest = 0;
  for (size_t i = 0; i < finish.size(); ++i) {
    uint64_t start = 0;
    for (TxIndex d : g.deps[i]) start = std::max(start, finish[d]);
    finish[i] = start + g.cost_ns[i];
    longest = std::max(longest, finish[i]);
  }
  return longest;
}

uint64_t list_schedule_makespan(const DependencyGraph& g, unsigned threads) {
  check_graph(g);
  if (threads == 0) throw std::invalid_argument("list scheduling needs at least one thread");
  const size_t n = g.cost_ns.size();
  std::vector<std::vector<TxIndex>> children(n);
  std::vector<size_t> missing(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::vector<TxIndex> deps = g.deps[i];
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    missing[i] = deps.size();
    for (TxIndex d : deps) children[d].push_back(static_cast<TxIndex>(i));
  }
  std::priority_queue<TxIndex, std::vector<TxIndex>, std::greater<>> ready;
  for (size_t i = 0; i < n; ++i)
    if (missing[i] == 0) ready.push(static_cast<TxIndex>(i));
  using Event = std::pair<uint64_t, TxIndex>;  // (finish time, tx)
  std::priority_queue<Event, std::vector<Event>, std::greater<>> running;
  uint64_t now = 0;
  unsigned free_threads = threads;
  size_t finished = 0;
  while (finished < n) {
    for (; free_threads > 0 && !ready.empty(); --free_threads) {
      running.emplace(now + g.cost_ns[ready.top()], ready.top());
      ready.pop();
    }
    // Complete every task ending at the next event time before scheduling again, so that a
    // lower-indexed transaction freed at the same instant is preferred.
    now = running.top().first;
    while (!running.empty() && running.top().first == now) {
      const TxIndex done = running.top().second;
      running.pop();
      ++free_threads;
      ++finished;
      for (TxIndex c : children[done])
        if (--missing[c] == 0) ready.push(c);
    }
  }
  return now;
}

double ideal_speedup(const DependencyGraph& g, unsigned threads) {
  const uint64_t makespan = list_schedule_makespan(g, threads);
  if (makespan == 0) return 1.0;
  return static_cast<double>(total_work(g)) / static_cast<double>(makespan);
}

}  // namespace paraevm::parallel
