// Everything a block's execution produced that two executions (sequential and parallel) must
// agree on, byte for byte.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chain/block_executor.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm {

struct BlockFingerprint {
  /// Per receipt: its consensus encoding (status, cumulative gas, bloom, logs), then its return
  /// data and created address, then its state diff in a canonical order.
  std::vector<Bytes> receipts;
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  Bloom logs_bloom;
  std::optional<size_t> invalid_tx;
  Hash state_root;

  friend bool operator==(const BlockFingerprint&, const BlockFingerprint&) = default;
};

/// Fingerprint of an execution and the state it left.
BlockFingerprint fingerprint(const BlockExecution& execution, const InMemoryState& state);

/// What differs between two fingerprints (empty when equal): the first differing receipt, or
/// the totals or the state root.
std::string describe_difference(const BlockFingerprint& expected, const BlockFingerprint& got);

}  // namespace paraevm
