#include "state/host.hpp"

#include <algorithm>
#include <cstring>

#include "base/keccak.hpp"
#include "evm/interpreter.hpp"
#include "precompiles/precompile.hpp"
#include "state/revision_rules.hpp"

namespace paraevm {
namespace {

constexpr int32_t kMaxDepth = 1024;
constexpr size_t kDelegationSize = 23;
constexpr Address kRipemd160 = {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}};

/// A failed call that hands its gas back to the caller (depth, balance, nonce overflow).
Result refused(const Message& msg, StatusCode status) { return {status, msg.gas, 0, {}, {}}; }

void append_rlp_bytes(Bytes& out, BytesView s) {
  if (s.size() == 1 && s[0] < 0x80) {
    out.push_back(s[0]);
    return;
  }
  out.push_back(static_cast<uint8_t>(0x80 + s.size()));  // callers pass at most 20 bytes
  out.insert(out.end(), s.begin(), s.end());
}

}  // namespace

CodeCache& default_code_cache() {
  static CodeCache cache;
  return cache;
}

StorageStatus classify_storage_write(const U256& original, const U256& current,
                                     const U256& value) {
  if (current == value) return StorageStatus::Assigned;
  if (original == current) {  // clean slot
    if (original.is_zero()) return StorageStatus::Added;
    return value.is_zero() ? StorageStatus::Deleted : StorageStatus::Modified;
  }
  if (original.is_zero())  // dirty, 0 -> Y -> Z
    return value.is_zero() ? StorageStatus::AddedDeleted : StorageStatus::Assigned;
  if (current.is_zero())  // dirty, X -> 0 -> Z
    return value == original ? StorageStatus::DeletedRestored : StorageStatus::DeletedAdded;
  if (value.is_zero()) return StorageStatus::ModifiedDeleted;  // X -> Y -> 0
  return value == original ? StorageStatus::ModifiedRestored : StorageStatus::Assigned;
}

Address create_address(const Address& sender, uint64_t sender_nonce) {
  Bytes payload;
  payload.reserve(32);
  append_rlp_bytes(payload, sender);
  uint8_t be[8];
  int n = 0;
  for (uint64_t v = sender_nonce; v != 0; v >>= 8) be[n++] = static_cast<uint8_t>(v);
  uint8_t nonce_be[8];
  for (int i = 0; i < n; ++i) nonce_be[i] = be[n - 1 - i];
  append_rlp_bytes(payload, BytesView{nonce_be, static_cast<size_t>(n)});
  Bytes rlp;
  rlp.reserve(payload.size() + 1);
  rlp.push_back(static_cast<uint8_t>(0xc0 + payload.size()));
  rlp.insert(rlp.end(), payload.begin(), payload.end());
  return Address::from_view(keccak256(rlp));
}

Address create2_address(const Address& sender, const Bytes32& salt, BytesView init_code) {
  uint8_t buf[1 + 20 + 32 + 32];
  buf[0] = 0xff;
  std::memcpy(buf + 1, sender.data(), 20);
  std::memcpy(buf + 21, salt.data(), 32);
  const Hash code_hash = keccak256(init_code);
  std::memcpy(buf + 53, code_hash.data(), 32);
  return Address::from_view(keccak256(BytesView{buf, sizeof buf}));
}

std::optional<Address> delegation_target(BytesView code) {
  if (code.size() != kDelegationSize || code[0] != 0xef || code[1] != 0x01 || code[2] != 0x00)
    return std::nullopt;
  return Address::from_view(code.subspan(3));
}

bool StateHost::account_exists(const Address& addr) {
  return rules(rev_).empty_is_dead ? !state_.is_empty(addr) : state_.exists(addr);
}

U256 StateHost::get_storage(const Address& addr, const U256& key) {
  return state_.get_storage(addr, key);
}

StorageStatus StateHost::set_storage(const Address& addr, const U256& key, const U256& value) {
  const U256 current = state_.get_storage(addr, key);
  const StorageStatus status =
      classify_storage_write(state_.get_original_storage(addr, key), current, value);
  if (current != value) state_.set_storage(addr, key, value);
  return status;
}

