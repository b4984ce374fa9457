// The CALL family, CREATE/CREATE2, SELFDESTRUCT and RETURN/REVERT: the gas rules of nested
// frames (EIP-150's 63/64, the 2300 stipend, EIP-2929 access, EIP-3860 init code, EIP-7702
// delegation). Value transfer, depth and balance checks and state snapshots are the host's.
#include "evm/instructions.hpp"
#include "evm/opcodes.hpp"

namespace paraevm::evm {
namespace {

constexpr int64_t kCallValueCost = 9000;
constexpr int64_t kCallStipend = 2300;
constexpr int64_t kNewAccountCost = 25000;
constexpr int64_t kSelfdestructRefund = 24000;
constexpr uint64_t kMaxInitcodeSize = 2 * 24576;  // EIP-3860

/// EIP-150: a caller keeps at least 1/64 of its gas.
constexpr int64_t all_but_one_64th(int64_t gas) { return gas - gas / 64; }

/// EIP-7702 (Prague): when `target`'s code is a delegation designator (0xef0100 || address),
/// the call also pays for accessing the delegate. False on out of gas.
bool charge_delegation(Frame& f, int64_t& gas, const Address& target) {
  if (!at_least(f.rev, Revision::Prague)) return true;
  uint8_t code[24];
  if (f.host.copy_code(target, 0, code, sizeof code) != 23) return true;
  if (code[0] != 0xef || code[1] != 0x01 || code[2] != 0x00) return true;
  Address delegate;
  std::memcpy(delegate.data(), code + 3, 20);
  gas -= f.host.access_account(delegate) == AccessStatus::Cold ? kColdAccountCost
                                                               : kWarmAccessCost;
  return gas >= 0;
}

/// Gas of the CALL family beyond the base cost, before the callee's gas is set aside.
bool charge_call_extras(Frame& f, int64_t& gas, uint8_t opcode, const Address& dst,
                        const U256& value) {
  if (!access_account(f, gas, dst)) return false;
  if (!charge_delegation(f, gas, dst)) return false;
  const bool has_value = !value.is_zero();
  if (has_value) gas -= kCallValueCost;
  if (opcode == OP_CALL) {
    // Before EIP-161 (Spurious Dragon) any call to a non-existent account paid for creating it;
    // from then on only a value transfer to an empty account does.
    const bool creates = at_least(f.rev, Revision::SpuriousDragon) ? has_value : true;
    if (creates && !f.host.account_exists(dst)) gas -= kNewAccountCost;
  }
  return gas >= 0;
}

}  // namespace

OpResult op_call(Frame& f, U256* sp, int64_t gas, uint8_t opcode) {
  const bool takes_value = opcode == OP_CALL || opcode == OP_CALLCODE;
  const int a = takes_value ? 3 : 2;  // index of the input offset
  const U256 gas_arg = sp[0];
  const Address dst = fast::to_address(sp[-1]);
  const U256 value = takes_value ? sp[-2] : U256{};
  const U256 in_off = sp[-a], in_size = sp[-a - 1], out_off = sp[-a - 2], out_size = sp[-a - 3];
  U256& result = sp[-a - 3];

  if (opcode == OP_CALL && f.msg.is_static && !value.is_zero())
    return {StatusCode::StaticModeViolation, gas};
  if (!check_memory(f, gas, in_off, in_size) || !check_memory(f, gas, out_off, out_size))
    return {StatusCode::OutOfGas, gas};
  if (!charge_call_extras(f, gas, opcode, dst, value)) return {StatusCode::OutOfGas, gas};

  int64_t call_gas;
  if (at_least(f.rev, Revision::TangerineWhistle)) {
    const int64_t cap = all_but_one_64th(gas);
    call_gas = gas_arg.fits_u64() && gas_arg.limb[0] < static_cast<uint64_t>(cap)
                   ? static_cast<int64_t>(gas_arg.limb[0])
                   : cap;
  } else {
    if (!gas_arg.fits_u64() || gas_arg.limb[0] > static_cast<uint64_t>(gas))
      return {StatusCode::OutOfGas, gas};
    call_gas = static_cast<int64_t>(gas_arg.limb[0]);
  }
  gas -= call_gas;

  Message msg;
  msg.kind = opcode == OP_DELEGATECALL ? CallKind::DelegateCall
             : opcode == OP_CALLCODE   ? CallKind::CallCode
                                       : CallKind::Call;
  msg.is_static = f.msg.is_static || opcode == OP_STATICCALL;
  msg.depth = f.msg.depth + 1;
  msg.gas = call_gas + (value.is_zero() ? 0 : kCallStipend);  // the stipend is free to the caller
  msg.recipient = opcode == OP_CALL || opcode == OP_STATICCALL ? dst : f.msg.recipient;
  msg.sender = opcode == OP_DELEGATECALL ? f.msg.sender : f.msg.recipient;
  msg.code_address = dst;
  msg.value = opcode == OP_DELEGATECALL ? f.msg.value : value;
  if (!in_size.is_zero()) msg.input = {f.memory.data() + in_off.limb[0], in_size.limb[0]};

  Result r = f.host.call(msg);
  gas += r.gas_left;
  if (r.status == StatusCode::Success) f.refund += r.gas_refund;
  if (!out_size.is_zero()) {
    const size_t n = std::min<size_t>(out_size.limb[0], r.output.size());
    if (n != 0) std::memcpy(f.memory.data() + out_off.limb[0], r.output.data(), n);
  }
  f.return_data = std::move(r.output);
  result = U256{r.status == StatusCode::Success ? 1u : 0u};
  return {StatusCode::Success, gas};
}

OpResult op_create(Frame& f, U256* sp, int64_t gas, uint8_t opcode) {
  if (f.msg.is_static) return {StatusCode::StaticModeViolation, gas};
  const U256 value = sp[0], offset = sp[-1], size = sp[-2];
  if (!check_memory(f, gas, offset, size)) return {StatusCode::OutOfGas, gas};
  const uint64_t n = size.is_zero() ? 0 : size.limb[0];
  if (at_least(f.rev, Revision::Shanghai)) {
    if (n > kMaxInitcodeSize) return {StatusCode::OutOfGas, gas};  // EIP-3860
    gas -= words_cost(n, 2);
  }
  if (opcode == OP_CREATE2) gas -= words_cost(n, 6);  // EIP-1014: hashing the init code
  if (gas < 0) return {StatusCode::OutOfGas, gas};

  const int64_t call_gas =
      at_least(f.rev, Revision::TangerineWhistle) ? all_but_one_64th(gas) : gas;
  gas -= call_gas;

  Message msg;
  msg.kind = opcode == OP_CREATE2 ? CallKind::Create2 : CallKind::Create;
  msg.depth = f.msg.depth + 1;
  msg.gas = call_gas;
  msg.sender = f.msg.recipient;
  msg.value = value;
  if (opcode == OP_CREATE2) msg.salt = sp[-3];
  if (n != 0) msg.input = {f.memory.data() + offset.limb[0], n};

  Result r = f.host.call(msg);
  gas += r.gas_left;
  U256& result = opcode == OP_CREATE2 ? sp[-3] : sp[-2];
  if (r.status == StatusCode::Success) {
    f.refund += r.gas_refund;
    result = fast::from_address(r.create_address);
  } else {
    result = U256{};
  }
  // EIP-211: only a reverted creation leaves return data.
  if (r.status == StatusCode::Revert)
    f.return_data = std::move(r.output);
  else
    f.return_data.clear();
  return {StatusCode::Success, gas};
}

OpResult op_selfdestruct(Frame& f, U256* sp, int64_t gas) {
  if (f.msg.is_static) return {StatusCode::StaticModeViolation, gas};
  const Address beneficiary = fast::to_address(sp[0]);
  if (at_least(f.rev, Revision::Berlin) &&
      f.host.access_account(beneficiary) == AccessStatus::Cold)
    gas -= kColdAccountCost;  // EIP-2929: SELFDESTRUCT has no warm base, only the cold charge
  if (at_least(f.rev, Revision::TangerineWhistle)) {
    // EIP-150 charges for creating the beneficiary; EIP-161 only when value actually moves.
    const bool moves_value = !at_least(f.rev, Revision::SpuriousDragon) ||
                             !f.host.get_balance(f.msg.recipient).is_zero();
    if (moves_value && !f.host.account_exists(beneficiary)) gas -= kNewAccountCost;
  }
  if (gas < 0) return {StatusCode::OutOfGas, gas};
  // EIP-3529 (London) removed the SELFDESTRUCT refund.
  if (f.host.selfdestruct(f.msg.recipient, beneficiary) && !at_least(f.rev, Revision::London))
    f.refund += kSelfdestructRefund;
  return {StatusCode::Success, gas};
}

OpResult op_return(Frame& f, U256* sp, int64_t gas) {
  if (!check_memory(f, gas, sp[0], sp[-1])) return {StatusCode::OutOfGas, gas};
  if (!sp[-1].is_zero()) {
    const uint8_t* p = f.memory.data() + sp[0].limb[0];
    f.output.assign(p, p + sp[-1].limb[0]);
  }
  return {StatusCode::Success, gas};
}

}  // namespace paraevm::evm
