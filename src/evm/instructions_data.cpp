// EXP, KECCAK256, the copy instructions and the environment reads.
#include "base/keccak.hpp"
#include "evm/instructions.hpp"

namespace paraevm::evm {
namespace {

/// Charges memory for [mem_offset, mem_offset + size) plus 3 gas per copied word.
bool charge_copy(Frame& f, int64_t& gas, const U256& mem_offset, const U256& size) {
  if (!check_memory(f, gas, mem_offset, size)) return false;
  gas -= words_cost(size.limb[0], 3);  // check_memory bounded size when non-zero
  return gas >= 0;
}

}  // namespace

OpResult op_exp(Frame& f, U256* sp, int64_t gas) {
  // EIP-160 (Spurious Dragon) raised the per-byte cost of the exponent from 10 to 50.
  const int64_t per_byte = at_least(f.rev, Revision::SpuriousDragon) ? 50 : 10;
  gas -= per_byte * sp[-1].byte_width();
  if (gas < 0) return {StatusCode::OutOfGas, gas};
  sp[-1] = exp(sp[0], sp[-1]);
  return {StatusCode::Success, gas};
}

OpResult op_keccak256(Frame& f, U256* sp, int64_t gas) {
  if (!check_memory(f, gas, sp[0], sp[-1])) return {StatusCode::OutOfGas, gas};
  const uint64_t size = sp[-1].limb[0];
  gas -= words_cost(size, 6);
  if (gas < 0) return {StatusCode::OutOfGas, gas};
  BytesView data = size == 0 ? BytesView{} : BytesView{f.memory.data() + sp[0].limb[0], size};
  sp[-1] = fast::from_hash(keccak256(data));
  return {StatusCode::Success, gas};
}

void op_calldataload(Frame& f, U256* sp) {
  uint8_t buf[32];
  copy_padded(buf, 32, f.msg.input.data(), f.msg.input.size(), sp[0]);
  sp[0] = fast::load_be32(buf);
}

OpResult op_calldatacopy(Frame& f, U256* sp, int64_t gas) {
  if (!charge_copy(f, gas, sp[0], sp[-2])) return {StatusCode::OutOfGas, gas};
  if (!sp[-2].is_zero())
    copy_padded(f.memory.data() + sp[0].limb[0], sp[-2].limb[0], f.msg.input.data(),
                f.msg.input.size(), sp[-1]);
  return {StatusCode::Success, gas};
}

OpResult op_codecopy(Frame& f, U256* sp, int64_t gas) {
  if (!charge_copy(f, gas, sp[0], sp[-2])) return {StatusCode::OutOfGas, gas};
  if (!sp[-2].is_zero())
    copy_padded(f.memory.data() + sp[0].limb[0], sp[-2].limb[0], f.code.data(), f.code.size(),
                sp[-1]);
  return {StatusCode::Success, gas};
}

OpResult op_returndatacopy(Frame& f, U256* sp, int64_t gas) {
  if (!charge_copy(f, gas, sp[0], sp[-2])) return {StatusCode::OutOfGas, gas};
  // EIP-211: reading past the end of the return data is an exceptional halt.
  const U256& src = sp[-1];
  const U256& size = sp[-2];
  if (!src.fits_u64() || src.limb[0] > f.return_data.size() ||
      size.limb[0] > f.return_data.size() - src.limb[0])
    return {StatusCode::InvalidMemoryAccess, gas};
  if (!size.is_zero())
    std::memcpy(f.memory.data() + sp[0].limb[0], f.return_data.data() + src.limb[0],
                size.limb[0]);
  return {StatusCode::Success, gas};
}

OpResult op_mcopy(Frame& f, U256* sp, int64_t gas) {
  // EIP-5656: memory covers both the source and the destination region.
  if (!check_memory(f, gas, sp[-1], sp[-2]) || !charge_copy(f, gas, sp[0], sp[-2]))
    return {StatusCode::OutOfGas, gas};
  if (!sp[-2].is_zero())
    std::memmove(f.memory.data() + sp[0].limb[0], f.memory.data() + sp[-1].limb[0],
                 sp[-2].limb[0]);
  return {StatusCode::Success, gas};
}

OpResult op_extcodecopy(Frame& f, U256* sp, int64_t gas) {
  const Address addr = fast::to_address(sp[0]);
  if (!charge_copy(f, gas, sp[-1], sp[-3])) return {StatusCode::OutOfGas, gas};
  if (!access_account(f, gas, addr)) return {StatusCode::OutOfGas, gas};
  const uint64_t size = sp[-3].is_zero() ? 0 : sp[-3].limb[0];
  if (size == 0) return {StatusCode::Success, gas};
  uint8_t* dst = f.memory.data() + sp[-1].limb[0];
  size_t n = 0;
  if (sp[-2].fits_u64()) n = f.host.copy_code(addr, sp[-2].limb[0], dst, size);
  if (n < size) std::memset(dst + n, 0, size - n);
  return {StatusCode::Success, gas};
}

OpResult op_balance(Frame& f, U256* sp, int64_t gas) {
  const Address addr = fast::to_address(sp[0]);
  if (!access_account(f, gas, addr)) return {StatusCode::OutOfGas, gas};
  sp[0] = f.host.get_balance(addr);
  return {StatusCode::Success, gas};
}

OpResult op_extcodesize(Frame& f, U256* sp, int64_t gas) {
  const Address addr = fast::to_address(sp[0]);
  if (!access_account(f, gas, addr)) return {StatusCode::OutOfGas, gas};
  sp[0] = U256{f.host.get_code_size(addr)};
  return {StatusCode::Success, gas};
}

OpResult op_extcodehash(Frame& f, U256* sp, int64_t gas) {
  const Address addr = fast::to_address(sp[0]);
  if (!access_account(f, gas, addr)) return {StatusCode::OutOfGas, gas};
  sp[0] = fast::from_hash(f.host.get_code_hash(addr));
  return {StatusCode::Success, gas};
}

void op_selfbalance(Frame& f, U256* sp) { sp[1] = f.host.get_balance(f.msg.recipient); }

void op_blockhash(Frame& f, U256* sp) {
  const int64_t current = f.tx_context().number;
  const U256& n = sp[0];
  // Only the 256 most recent complete blocks are visible.
  const bool visible = n.fits_u64() && n.limb[0] < static_cast<uint64_t>(current) &&
                       static_cast<int64_t>(n.limb[0]) >= current - 256;
  sp[0] = visible ? fast::from_hash(f.host.get_block_hash(static_cast<int64_t>(n.limb[0])))
                  : U256{};
}

void op_blobhash(Frame& f, U256* sp) {
  const auto& hashes = f.tx_context().blob_hashes;
  const U256& i = sp[0];
  sp[0] = i.fits_u64() && i.limb[0] < hashes.size() ? fast::from_hash(hashes[i.limb[0]]) : U256{};
}

}  // namespace paraevm::evm
