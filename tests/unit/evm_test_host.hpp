// Test support for the interpreter tests: an in-memory mock Host that records what the code
// does, and a small bytecode builder.
#pragma once

#include <functional>
#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "base/uint256.hpp"
#include "evm/host.hpp"
#include "evm/interpreter.hpp"
#include "evm/opcodes.hpp"

namespace paraevm::test {

struct MockAccount {
  U256 balance;
  Bytes code;
  std::map<U256, U256> storage;
  std::map<U256, U256> original;  // value at transaction start, when set explicitly
  std::map<U256, U256> transient;
  bool exists = true;
};

struct MockLog {
  Address addr;
  Bytes data;
  std::vector<U256> topics;
};

/// Records every interaction; nested calls are answered by `call_handler` (or a default result
/// that returns all gas).
class MockHost : public Host {
 public:
  std::unordered_map<Address, MockAccount> accounts;
  std::unordered_set<Address> warm_accounts;
  std::set<std::pair<Address, U256>> warm_slots;
  std::vector<Message> calls;
  std::vector<Bytes> call_inputs;  // copies of the inputs, valid after the frame
  std::vector<MockLog> logs;
  std::vector<std::pair<Address, Address>> selfdestructs;
  std::function<Result(const Message&)> call_handler;
  TxContext tx;
  std::map<int64_t, Hash> block_hashes;

  bool account_exists(const Address& a) override {
    auto it = accounts.find(a);
    return it != accounts.end() && it->second.exists;
  }
  U256 get_storage(const Address& a, const U256& k) override {
    auto& s = accounts[a].storage;
    auto it = s.find(k);
    return it == s.end() ? U256{} : it->second;
  }
  /// EVMC's classification from original, current and new value.
  StorageStatus set_storage(const Address& a, const U256& k, const U256& v) override {
    auto& acc = accounts[a];
    U256 current = get_storage(a, k);
    auto oit = acc.original.find(k);
    U256 original = oit == acc.original.end() ? current : oit->second;
    if (oit == acc.original.end()) acc.original[k] = current;
    acc.storage[k] = v;
    if (current == v) return StorageStatus::Assigned;
    if (original == current) {
      if (original.is_zero()) return StorageStatus::Added;
      return v.is_zero() ? StorageStatus::Deleted : StorageStatus::Modified;
    }
    if (!original.is_zero()) {
      if (current.is_zero())
        return v == original ? StorageStatus::DeletedRestored : StorageStatus::DeletedAdded;
      if (v.is_zero()) return StorageStatus::ModifiedDeleted;
      return v == original ? StorageStatus::ModifiedRestored : StorageStatus::Assigned;
    }
    return v.is_zero() ? StorageStatus::AddedDeleted : StorageStatus::Assigned;
  }
  U256 get_balance(const Address& a) override {
    auto it = accounts.find(a);
    return it == accounts.end() ? U256{} : it->second.balance;
  }
  size_t get_code_size(const Address& a) override {
    auto it = accounts.find(a);
    return it == accounts.end() ? 0 : it->second.code.size();
  }
  Hash get_code_hash(const Address& a) override {
    auto it = accounts.find(a);
    if (it == accounts.end() || !it->second.exists) return {};
    return keccak256(it->second.code);
  }
  size_t copy_code(const Address& a, size_t offset, uint8_t* out, size_t size) override {
    auto it = accounts.find(a);
    if (it == accounts.end() || offset >= it->second.code.size()) return 0;
    size_t n = std::min(size, it->second.code.size() - offset);
    std::memcpy(out, it->second.code.data() + offset, n);
    return n;
  }
  bool selfdestruct(const Address& a, const Address& b) override {
    for (auto& [x, y] : selfdestructs)
      if (x == a) return false;
    selfdestructs.emplace_back(a, b);
    return true;
  }
  Result call(const Message& msg) override {
    calls.push_back(msg);
    call_inputs.emplace_back(msg.input.begin(), msg.input.end());
    if (call_handler) return call_handler(msg);
    Result r;
    r.gas_left = msg.gas;
    return r;
  }
  const TxContext& get_tx_context() override { return tx; }
  Hash get_block_hash(int64_t n) override {
    auto it = block_hashes.find(n);
    return it == block_hashes.end() ? Hash{} : it->second;
  }
  void emit_log(const Address& a, BytesView d, std::span<const U256> t) override {
    logs.push_back({a, Bytes(d.begin(), d.end()), std::vector<U256>(t.begin(), t.end())});
  }
  AccessStatus access_account(const Address& a) override {
    return warm_accounts.insert(a).second ? AccessStatus::Cold : AccessStatus::Warm;
  }
  AccessStatus access_storage(const Address& a, const U256& k) override {
    return warm_slots.insert({a, k}).second ? AccessStatus::Cold : AccessStatus::Warm;
  }
  U256 get_transient_storage(const Address& a, const U256& k) override {
    auto& t = accounts[a].transient;
    auto it = t.find(k);
    return it == t.end() ? U256{} : it->second;
  }
  void set_transient_storage(const Address& a, const U256& k, const U256& v) override {
    accounts[a].transient[k] = v;
  }
};

/// Bytecode builder: `Code{} + push(1) + push(2) + OP_ADD`.
struct Code {
  Bytes bytes;
  Code() = default;
  Code(Opcode op) : bytes{op} {}  // NOLINT: implicit from an opcode reads well in tests
  Code operator+(const Code& o) const {
    Code c = *this;
    c.bytes.insert(c.bytes.end(), o.bytes.begin(), o.bytes.end());
    return c;
  }
  Code operator+(Opcode op) const {
    Code c = *this;
    c.bytes.push_back(op);
    return c;
  }
};

/// PUSHn with the minimal n (PUSH1 for zero).
inline Code push(const U256& v) {
  unsigned n = v.byte_width();
  if (n == 0) n = 1;
  Code c;
  c.bytes.push_back(static_cast<uint8_t>(OP_PUSH1 + n - 1));
  uint8_t buf[32];
  v.to_be(buf);
  c.bytes.insert(c.bytes.end(), buf + 32 - n, buf + 32);
  return c;
}
inline Code push(const Address& a) {
  Code c;
  c.bytes.push_back(static_cast<uint8_t>(OP_PUSH1 + 19));
  c.bytes.insert(c.bytes.end(), a.begin(), a.end());
  return c;
}
/// Raw bytes from hex.
inline Code raw(std::string_view hex) {
  Code c;
  c.bytes = *from_hex(hex);
  return c;
}
/// Stores the top of the stack at memory 0 and returns those 32 bytes.
inline Code ret_top() { return push(0) + OP_MSTORE + push(32) + push(0) + OP_RETURN; }

inline Address addr(uint8_t last) {
  Address a;
  a[19] = last;
  return a;
}

/// Runs `code` as a plain call at depth 0 with `gas` in `rev`.
inline Result run(MockHost& host, Revision rev, const Code& code, int64_t gas = 1'000'000,
                  bool is_static = false, BytesView input = {}) {
  Message msg;
  msg.gas = gas;
  msg.recipient = addr(0xaa);
  msg.sender = addr(0xbb);
  msg.code_address = msg.recipient;
  msg.is_static = is_static;
  msg.input = input;
  return execute(host, rev, msg, BytesView{code.bytes});
}

/// The 32-byte output of a frame as a number.
inline U256 output_word(const Result& r) { return U256::from_be(r.output); }

}  // namespace paraevm::test
