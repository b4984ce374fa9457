// Implementations of the instructions that need more than a line: memory, copies, environment,
// storage, logs, calls and creations. Each receives the frame, the stack pointer (addressing the
// top item; the dispatcher has checked the stack height and charged the base gas) and the gas
// counter, writes its output into the slot that becomes the new top after the dispatcher applies
// the opcode's stack change, and returns an OpResult.
#pragma once

#include <cstring>

#include "evm/frame.hpp"
#include "evm/u256_fast.hpp"

namespace paraevm::evm {

/// What an instruction returns: Success to continue (or the status ending the frame) and the
/// gas left. Returned by value so both travel in registers and the loop's gas counter never
/// has its address taken.
struct OpResult {
  StatusCode status;
  int64_t gas;
};

/// EIP-2929 cold surcharges on top of the warm base cost (2600 - 100 and 2100 - 100).
inline constexpr int64_t kColdAccountSurcharge = 2500;
inline constexpr int64_t kColdSloadSurcharge = 2000;
inline constexpr int64_t kColdAccountCost = 2600;
inline constexpr int64_t kWarmAccessCost = 100;
inline constexpr int64_t kColdSstoreSurcharge = 2100;

/// EIP-2929: warms `addr` and charges the cold surcharge (Berlin on). False on out of gas.
inline bool access_account(Frame& f, int64_t& gas, const Address& addr) {
  if (!at_least(f.rev, Revision::Berlin)) return true;
  if (f.host.access_account(addr) == AccessStatus::Warm) return true;
  gas -= kColdAccountSurcharge;
  return gas >= 0;
}

// ---- memory (inline: hot in real contracts) ----

inline OpResult op_mload(Frame& f, U256* sp, int64_t gas) {
  if (!check_memory(f, gas, sp[0], 32)) return {StatusCode::OutOfGas, gas};
  sp[0] = fast::load_be32(f.memory.data() + sp[0].limb[0]);
  return {StatusCode::Success, gas};
}

inline OpResult op_mstore(Frame& f, U256* sp, int64_t gas) {
  if (!check_memory(f, gas, sp[0], 32)) return {StatusCode::OutOfGas, gas};
  fast::store_be32(f.memory.data() + sp[0].limb[0], sp[-1]);
  return {StatusCode::Success, gas};
}

inline OpResult op_mstore8(Frame& f, U256* sp, int64_t gas) {
  if (!check_memory(f, gas, sp[0], 1)) return {StatusCode::OutOfGas, gas};
  f.memory[sp[0].limb[0]] = static_cast<uint8_t>(sp[-1].limb[0]);
  return {StatusCode::Success, gas};
}

// ---- arithmetic with dynamic gas ----
OpResult op_exp(Frame& f, U256* sp, int64_t gas);
OpResult op_keccak256(Frame& f, U256* sp, int64_t gas);

// ---- copies ----
OpResult op_calldatacopy(Frame& f, U256* sp, int64_t gas);
OpResult op_codecopy(Frame& f, U256* sp, int64_t gas);
OpResult op_returndatacopy(Frame& f, U256* sp, int64_t gas);
OpResult op_extcodecopy(Frame& f, U256* sp, int64_t gas);
OpResult op_mcopy(Frame& f, U256* sp, int64_t gas);
void op_calldataload(Frame& f, U256* sp);

// ---- environment ----
OpResult op_balance(Frame& f, U256* sp, int64_t gas);
OpResult op_extcodesize(Frame& f, U256* sp, int64_t gas);
OpResult op_extcodehash(Frame& f, U256* sp, int64_t gas);
void op_selfbalance(Frame& f, U256* sp);
void op_blockhash(Frame& f, U256* sp);
void op_blobhash(Frame& f, U256* sp);

// ---- storage and logs ----
OpResult op_sload(Frame& f, U256* sp, int64_t gas);
OpResult op_sstore(Frame& f, U256* sp, int64_t gas);
void op_tload(Frame& f, U256* sp);
StatusCode op_tstore(Frame& f, U256* sp);
OpResult op_log(Frame& f, U256* sp, int64_t gas, int topics);

// ---- calls, creations and frame ends ----
OpResult op_call(Frame& f, U256* sp, int64_t gas, uint8_t opcode);
OpResult op_create(Frame& f, U256* sp, int64_t gas, uint8_t opcode);
OpResult op_selfdestruct(Frame& f, U256* sp, int64_t gas);
/// RETURN and REVERT: charges memory and copies the output; returns Success or OutOfGas.
OpResult op_return(Frame& f, U256* sp, int64_t gas);

/// Copies `size` bytes from `src` (of `src_size` bytes) starting at `src_offset` into `dst`,
/// filling with zeros past the end of the source.
inline void copy_padded(uint8_t* dst, size_t size, const uint8_t* src, size_t src_size,
                        const U256& src_offset) {
  size_t n = 0;
  if (src_offset.fits_u64() && src_offset.limb[0] < src_size) {
    n = src_size - src_offset.limb[0];
    if (n > size) n = size;
    std::memcpy(dst, src + src_offset.limb[0], n);
  }
  if (n < size) std::memset(dst + n, 0, size - n);
}

}  // namespace paraevm::evm
