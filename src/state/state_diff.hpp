// The effect of one transaction (or several, merged) on the state: per account what changed.
// Produced by State::build_diff() after a transaction, consumed by backends
// (InMemoryState::apply, the parallel engine's multi-version memory).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "state/state_view.hpp"

namespace paraevm {

/// A storage slot's new value (zero means the slot is deleted).
struct StorageChange {
  U256 key;
  U256 value;
  friend bool operator==(const StorageChange&, const StorageChange&) = default;
};

/// What happened to one account. An account listed and not `deleted` exists afterwards (it is
/// created with default fields when it did not exist before); the optional fields are set only
/// when their value changed.
struct AccountDiff {
  Address address;
  /// The account no longer exists (SELFDESTRUCT, EIP-161 clean-up of a touched empty account):
  /// remove it and its storage; no other field is set.
  bool deleted = false;
  /// The storage the account had before the transaction is gone (a contract was created at the
  /// address): wipe it before applying `storage`.
  bool storage_cleared = false;
  std::optional<uint64_t> nonce;
  std::optional<U256> balance;
  /// Added to the balance, the account being created when absent: a credit made without reading
  /// the account (State::credit_lazily, the coinbase's fee), or without reading its balance
  /// (`balance_unread`). Never set with `balance`.
  std::optional<U256> balance_credit;
  /// `balance_credit` went to an account whose other fields the transaction read but whose
  /// balance it never used (StateView::read_account_lazily). In-order execution, which reads
  /// every balance it loads, reports the new `balance` instead: the parallel engine's commit
  /// turns such a credit into that balance before the receipt is kept.
  bool balance_unread = false;
  /// A credit to an account the transaction never loaded (State::credit_lazily: the coinbase's
  /// fee, a plain transfer's recipient): nothing but `balance_credit` is set.
  bool credit_only() const {
    return balance_credit && !balance_unread && !balance && !nonce && !code_hash && !deleted && !storage_cleared &&
           storage.empty();
  }
  /// New code hash; `code` holds the code when it is not the empty code.
  std::optional<Hash> code_hash;
  SharedCode code;
  /// Changed slots, in no particular order.
  std::vector<StorageChange> storage;
};

/// The changes of a transaction, one entry per changed account, in no particular order.
struct StateDiff {
  std::vector<AccountDiff> accounts;
  /// Some account's `balance_unread` is set.
  bool balance_unread = false;

  bool empty() const { return accounts.empty(); }
};

}  // namespace paraevm