U256 StateHost::get_balance(const Address& addr) { return state_.get_balance(addr); }

size_t StateHost::get_code_size(const Address& addr) { return state_.get_code(addr)->size(); }

Hash StateHost::get_code_hash(const Address& addr) {
  // EXTCODEHASH: zero for a non-existent or EIP-161 empty account.
  return state_.is_empty(addr) ? Hash{} : state_.get_code_hash(addr);
}

size_t StateHost::copy_code(const Address& addr, size_t offset, uint8_t* out, size_t size) {
  const SharedCode code = state_.get_code(addr);
  if (offset >= code->size()) return 0;
  const size_t n = std::min(size, code->size() - offset);
  std::memcpy(out, code->data() + offset, n);
  return n;
}

bool StateHost::selfdestruct(const Address& addr, const Address& beneficiary) {
  const U256 balance = state_.get_balance(addr);
  if (rules(rev_).selfdestruct_only_created && !state_.is_created(addr)) {
    // EIP-6780: the account survives; only its balance moves (to itself: nothing happens).
    if (beneficiary != addr) {
      state_.sub_balance(addr, balance);
      state_.add_balance(beneficiary, balance);
    }
    state_.touch(beneficiary);
    return false;
  }
  // Credit first, then zero: a self-beneficiary burns the balance.
  state_.add_balance(beneficiary, balance);
  state_.set_balance(addr, U256{0});
  state_.touch(beneficiary);
  return state_.mark_destructed(addr);
}

Hash StateHost::get_block_hash(int64_t number) {
  return state_.get_block_hash(static_cast<uint64_t>(number));
}

void StateHost::emit_log(const Address& addr, BytesView data, std::span<const U256> topics) {
  Log log{addr, {}, Bytes(data.begin(), data.end())};
  log.topics.reserve(topics.size());
  for (const U256& t : topics) log.topics.push_back(t.to_be32());
  state_.add_log(std::move(log));
}

AccessStatus StateHost::access_account(const Address& addr) { return state_.access_account(addr); }

AccessStatus StateHost::access_storage(const Address& addr, const U256& key) {
  return state_.access_storage(addr, key);
}

U256 StateHost::get_transient_storage(const Address& addr, const U256& key) {
  return state_.get_transient(addr, key);
}

void StateHost::set_transient_storage(const Address& addr, const U256& key, const U256& value) {
  state_.set_transient(addr, key, value);
}

Result StateHost::call(const Message& msg) {
  if (msg.depth == 0) {
    // The transaction already paid, bumped the nonce and checked the balance.
    if (msg.kind == CallKind::Create || msg.kind == CallKind::Create2) {
      if (collides(msg.recipient)) return {StatusCode::ContractAddressCollision, 0, 0, {}, {}};
      return create_message(msg, msg.recipient);
    }
    return call_message(msg);
  }
  if (msg.depth > kMaxDepth) return refused(msg, StatusCode::CallDepthExceeded);
  if (msg.kind == CallKind::Create || msg.kind == CallKind::Create2) return nested_create(msg);
  const bool transfers = msg.kind == CallKind::Call || msg.kind == CallKind::CallCode;
  if (transfers && !msg.value.is_zero() && state_.get_balance(msg.sender) < msg.value)
    return refused(msg, StatusCode::InsufficientBalance);
  return call_message(msg);
}

bool StateHost::collides(const Address& addr) {
  return state_.get_nonce(addr) != 0 || state_.get_code_hash(addr) != kEmptyCodeHash ||
         state_.has_storage(addr);
}

