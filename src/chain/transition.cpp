#include "chain/transition.hpp"

#include <algorithm>
#include <cstring>

#include "chain/blob_gas.hpp"
#include "chain/intrinsic_gas.hpp"
#include "chain/sender.hpp"
#include "precompiles/precompile.hpp"
#include "state/host.hpp"
#include "state/revision_rules.hpp"
#include "state/state.hpp"

namespace paraevm {
namespace {

constexpr int64_t kAuthExistingRefund = 25000 - 12500;  // PER_EMPTY_ACCOUNT - PER_AUTH_BASE

U256 effective_gas_price(const Transaction& tx, const BlockEnv& block) {
  if (tx.type < TxType::DynamicFee) return tx.gas_price;
  const U256 room = tx.max_fee_per_gas - block.base_fee;  // validated: max_fee >= base_fee
  return std::min(tx.max_priority_fee_per_gas, room) + block.base_fee;
}

/// EIP-7702: applies each valid authorization; returns the refund for existing authorities.
int64_t apply_authorizations(State& state, const BlockEnv& block, const Transaction& tx) {
  int64_t refund = 0;
  for (const Authorization& auth : tx.authorizations) {
    if (!auth.chain_id.is_zero() && auth.chain_id != block.chain_id) continue;
    if (auth.nonce == UINT64_MAX) continue;
    const auto authority = recover_authority(auth);
    if (!authority) continue;
    state.access_account(*authority);
    const SharedCode code = state.get_code(*authority);
    if (!code->empty() && !delegation_target(*code)) continue;
    if (state.get_nonce(*authority) != auth.nonce) continue;
    if (state.exists(*authority)) refund += kAuthExistingRefund;
    if (auth.address.is_zero()) {
      state.set_code(*authority, nullptr);
    } else {
      auto designator = std::make_shared<Bytes>(23);
      (*designator)[0] = 0xef;
      (*designator)[1] = 0x01;
      std::memcpy(designator->data() + 3, auth.address.data(), 20);
      state.set_code(*authority, std::move(designator));
    }
    state.set_nonce(*authority, auth.nonce + 1);
  }
  return refund;
}

TxContext make_context(const BlockEnv& block, Revision rev, const Transaction& tx,
                       const Address& sender, const U256& gas_price) {
  TxContext ctx;
  ctx.gas_price = gas_price;
  ctx.origin = sender;
  ctx.coinbase = block.coinbase;
  ctx.number = block.number;
  ctx.timestamp = block.timestamp;
  ctx.gas_limit = block.gas_limit;
  ctx.prev_randao = at_least(rev, Revision::Paris) ? block.prev_randao : block.difficulty;
  ctx.chain_id = block.chain_id;
  ctx.base_fee = block.base_fee;
  ctx.blob_base_fee = block.blob_base_fee;
  ctx.blob_hashes = tx.blob_versioned_hashes;
  return ctx;
}

/// Warms the EIP-2929 sets the transaction starts with (harmless before Berlin: nothing reads
/// them).
void warm_initial(State& state, Revision rev, const BlockEnv& block, const Transaction& tx,
                  const Address& sender, const Address& target) {
  state.access_account(sender);
  state.access_account(target);
  const WarmPrecompiles warm = warm_precompiles(rev);
  state.set_warm_precompiles(warm.consecutive, warm.p256);
  if (rules(rev).warm_coinbase) state.access_account(block.coinbase);  // EIP-3651
  for (const AccessListEntry& e : tx.access_list) {
    state.access_account(e.address);
    for (const U256& key : e.storage_keys) state.access_storage(e.address, key);
  }
}

}  // namespace

namespace {

std::optional<TxError> validate(State& state, const BlockEnv& block, Revision rev,
                                const Transaction& tx, const Address& sender,
                                const BlockGasLeft& gas_left) {
  if (auto err = validate_static(tx, rev, block, gas_left)) return err;
  std::optional<AccountInfo> info;
  if (state.exists(sender))
    info = AccountInfo{state.get_nonce(sender), state.get_balance(sender),
                       state.get_code_hash(sender)};
  return validate_against_sender(tx, rev, info, *state.get_code(sender));
}

/// A plain value transfer (no calldata, positive value) to an account without code that is not
/// a precompile: it runs no code, so the recipient is credited lazily, without reading its
/// balance. In parallel execution, transfers into one account (an exchange's deposit address)
/// then do not depend on each other; the code check reads only the code hash. In order the
/// result is the same as the call it replaces.
bool is_lazy_transfer(State& state, Revision rev, const Transaction& tx, const Address& sender,
                      const Address& target, Tracer* tracer) {
  return tracer == nullptr && !tx.is_create() && tx.type != TxType::SetCode && tx.data.empty() &&
         !tx.value.is_zero() && target != sender && !is_precompile(rev, target) &&
         state.peek_code_hash(target) == kEmptyCodeHash;
}

/// The transaction's top-level call or creation through a host.
Result execute_message(State& state, Revision rev, const TxContext& ctx, const Transaction& tx,
                       const Address& target, uint64_t gas, Tracer* tracer) {
  StateHost host(state, rev, ctx, tracer);
  Message msg;
  msg.kind = tx.is_create() ? CallKind::Create : CallKind::Call;
  msg.gas = static_cast<int64_t>(gas);
  msg.recipient = target;
  msg.sender = ctx.origin;
  msg.code_address = target;
  msg.input = tx.data;
  msg.value = tx.value;
  return host.call(msg);
}

/// Gas the sender pays: used gas less the capped refund (EIP-3529 quotient), at least the
/// EIP-7623 floor.
uint64_t gas_charged(const Transaction& tx, const RevisionRules& r, int64_t gas_left,
                     int64_t refund, uint64_t floor) {
  const uint64_t used = tx.gas_limit - static_cast<uint64_t>(gas_left);
  const uint64_t granted =
      std::min<uint64_t>(used / r.refund_quotient, static_cast<uint64_t>(std::max<int64_t>(refund, 0)));
  const uint64_t charged = used - granted;
  return r.calldata_floor ? std::max(charged, floor) : charged;
}

}  // namespace

TxOutcome apply_transaction(State& state, const BlockEnv& block, Revision rev,
                            const Transaction& tx, const Address& sender, Tracer* tracer,
                            const BlockGasLeft& gas_left) {
  TxOutcome out;
  if ((out.error = validate(state, block, rev, tx, sender, gas_left))) return out;

  const RevisionRules& r = rules(rev);
  const IntrinsicGas ig = intrinsic_gas(rev, tx);
  const U256 gas_price = effective_gas_price(tx, block);
  const uint64_t blob_gas = tx.blob_versioned_hashes.size() * kGasPerBlob;

  // Pre-execution: buy gas, bump the nonce, warm the initial access sets, authorizations
  // (EIP-7702: they stay even when the call fails).
  state.sub_balance(sender, U256{tx.gas_limit} * gas_price + U256{blob_gas} * block.blob_base_fee);
  state.set_nonce(sender, tx.nonce + 1);
  const Address target = tx.is_create() ? create_address(sender, tx.nonce) : *tx.to;
  warm_initial(state, rev, block, tx, sender, target);
  int64_t refund = 0;
  if (tx.type == TxType::SetCode) refund += apply_authorizations(state, block, tx);

  const TxContext ctx = make_context(block, rev, tx, sender, gas_price);
  Result res;
  if (is_lazy_transfer(state, rev, tx, sender, target, tracer)) {
    state.sub_balance(sender, tx.value);  // validated: the balance covers value and gas
    state.credit_lazily(target, tx.value);
    res.gas_left = static_cast<int64_t>(tx.gas_limit - ig.cost);
  } else {
    res = execute_message(state, rev, ctx, tx, target, tx.gas_limit - ig.cost, tracer);
  }
  if (res.status == StatusCode::Success) refund += res.gas_refund;

  // Post-execution: refund the unused gas, pay the priority fee, clean up.
  const uint64_t gas_used = gas_charged(tx, r, res.gas_left, refund, ig.floor);
  state.add_balance(sender, U256{tx.gas_limit - gas_used} * gas_price);
  // A lazy credit: in parallel execution the fee creates no dependency on the coinbase.
  state.credit_lazily(block.coinbase, U256{gas_used} * (gas_price - block.base_fee));
  state.finalize(r.clear_touched_empty);

  TxReceipt& receipt = out.receipt;
  receipt.type = tx.type;
  receipt.status = res.status;
  receipt.gas_used = gas_used;
  receipt.blob_gas_used = blob_gas;
  receipt.logs = state.take_logs();
  out.bloom = bloom_of_logs(receipt.logs);
  receipt.output = std::move(res.output);
  if (tx.is_create() && res.status == StatusCode::Success) receipt.contract_address = target;
  receipt.diff = state.build_diff();
  return out;
}

TxOutcome apply_transaction(StateView& view, const BlockEnv& block, Revision rev,
                            const Transaction& tx, const Address& sender, Tracer* tracer,
                            const BlockGasLeft& gas_left) {
  State state(view);
  return apply_transaction(state, block, rev, tx, sender, tracer, gas_left);
}

}  // namespace paraevm
