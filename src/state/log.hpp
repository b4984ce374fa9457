// Logs emitted by LOG0..LOG4 and the logs hash that state tests check.
#pragma once

#include <span>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm {

/// One log entry: emitting account, 0 to 4 topics, data.
struct Log {
  Address address;
  std::vector<Hash> topics;
  Bytes data;

  friend bool operator==(const Log&, const Log&) = default;
};

/// RLP encoding of one log: [address, [topic, ...], data].
Bytes rlp_encode_log(const Log& log);

/// keccak256 of the RLP list of the logs, as state tests' `post.logs` expects
/// (keccak256(rlp([])) = 0x1dcc4de8...49347 when there are none).
Hash logs_hash(std::span<const Log> logs);

}  // namespace paraevm
