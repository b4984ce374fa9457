// What a run of diffs did to one account's fields (existence, nonce, balance, code hash), kept
// apart from the account itself: the overlays of the transfer path and of the optimistic round
// answer reads as the base state plus these changes, without copying the accounts they touch.
// The rules are InMemoryState::apply_account's.
#pragma once

#include <cstdint>
#include <optional>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"

namespace paraevm::parallel {

struct AccountChanges {
  bool wiped = false;   // deleted at some point: the base account no longer counts
  bool exists = false;  // written since the last deletion (the fields below may then be set)
  std::optional<uint64_t> nonce;
  std::optional<U256> balance;
  std::optional<Hash> code_hash;
  U256 credit;  // added to the balance

  /// Adds `d`'s changes to the account's fields (not its storage).
  void apply(const AccountDiff& d) {
    if (d.deleted) {
      *this = AccountChanges{};
      wiped = true;
      return;
    }
    exists = true;
    if (d.nonce) nonce = *d.nonce;
    if (d.code_hash) code_hash = *d.code_hash;
    if (d.balance) {
      balance = *d.balance;
      credit = U256{};
    }
    if (d.balance_credit) credit = credit + *d.balance_credit;
  }

  /// The account as `base` holds it, with these changes.
  std::optional<AccountInfo> read(StateView& base, const Address& addr) const {
    std::optional<AccountInfo> before = wiped ? std::nullopt : base.read_account(addr);
    if (!exists) return before;
    AccountInfo info = before.value_or(AccountInfo{});
    if (nonce) info.nonce = *nonce;
    if (code_hash) info.code_hash = *code_hash;
    if (balance) info.balance = *balance;
    info.balance = info.balance + credit;
    return info;
  }
};

}  // namespace paraevm::parallel