Result StateHost::nested_create(const Message& msg) {
  const uint64_t nonce = state_.get_nonce(msg.sender);
  if (state_.get_balance(msg.sender) < msg.value)
    return refused(msg, StatusCode::InsufficientBalance);
  if (nonce == UINT64_MAX) return refused(msg, StatusCode::InternalError);  // EIP-2681
  const Address addr = msg.kind == CallKind::Create
                           ? create_address(msg.sender, nonce)
                           : create2_address(msg.sender, msg.salt.to_be32(), msg.input);
  state_.access_account(addr);  // EIP-2929: warm even when the creation fails below
  state_.set_nonce(msg.sender, nonce + 1);
  if (collides(addr)) return {StatusCode::ContractAddressCollision, 0, 0, {}, {}};
  return create_message(msg, addr);
}

Result StateHost::create_message(const Message& msg, const Address& addr) {
  const RevisionRules& r = rules(rev_);
  const State::Checkpoint cp = state_.checkpoint();
  state_.create_contract(addr);
  if (r.new_contract_nonce_one) state_.set_nonce(addr, 1);  // EIP-161
  state_.touch(addr);
  if (!msg.value.is_zero()) {
    state_.sub_balance(msg.sender, msg.value);
    state_.add_balance(addr, msg.value);
  }
  Message frame = msg;
  frame.recipient = addr;
  frame.code_address = addr;
  frame.input = {};
  const AnalyzedCode init_code(msg.input);
  Result res = execute(*this, rev_, frame, init_code, tracer_);
  res.create_address = addr;
  if (res.status != StatusCode::Success) {
    state_.rollback(cp);
    res.gas_refund = 0;
    return res;
  }
  const Bytes& code = res.output;
  const int64_t deposit = static_cast<int64_t>(code.size()) * 200;
  const bool bad_prefix = r.reject_ef_code && !code.empty() && code[0] == 0xef;  // EIP-3541
  const bool too_big = r.max_code_size != 0 && code.size() > r.max_code_size;   // EIP-170
  if (bad_prefix || too_big || deposit > res.gas_left) {
    if (!bad_prefix && !too_big && !r.deposit_oog_fails) {
      // Frontier: the contract stays, without code.
      res.output.clear();
      return res;
    }
    state_.rollback(cp);
    return {bad_prefix ? StatusCode::ContractValidationFailure : StatusCode::OutOfGas, 0, 0, {},
            addr};
  }
  res.gas_left -= deposit;
  state_.set_code(addr, std::make_shared<const Bytes>(std::move(res.output)));
  res.output.clear();
  return res;
}

Result StateHost::call_message(const Message& msg) {
  const State::Checkpoint cp = state_.checkpoint();
  state_.touch(msg.recipient);
  if (!msg.value.is_zero() && msg.kind != CallKind::DelegateCall) {
    state_.sub_balance(msg.sender, msg.value);
    state_.add_balance(msg.recipient, msg.value);
  }
  Address code_addr = msg.code_address;
  SharedCode code = state_.get_code(code_addr);
  bool precompiles_enabled = true;
  if (rules(rev_).delegation) {
    if (auto target = delegation_target(*code)) {  // EIP-7702: run the delegate's code
      code_addr = *target;
      code = state_.get_code(code_addr);
      precompiles_enabled = false;
      if (msg.depth == 0) state_.access_account(code_addr);
    }
  }
  Result res;
  if (precompiles_enabled && is_precompile(rev_, code_addr)) {
    PrecompileResult p = run_precompile(rev_, code_addr, msg.input, msg.gas);
    res.status = p.success ? StatusCode::Success : StatusCode::PrecompileFailure;
    res.gas_left = p.success ? p.gas_left : 0;
    res.output = std::move(p.output);
  } else if (code->empty()) {
    res.gas_left = msg.gas;
  } else {
    const Hash code_hash = state_.get_code_hash(code_addr);
    auto analyzed = code_cache_.get(code_hash, *code);
    res = execute(*this, rev_, msg, *analyzed, tracer_);
  }
  if (res.status != StatusCode::Success) {
    state_.rollback(cp);
    res.gas_refund = 0;
  }
  // execution-specs keep a touch of 0x03 through any failing frame (mainnet block 2675119).
  if (msg.recipient == kRipemd160 && rules(rev_).clear_touched_empty)
    state_.touch_persistent(msg.recipient);
  return res;
}

}  // namespace paraevm
