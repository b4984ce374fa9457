// SLOAD, SSTORE, transient storage and LOGn.
#include "evm/instructions.hpp"
#include "evm/sstore_costs.hpp"

namespace paraevm::evm {

OpResult op_sload(Frame& f, U256* sp, int64_t gas) {
  if (at_least(f.rev, Revision::Berlin) &&
      f.host.access_storage(f.msg.recipient, sp[0]) == AccessStatus::Cold) {
    gas -= kColdSloadSurcharge;  // EIP-2929
    if (gas < 0) return {StatusCode::OutOfGas, gas};
  }
  sp[0] = f.host.get_storage(f.msg.recipient, sp[0]);
  return {StatusCode::Success, gas};
}

OpResult op_sstore(Frame& f, U256* sp, int64_t gas) {
  if (f.msg.is_static) return {StatusCode::StaticModeViolation, gas};
  // EIP-2200 (Istanbul): SSTORE needs more than the call stipend left, so that a 2300-gas
  // callee cannot change state. EIP-1283 in Constantinople had no such check.
  if (at_least(f.rev, Revision::Istanbul) && gas <= kSstoreSentry) return {StatusCode::OutOfGas, gas};
  if (at_least(f.rev, Revision::Berlin) &&
      f.host.access_storage(f.msg.recipient, sp[0]) == AccessStatus::Cold)
    gas -= kColdSstoreSurcharge;  // EIP-2929
  const StorageStatus status = f.host.set_storage(f.msg.recipient, sp[0], sp[-1]);
  const SstoreCost cost = sstore_cost(f.rev, status);
  gas -= cost.gas;
  if (gas < 0) return {StatusCode::OutOfGas, gas};
  f.refund += cost.refund;
  return {StatusCode::Success, gas};
}

void op_tload(Frame& f, U256* sp) {
  sp[0] = f.host.get_transient_storage(f.msg.recipient, sp[0]);
}

StatusCode op_tstore(Frame& f, U256* sp) {
  if (f.msg.is_static) return StatusCode::StaticModeViolation;  // EIP-1153
  f.host.set_transient_storage(f.msg.recipient, sp[0], sp[-1]);
  return StatusCode::Success;
}

OpResult op_log(Frame& f, U256* sp, int64_t gas, int topics) {
  if (f.msg.is_static) return {StatusCode::StaticModeViolation, gas};
  if (!check_memory(f, gas, sp[0], sp[-1])) return {StatusCode::OutOfGas, gas};
  const uint64_t size = sp[-1].is_zero() ? 0 : sp[-1].limb[0];
  gas -= static_cast<int64_t>(size) * 8;
  if (gas < 0) return {StatusCode::OutOfGas, gas};
  U256 t[4];
  for (int i = 0; i < topics; ++i) t[i] = sp[-2 - i];
  BytesView data = size == 0 ? BytesView{} : BytesView{f.memory.data() + sp[0].limb[0], size};
  f.host.emit_log(f.msg.recipient, data, std::span<const U256>(t, static_cast<size_t>(topics)));
  return {StatusCode::Success, gas};
}

}  // namespace paraevm::evm
