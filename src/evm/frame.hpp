// The state of one executing frame (call or creation) and its memory, shared by the
// interpreter loop and the instruction implementations.
#pragma once

#include <cstdint>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "evm/analysis.hpp"
#include "evm/host.hpp"
#include "evm/revision.hpp"

namespace paraevm::evm {

inline constexpr int kStackLimit = 1024;
/// Memory past this many bytes is never affordable (its cost exceeds 2^45 gas); bigger offsets
/// and sizes fail with OutOfGas before any allocation.
inline constexpr uint64_t kMaxMemory = uint64_t{1} << 32;

/// Gas of `words` 32-byte words of memory: 3 per word plus words^2/512 (Yellow Paper C_mem).
constexpr int64_t memory_cost(uint64_t words) {
  return static_cast<int64_t>(3 * words + words * words / 512);
}

/// Gas per 32-byte word, rounding the byte count up.
constexpr int64_t words_cost(uint64_t bytes, int64_t per_word) {
  return static_cast<int64_t>((bytes + 31) / 32) * per_word;
}

/// Stack and memory buffers of a frame, reused across frames of a thread (see interpreter.cpp).
struct FrameBuffers {
  /// Slot 0 is a sentinel below the bottom: the stack pointer addresses the top item, so an
  /// empty stack points at slot 0 and the height is `sp - &stack[0]`.
  alignas(32) U256 stack[kStackLimit + 1];
  std::vector<uint8_t> memory;
};

/// One executing frame.
struct Frame {
  Host& host;
  const Message& msg;
  const AnalyzedCode& code;
  Revision rev;
  std::vector<uint8_t>& memory;  // size always a multiple of 32
  U256* const stack_bottom;      // the sentinel slot
  int64_t refund = 0;
  Bytes return_data;  // output of the last nested call or creation (EIP-211)
  Bytes output;       // RETURN/REVERT data of this frame
  const TxContext* tx = nullptr;

  const TxContext& tx_context() {
    if (tx == nullptr) tx = &host.get_tx_context();
    return *tx;
  }
};

/// Grows memory to cover [offset, offset + size) and charges the expansion; false on out of gas.
/// Precondition: size != 0 and offset + size <= kMaxMemory.
inline bool grow_memory(Frame& f, int64_t& gas, uint64_t end) {
  uint64_t cur_words = f.memory.size() / 32;
  uint64_t new_words = (end + 31) / 32;
  gas -= memory_cost(new_words) - memory_cost(cur_words);
  if (gas < 0) return false;
  f.memory.resize(new_words * 32);
  return true;
}

/// Checks a memory region given as stack words and expands memory to cover it. A zero-size
/// region never expands memory, whatever its offset. Returns false on out of gas.
inline bool check_memory(Frame& f, int64_t& gas, const U256& offset, const U256& size) {
  if (size.is_zero()) return true;
  if (!offset.fits_u64() || !size.fits_u64() || offset.limb[0] > kMaxMemory ||
      size.limb[0] > kMaxMemory)
    return false;
  uint64_t end = offset.limb[0] + size.limb[0];
  if (end > kMaxMemory) return false;
  if (end > f.memory.size()) return grow_memory(f, gas, end);
  return true;
}

/// Fixed-size variant for MLOAD/MSTORE/MSTORE8.
inline bool check_memory(Frame& f, int64_t& gas, const U256& offset, uint64_t size) {
  if (!offset.fits_u64() || offset.limb[0] > kMaxMemory) return false;
  uint64_t end = offset.limb[0] + size;
  if (end > f.memory.size()) [[unlikely]] return grow_memory(f, gas, end);
  return true;
}

}  // namespace paraevm::evm
