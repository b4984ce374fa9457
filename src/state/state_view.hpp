// The narrow read interface through which execution reaches its backing state. Sequential
// in-memory state, the parallel engine's multi-version memory and on-disk storage all implement
// it; the journaled State (state/state.hpp) reads through it and buffers every write.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm {

/// keccak256 of the empty string: the code hash of an account without code.
inline constexpr Hash kEmptyCodeHash = {
    {0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7, 0x03, 0xc0,
     0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70}};

struct AccountInfo {
  uint64_t nonce = 0;
  U256 balance;
  Hash code_hash = kEmptyCodeHash;

  bool has_code() const { return code_hash != kEmptyCodeHash; }
  /// EIP-161 emptiness: no code, zero nonce, zero balance.
  bool is_empty() const { return nonce == 0 && balance.is_zero() && !has_code(); }
  friend bool operator==(const AccountInfo&, const AccountInfo&) = default;
};

/// Immutable contract code shared between states and threads.
using SharedCode = std::shared_ptr<const Bytes>;

/// The empty code, as a pointer without a control block (aliasing constructor over a static):
/// copying it touches no reference count. Every account load copies it, and a shared count was
/// a cache line that all the parallel engine's workers wrote.
inline const SharedCode& empty_code() {
  static const Bytes kEmptyBytes;
  static const SharedCode kEmpty(SharedCode{}, &kEmptyBytes);
  return kEmpty;
}

class StateView {
 public:
  virtual ~StateView() = default;
  /// nullopt when the account does not exist.
  virtual std::optional<AccountInfo> read_account(const Address& addr) = 0;
  /// Zero for an absent slot or account.
  virtual U256 read_storage(const Address& addr, const U256& key) = 0;
  /// Code by hash; the empty code for kEmptyCodeHash. Never null.
  virtual SharedCode read_code(const Hash& code_hash) = 0;
  /// Hash of block `number`, zero when unknown.
  virtual Hash read_block_hash(uint64_t number) = 0;
  /// Whether the account has any non-zero storage slot (EIP-7610: creating a contract where
  /// storage exists is a collision). Backends that can hold storage for code-less accounts
  /// must override it; the default (false) is right only for backends that cannot.
  virtual bool has_storage(const Address& /*addr*/) { return false; }
  /// An account as read_account() gives it, except that where `balance_known` is false its
  /// balance is left out (zero here), for read_balance() to give once execution uses it.
  /// Backends that keep balances apart (the parallel engine) thereby spare a transaction that
  /// calls a contract without using its balance a dependency on every transaction that
  /// changed that balance (WETH: its deposits and withdrawals, and every call to it, were the
  /// costliest dependency chain of a dozen of the 51 mainnet blocks). Only an existing account
  /// comes without its balance.
  struct AccountRead {
    std::optional<AccountInfo> info;
    bool balance_known = true;
  };
  virtual AccountRead read_account_lazily(const Address& addr) { return {read_account(addr), true}; }
  /// The balance of an account that read_account_lazily() gave without it.
  virtual U256 read_balance(const Address& addr) {
    const auto info = read_account(addr);
    return info ? info->balance : U256{};
  }
  /// The account's code hash alone (kEmptyCodeHash when absent). Backends where balance
  /// credits are lazy (the parallel engine) answer without depending on those credits.
  virtual Hash read_code_hash(const Address& addr) {
    const auto info = read_account(addr);
    return info ? info->code_hash : kEmptyCodeHash;
  }
};

}  // namespace paraevm
