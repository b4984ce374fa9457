// The ideal-speedup model: given each transaction's execution time (its last incarnation) and
// the lower transactions its final reads came from, how fast could a perfect scheduler with no
// overhead run the block? Benchmarks report measured speedup / ideal speedup.
#pragma once

#include <cstdint>
#include <vector>

#include "parallel/types.hpp"

namespace paraevm::parallel {

/// A block as a DAG: node i costs cost_ns[i] and may start once every deps[i][k] (< i) is done.
struct DependencyGraph {
  std::vector<uint64_t> cost_ns;
  std::vector<std::vector<TxIndex>> deps;
};

/// Sum of all costs: the sequential time.
uint64_t total_work(const DependencyGraph& g);

/// Length of the costliest dependency chain: the makespan with unbounded threads.
/// Throws std::invalid_argument when a dependency is not a lower index or sizes differ.
uint64_t critical_path(const DependencyGraph& g);

/// Makespan of greedy list scheduling on `threads` threads: whenever a thread is free it starts
/// the lowest-indexed transaction whose dependencies are done (block order, as Block-STM does).
/// Throws std::invalid_argument as critical_path(), and for threads == 0.
uint64_t list_schedule_makespan(const DependencyGraph& g, unsigned threads);

/// total_work / list_schedule_makespan; 1 for an empty or zero-cost block.
double ideal_speedup(const DependencyGraph& g, unsigned threads);

}  // namespace paraevm::parallel
