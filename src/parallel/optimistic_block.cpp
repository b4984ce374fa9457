#include "parallel/optimistic_block.hpp"

#include <algorithm>
#include <bit>

#include "parallel/evm_state_view.hpp"

namespace paraevm::parallel {

std::optional<AccountInfo> RecordingPreStateView::read_account(const Address& addr) {
  reads_.push_back({addr, PreStateRead::Kind::kAccount, {}});
  return pre_.read_account(addr);
}

U256 RecordingPreStateView::read_storage(const Address& addr, const U256& key) {
  reads_.push_back({addr, PreStateRead::Kind::kStorage, key});
  return pre_.read_storage(addr, key);
}

SharedCode RecordingPreStateView::read_code(const Hash& code_hash) {
  return code_through_local_handle(code_hash, [&] { return pre_.read_code(code_hash); });
}

bool RecordingPreStateView::has_storage(const Address& addr) {
  reads_.push_back({addr, PreStateRead::Kind::kHasStorage, {}});
  return pre_.has_storage(addr);
}

Hash RecordingPreStateView::read_code_hash(const Address& addr) {
  reads_.push_back({addr, PreStateRead::Kind::kCodeHash, {}});
  return pre_.read_code_hash(addr);
}

uint64_t CommittedOverlay::part_hash(const Address& addr, Part part) {
  return (static_cast<uint64_t>(FixedBytesHasher{}(addr)) + static_cast<uint64_t>(part) + 1) * 0x9E3779B97F4A7C15ULL;
}

uint64_t CommittedOverlay::slot_hash(const Address& addr, const U256& key) {
  return static_cast<uint64_t>(SlotKeyHash{}({addr, key})) * 0xC2B2AE3D27D4EB4FULL;
}

void CommittedOverlay::reset(StateView& pre, size_t expected_accounts) {
  pre_ = &pre;
  // About 32 bits per expected account (a transaction changes a handful of things): most
  // stay clear. At most 2 MiB.
  const size_t words = std::bit_ceil(std::clamp<size_t>(expected_accounts / 2, 64, size_t{1} << 18));
  filter_.assign(words, 0);
  filter_mask_ = words - 1;
  account_index_.reset(expected_accounts);
  accounts_.clear();
  slot_index_.reset(expected_accounts);
  slots_.clear();
  codes_.clear();
}

void CommittedOverlay::apply(const StateDiff& diff) {
  for (const AccountDiff& d : diff.accounts) {
    uint32_t& index = account_index_[d.address];  // index + 1
    if (index == 0) {
      accounts_.emplace_back();
      index = static_cast<uint32_t>(accounts_.size());
    }
    Entry& e = accounts_[index - 1];
    if (d.deleted) {  // InMemoryState::apply_account erases the account with its storage
      mark(part_hash(d.address, Part::kInfo));
      mark(part_hash(d.address, Part::kCode));
      mark(part_hash(d.address, Part::kStorageWipe));
      const uint32_t generation = e.storage_generation + 1;
      e = Entry{};
      e.wiped = e.storage_wiped = e.info_written = true;
      e.storage_generation = generation;
      continue;
    }
    e.exists = true;
    // A diff of storage alone leaves what read_account() sees as it was (such an account has
    // code, so it existed before).
    if (d.nonce || d.balance || d.balance_credit || d.code_hash || d.storage.empty()) {
      e.info_written = true;
      mark(part_hash(d.address, Part::kInfo));
    }
    if (d.storage_cleared) {
      e.storage_wiped = true;
      ++e.storage_generation;
      mark(part_hash(d.address, Part::kStorageWipe));
    }
    if (d.code_hash) mark(part_hash(d.address, Part::kCode));
    if (d.nonce) e.nonce = *d.nonce;
    if (d.code_hash) {
      e.code_hash = *d.code_hash;
      if (d.code && !d.code->empty()) codes_.emplace_back(*d.code_hash, d.code);
    }
    if (d.balance) {
      e.balance = *d.balance;
      e.credit = U256{};
    }
    if (d.balance_credit) e.credit = e.credit + *d.balance_credit;
    for (const StorageChange& c : d.storage) {
      uint32_t& slot = slot_index_[{d.address, c.key}];  // index + 1
      if (slot == 0) {
        slots_.emplace_back();
        slot = static_cast<uint32_t>(slots_.size());
      }
      slots_[slot - 1] = {e.storage_generation, c.value};
      mark(slot_hash(d.address, c.key));
      e.storage_written = true;
    }
    if (!d.storage.empty()) mark(part_hash(d.address, Part::kStorageWrite));
  }
}

bool CommittedOverlay::changed(const PreStateRead& read) const {
  using Kind = PreStateRead::Kind;
  // The filter first: a clear bit means that no accepted diff changed that part (the checks
  // below never answer true for it then).
  switch (read.kind) {
    case Kind::kAccount:
      if (!marked(part_hash(read.address, Part::kInfo))) return false;
      break;
    case Kind::kCodeHash:
      if (!marked(part_hash(read.address, Part::kCode))) return false;
      break;
    case Kind::kStorage:
      if (!marked(slot_hash(read.address, read.slot)) && !marked(part_hash(read.address, Part::kStorageWipe)))
        return false;
      break;
    case Kind::kHasStorage:
      if (!marked(part_hash(read.address, Part::kStorageWipe)) && !marked(part_hash(read.address, Part::kStorageWrite)))
        return false;
      break;
  }
  const Entry* e = find_account(read.address);
  switch (read.kind) {
    case Kind::kAccount:
      return e != nullptr && e->info_written;  // a balance credit included
    case Kind::kCodeHash:
      return e != nullptr && (e->wiped || e->code_hash.has_value());
    case Kind::kStorage:
      return e != nullptr && (e->storage_wiped || find_slot(read.address, read.slot) != nullptr);
    case Kind::kHasStorage:
      return e != nullptr && (e->storage_wiped || e->storage_written);
  }
  return true;
}

std::optional<AccountInfo> CommittedOverlay::read_account(const Address& addr) {
  const Entry* e = find_account(addr);
  if (e == nullptr) return pre_->read_account(addr);
  std::optional<AccountInfo> base = e->wiped ? std::nullopt : pre_->read_account(addr);
  if (!e->exists) return base;
  AccountInfo info = base.value_or(AccountInfo{});
  if (e->nonce) info.nonce = *e->nonce;
  if (e->code_hash) info.code_hash = *e->code_hash;
  if (e->balance) info.balance = *e->balance;
  info.balance = info.balance + e->credit;
  return info;
}

U256 CommittedOverlay::read_storage(const Address& addr, const U256& key) {
  const Entry* e = find_account(addr);
  if (e == nullptr) return pre_->read_storage(addr, key);
  if (const SlotEntry* s = find_slot(addr, key); s != nullptr && s->generation == e->storage_generation)
    return s->value;
  return e->storage_wiped ? U256{} : pre_->read_storage(addr, key);
}

SharedCode CommittedOverlay::read_code(const Hash& code_hash) {
  for (const auto& [hash, code] : codes_)
    if (hash == code_hash) return code;
  return code_through_local_handle(code_hash, [&] { return pre_->read_code(code_hash); });
}

bool CommittedOverlay::has_storage(const Address& addr) {
  // As MvStateView::has_storage: storage written during the block needs code or a nonce at
  // the address first, which the creation-collision check sees on its own.
  const Entry* e = find_account(addr);
  return (e == nullptr || !e->storage_wiped) && pre_->has_storage(addr);
}

}  // namespace paraevm::parallel
