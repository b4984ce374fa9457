// Code analysis: the JUMPDEST map of a contract's code and the padded copy the interpreter runs.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm {

/// Code prepared for execution. The bytes are followed by 33 zero bytes so that a PUSH at the end
/// of the code reads zeros and the loop meets a STOP after the last instruction.
class AnalyzedCode {
 public:
  /// Bytes of padding after the code.
  static constexpr size_t kPadding = 33;

  explicit AnalyzedCode(BytesView code);

  /// Code bytes followed by kPadding zero bytes.
  const uint8_t* data() const { return padded_.data(); }
  /// Size of the original code.
  size_t size() const { return size_; }
  BytesView code() const { return {padded_.data(), size_}; }
  /// Whether `pc` holds a JUMPDEST opcode (not PUSH data) inside the code.
  bool is_jumpdest(uint64_t pc) const {
    return pc < size_ && ((jumpdests_[pc / 64] >> (pc % 64)) & 1) != 0;
  }

 private:
  std::vector<uint8_t> padded_;
  std::vector<uint64_t> jumpdests_;
  size_t size_ = 0;
};

/// Analyzes `code` (copies it).
std::shared_ptr<const AnalyzedCode> analyze(BytesView code);

/// A thread-safe cache of analyzed code keyed by code hash, sharded to keep lock contention low
/// when many threads execute at once. Bounded: a shard past its capacity is cleared (entries in
/// use stay alive through their shared_ptr).
class CodeCache {
 public:
  /// `max_entries` bounds the cache across all shards.
  explicit CodeCache(size_t max_entries = 1 << 16);

  /// The analysis of `code` whose keccak256 is `code_hash`; analyzes and inserts on a miss.
  std::shared_ptr<const AnalyzedCode> get(const Hash& code_hash, BytesView code);
  /// Number of cached entries (approximate under concurrency).
  size_t size() const;
  void clear();

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<Hash, std::shared_ptr<const AnalyzedCode>, FixedBytesHasher> map;
  };
  std::array<Shard, kShards> shards_;
  size_t max_per_shard_;
};

}  // namespace paraevm
