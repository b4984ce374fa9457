// Where a block's transactions conflict: which locations (an account, a storage slot) carried
// the dependencies the engine found, and how much of the block's critical path waited on them.
// For a dApp team this names the contract and slot that keep its transactions from running side
// by side (a token's total supply, a pool's reserves, a shared counter), with the speedup model
// (speedup_model.hpp) telling what the cores would give without them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parallel/evm_location.hpp"
#include "parallel/speedup_model.hpp"

namespace paraevm::parallel {

/// `reader` read at `key` what `writer` (< reader) wrote there.
struct ConflictEdge {
  TxIndex reader = 0;
  TxIndex writer = 0;
  EvmKey key;
};

/// One location's share of a block's dependencies.
struct LocationConflict {
  EvmKey key;
  uint64_t dependencies = 0;  ///< (reader, writer) pairs through it
  uint64_t readers = 0;       ///< transactions that read an earlier transaction's write there
  /// Execution time of the critical path's transactions that waited on it (a transaction that
  /// waited on two locations at once counts for both).
  uint64_t critical_path_ns = 0;
  /// The block's ideal speedup on ConflictReport::ideal_threads if no dependency went through
  /// it: what making it conflict-free would give.
  double ideal_without = 0;
};

/// The same, summed over the locations of one address (a contract, or an account's balance).
struct ContractConflict {
  Address address;
  uint64_t dependencies = 0;
  uint64_t readers = 0;  ///< transactions that read an earlier one's write at any of its locations
  uint64_t critical_path_ns = 0;
  size_t locations = 0;  ///< its locations with dependencies
  double ideal_without = 0;  ///< as LocationConflict's, none of its locations conflicting
};

/// The thread count of the report's ideal speedups: the 16-core machines the engine targets.
inline constexpr unsigned kReportThreads = 16;

struct ConflictReport {
  size_t transactions = 0;
  size_t dependent_transactions = 0;  ///< those that read an earlier transaction's write
  uint64_t total_ns = 0;              ///< the transactions' summed execution time
  uint64_t critical_path_ns = 0;      ///< the costliest dependency chain (speedup_model.hpp)
  size_t critical_path_transactions = 0;
  unsigned ideal_threads = kReportThreads;
  double ideal = 1;  ///< the block's ideal speedup on ideal_threads (speedup_model.hpp)
  std::vector<LocationConflict> locations;  ///< most dependencies first, ties by critical path
  std::vector<ContractConflict> contracts;  ///< the same order
};

/// The report of a block whose execution times and dependencies are `graph` and whose
/// dependencies, location by location, are `edges` (repeated edges count once), keeping the
/// `top` locations and contracts with the most dependencies, each with the ideal speedup
/// without it. Throws std::invalid_argument when
/// an edge does not fit the graph (a writer not below its reader, an index out of range).
ConflictReport build_conflict_report(const DependencyGraph& graph, std::span<const ConflictEdge> edges,
                                     size_t top);

/// "account" (existence, nonce, code), "balance", "storage 0x…" or "storage wipe": what part of
/// the address `key` is.
std::string describe_location(const EvmKey& key);

}  // namespace paraevm::parallel
