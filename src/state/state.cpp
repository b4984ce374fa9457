#include "state/state.hpp"

#include <cassert>

#include "base/keccak.hpp"

namespace paraevm {

State::Account& State::entry(const Address& addr) {
  // Consecutive accesses mostly hit the same account (the running contract's SLOAD/SSTORE,
  // warming then reading a call target): remember the last one.
  if (last_ != nullptr && last_->address == addr) return *last_;
  auto [it, inserted] = accounts_.try_emplace(addr);
  if (inserted) it->second.address = addr;
  last_ = &it->second;
  return it->second;
}

State::Account& State::load(const Address& addr) {
  Account& acc = entry(addr);
  if (!acc.loaded) {
    acc.loaded = true;
    StateView::AccountRead read = view_.read_account_lazily(addr);
    acc.base = read.info;
    acc.balance_known = read.balance_known || !read.info;
    if (acc.base) {
      acc.info = *acc.base;
      acc.exists = true;
    }
    // An account credited lazily and loaded afterwards: the credit becomes part of its balance
    // (after the last rollback, as credit_lazily requires, so nothing is journaled), so that the
    // diff lists the account once.
    if (const auto credit = credits_.find(addr); credit != credits_.end()) {
      (acc.balance_known ? acc.info.balance : acc.pending_credit) += credit->second;
      acc.exists = true;
      credits_.erase(credit);
    }
  }
  return acc;
}

void State::load_balance(Account& acc) {
  if (acc.balance_known) return;
  // Not journaled: a rollback leaves what was read (as for the account itself).
  const U256 balance = view_.read_balance(acc.address);
  acc.base->balance = balance;  // engaged: only an existing account comes without its balance
  acc.info.balance = balance;   // zero until now: credits went to pending_credit
  acc.balance_known = true;
}

U256 State::balance_of(Account& acc) {
  load_balance(acc);
  return acc.info.balance + acc.pending_credit;
}

bool State::is_empty(Account& acc) {
  if (!acc.exists) return true;
  if (acc.info.nonce != 0 || acc.info.has_code()) return false;
  return balance_of(acc).is_zero();
}

State::Account& State::load_for_write(const Address& addr) {
  Account& acc = load(addr);
  if (!acc.exists) {
    journal_.push_back({Undo::Exists, &acc, nullptr, U256{0}});
    acc.exists = true;
  }
  return acc;
}

State::Slot& State::load_slot(Account& acc, const U256& key) {
  auto [it, inserted] = acc.storage.try_emplace(key);
  if (inserted) {
    // An account created in this transaction has no storage from the view (its old storage was
    // discarded, and the address had none when collision rules hold).
    if (!acc.storage_cleared && acc.base) it->second.original = view_.read_storage(acc.address, key);
    it->second.current = it->second.original;
  }
  return it->second;
}

void State::ensure_code(Account& acc) {
  if (acc.code) return;
  acc.code = acc.info.has_code() ? view_.read_code(acc.info.code_hash) : empty_code();
}

bool State::exists(const Address& addr) { return load(addr).exists; }

bool State::is_empty(const Address& addr) { return is_empty(load(addr)); }

uint64_t State::get_nonce(const Address& addr) { return load(addr).info.nonce; }
U256 State::get_balance(const Address& addr) { return balance_of(load(addr)); }

Hash State::get_code_hash(const Address& addr) {
  const Account& acc = load(addr);
  return acc.exists ? acc.info.code_hash : kEmptyCodeHash;
}

SharedCode State::get_code(const Address& addr) {
  Account& acc = load(addr);
  if (!acc.exists) return empty_code();
  ensure_code(acc);
  return acc.code;
}

bool State::has_storage(const Address& addr) {
  Account& acc = load(addr);
  for (const auto& [key, slot] : acc.storage)
    if (!slot.current.is_zero()) return true;
  return acc.base && !acc.storage_cleared && view_.has_storage(addr);
}

void State::set_nonce(const Address& addr, uint64_t nonce) {
  Account& acc = load_for_write(addr);
  journal_.push_back({Undo::Nonce, &acc, nullptr, U256{acc.info.nonce}});
  acc.info.nonce = nonce;
}

void State::set_balance(const Address& addr, const U256& balance) {
  Account& acc = load_for_write(addr);
  load_balance(acc);
  journal_.push_back({Undo::Balance, &acc, nullptr, acc.info.balance});
  acc.info.balance = balance - acc.pending_credit;  // wrapping: the sum is `balance`
}

void State::add_balance(const Address& addr, const U256& amount) {
  Account& acc = load_for_write(addr);
  if (!acc.balance_known) {
    // A credit needs no balance: it stays one (a delta, for the parallel engine).
    journal_.push_back({Undo::PendingCredit, &acc, nullptr, acc.pending_credit});
    acc.pending_credit += amount;
    return;
  }
  journal_.push_back({Undo::Balance, &acc, nullptr, acc.info.balance});
  acc.info.balance += amount;
}

void State::sub_balance(const Address& addr, const U256& amount) {
  Account& acc = load_for_write(addr);
  assert(balance_of(acc) >= amount);
  load_balance(acc);
  journal_.push_back({Undo::Balance, &acc, nullptr, acc.info.balance});
  acc.info.balance -= amount;
}

void State::set_code(const Address& addr, SharedCode code) {
  Account& acc = load_for_write(addr);
  ensure_code(acc);
  code_undo_.emplace_back(acc.info.code_hash, acc.code);
  journal_.push_back({Undo::Code, &acc, nullptr, U256{code_undo_.size() - 1}});
  if (!code || code->empty()) {
    acc.code = empty_code();
    acc.info.code_hash = kEmptyCodeHash;
  } else {
    acc.info.code_hash = keccak256(*code);
    acc.code = std::move(code);
  }
  acc.code_changed = true;
}

void State::touch(const Address& addr) {
  Account& acc = load_for_write(addr);
  if (acc.touched) return;
  journal_.push_back({Undo::Touched, &acc, nullptr, U256{0}});
  acc.touched = true;
}

void State::touch_persistent(const Address& addr) {
  load(addr).touched_persistent = true;
}

void State::create_contract(const Address& addr) {
  Account& acc = load_for_write(addr);
  // Discard storage the address may hold: zero every cached slot (journaled), then stop reading
  // the view's storage.
  for (auto& [key, slot] : acc.storage) {
    if (slot.current.is_zero()) continue;
    journal_.push_back({Undo::Storage, &acc, &slot, slot.current});
    slot.current = U256{0};
  }
  if (!acc.storage_cleared) {
    journal_.push_back({Undo::StorageCleared, &acc, nullptr, U256{0}});
    acc.storage_cleared = true;
  }
  if (!acc.created) {
    journal_.push_back({Undo::Created, &acc, nullptr, U256{0}});
    acc.created = true;
  }
}

bool State::is_created(const Address& addr) { return load(addr).created; }

bool State::mark_destructed(const Address& addr) {
  Account& acc = load(addr);
  if (acc.destructed) return false;
  journal_.push_back({Undo::Destructed, &acc, nullptr, U256{0}});
  acc.destructed = true;
  return true;
}

U256 State::get_storage(const Address& addr, const U256& key) {
  Account& acc = load(addr);
  if (!acc.exists) return U256{0};
  return load_slot(acc, key).current;
}

U256 State::get_original_storage(const Address& addr, const U256& key) {
  Account& acc = load(addr);
  if (!acc.exists || acc.created) return U256{0};
  return load_slot(acc, key).original;
}

void State::set_storage(const Address& addr, const U256& key, const U256& value) {
  Account& acc = load_for_write(addr);
  Slot& slot = load_slot(acc, key);
  journal_.push_back({Undo::Storage, &acc, &slot, slot.current});
  slot.current = value;
}

U256 State::get_transient(const Address& addr, const U256& key) {
  auto it = accounts_.find(addr);
  if (it == accounts_.end()) return U256{0};
  auto slot = it->second.transient.find(key);
  return slot == it->second.transient.end() ? U256{0} : slot->second;
}

void State::set_transient(const Address& addr, const U256& key, const U256& value) {
  Account& acc = load(addr);
  U256& slot = acc.transient[key];
  journal_.push_back({Undo::Transient, &acc, &slot, slot});
  slot = value;
}

bool State::is_warm_precompile(const Address& addr) const {
  for (size_t i = 0; i < 18; ++i)
    if (addr[i] != 0) return false;
  const unsigned low = (unsigned{addr[18]} << 8) | addr[19];
  return (low >= 1 && low <= warm_precompiles_) || (warm_p256_ && low == 0x100);
}

AccessStatus State::access_account(const Address& addr) {
  if (is_warm_precompile(addr)) return AccessStatus::Warm;
  // Warming reads nothing: the EIP-3651 warm coinbase must not make every transaction read it.
  Account& acc = entry(addr);
  if (acc.warm) return AccessStatus::Warm;
  journal_.push_back({Undo::WarmAccount, &acc, nullptr, U256{0}});
  acc.warm = true;
  return AccessStatus::Cold;
}

AccessStatus State::access_storage(const Address& addr, const U256& key) {
  Account& acc = load(addr);
  Slot& slot = load_slot(acc, key);
  if (slot.warm) return AccessStatus::Warm;
  journal_.push_back({Undo::WarmSlot, &acc, &slot, U256{0}});
  slot.warm = true;
  return AccessStatus::Cold;
}

void State::add_log(Log log) {
  logs_.push_back(std::move(log));
  journal_.push_back({Undo::Log, nullptr, nullptr, U256{0}});
}

void State::undo(const JournalEntry& e) {
  Account* const acc = e.account;  // null for a log entry
  switch (e.kind) {
    case Undo::Exists:
      acc->exists = false;
      break;
    case Undo::Nonce:
      acc->info.nonce = e.prev.low64();
      break;
    case Undo::Balance:
      acc->info.balance = e.prev;
      break;
    case Undo::PendingCredit:
      acc->pending_credit = e.prev;
      break;
    case Undo::Code: {
      auto& [hash, code] = code_undo_[e.prev.low64()];
      acc->info.code_hash = hash;
      acc->code = std::move(code);
      code_undo_.pop_back();
      break;
    }
    case Undo::Storage:
      static_cast<Slot*>(e.slot)->current = e.prev;
      break;
    case Undo::Transient:
      *static_cast<U256*>(e.slot) = e.prev;
      break;
    case Undo::WarmAccount:
      acc->warm = false;
      break;
    case Undo::WarmSlot:
      static_cast<Slot*>(e.slot)->warm = false;
      break;
    case Undo::Touched:
      acc->touched = false;
      break;
    case Undo::Destructed:
      acc->destructed = false;
      break;
    case Undo::Created:
      acc->created = false;
      break;
    case Undo::StorageCleared:
      acc->storage_cleared = false;
      break;
    case Undo::Log:
      logs_.pop_back();
      break;
  }
}

void State::rollback(Checkpoint cp) {
  while (journal_.size() > cp) {
    undo(journal_.back());
    journal_.pop_back();
  }
}

void State::finalize(bool clear_touched_empty) {
  for (auto& [addr, acc] : accounts_) {
    if (!acc.exists) continue;
    if (acc.destructed || (clear_touched_empty && (acc.touched || acc.touched_persistent) && is_empty(acc))) {
      acc.exists = false;
    }
  }
  journal_.clear();
  code_undo_.clear();
}

Hash State::peek_code_hash(const Address& addr) {
  const auto it = accounts_.find(addr);
  if (it != accounts_.end() && it->second.loaded)
    return it->second.exists ? it->second.info.code_hash : kEmptyCodeHash;
  return view_.read_code_hash(addr);
}

void State::credit_lazily(const Address& addr, const U256& amount) {
  // A zero amount only touches, which cannot matter to an account with a pending non-zero
  // credit (it is not empty afterwards): loading it here would read it after all.
  if (amount.is_zero() && credits_.count(addr)) return;
  const auto it = accounts_.find(addr);
  if (amount.is_zero() || (it != accounts_.end() && it->second.loaded)) {
    touch(addr);  // a zero credit still touches the account (EIP-161 removal)
    add_balance(addr, amount);
    return;
  }
  credits_[addr] += amount;
}

StateDiff State::build_diff() const {
  StateDiff diff;
  for (const auto& [addr, amount] : credits_) {
    AccountDiff d;
    d.address = addr;
    d.balance_credit = amount;
    diff.accounts.push_back(std::move(d));
  }
  for (const auto& [addr, acc] : accounts_) {
    if (!acc.exists) {
      if (acc.base) {
        AccountDiff gone;
        gone.address = addr;
        gone.deleted = true;
        diff.accounts.push_back(std::move(gone));
      }
      continue;
    }
    AccountDiff d;
    d.address = addr;
    const bool is_new = !acc.base;
    d.storage_cleared = acc.storage_cleared && acc.base;
    const AccountInfo old = acc.base.value_or(AccountInfo{});
    if (acc.info.nonce != old.nonce) d.nonce = acc.info.nonce;
    if (acc.balance_known) {
      const U256 balance = acc.info.balance + acc.pending_credit;
      if (balance != old.balance) d.balance = balance;
    } else if (!acc.pending_credit.is_zero()) {
      d.balance_credit = acc.pending_credit;
      d.balance_unread = true;
      diff.balance_unread = true;
    }
    if (acc.info.code_hash != old.code_hash) {
      d.code_hash = acc.info.code_hash;
      if (acc.info.has_code()) d.code = acc.code;
    }
    for (const auto& [key, slot] : acc.storage) {
      // After a wipe every non-zero slot is new; otherwise only slots that changed.
      const U256& before = acc.storage_cleared ? U256{0} : slot.original;
      if (slot.current != before) d.storage.push_back({key, slot.current});
    }
    const bool changed = is_new || d.storage_cleared || d.nonce || d.balance || d.balance_credit ||
                         d.code_hash || !d.storage.empty();
    if (changed) diff.accounts.push_back(std::move(d));
  }
  return diff;
}

}  // namespace paraevm
