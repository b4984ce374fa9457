#include "parallel/optimistic_block.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

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

namespace {

// The finaliser of MurmurHash3: every input bit reaches every output bit.
uint64_t mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t address_fingerprint(const Address& addr) {
  uint64_t a = 0, b = 0;
  uint32_t c = 0;
  std::memcpy(&a, addr.data(), 8);
  std::memcpy(&b, addr.data() + 8, 8);
  std::memcpy(&c, addr.data() + 16, 4);
  return mix64(a ^ mix64(b ^ mix64(c)));
}

}  // namespace

uint64_t CommittedOverlay::part_fingerprint(const Address& addr, Part part) {
  return mix64(address_fingerprint(addr) + static_cast<uint64_t>(part) + 1);
}

uint64_t CommittedOverlay::slot_fingerprint(const Address& addr, const U256& key) {
  uint64_t h = address_fingerprint(addr) ^ 0x5851F42D4C957F2DULL;
  for (uint64_t limb : key.limb) h = mix64(h ^ limb);
  return h;
}

void CommittedOverlay::mark(uint64_t fingerprint) {
  if (fingerprint == 0) fingerprint = 1;  // 0 marks an empty slot; a collision costs a re-run
  if (2 * (marks_count_ + 1) > marks_.size()) {
    std::vector<uint64_t> old(std::max<size_t>(1024, 2 * marks_.size()), 0);
    old.swap(marks_);
    marks_mask_ = marks_.size() - 1;
    marks_count_ = 0;
    for (uint64_t f : old)
      if (f != 0) mark(f);
  }
  for (size_t i = fingerprint & marks_mask_;; i = (i + 1) & marks_mask_) {
    if (marks_[i] == fingerprint) return;
    if (marks_[i] == 0) {
      marks_[i] = fingerprint;
      ++marks_count_;
      return;
    }
  }
}

bool CommittedOverlay::marked(uint64_t fingerprint) const {
  if (fingerprint == 0) fingerprint = 1;
  if (marks_count_ == 0) return false;
  for (size_t i = fingerprint & marks_mask_;; i = (i + 1) & marks_mask_) {
    if (marks_[i] == fingerprint) return true;
    if (marks_[i] == 0) return false;
  }
}

void CommittedOverlay::reset(StateView& pre, size_t expected_accounts) {
  pre_ = &pre;
  // About four marks per expected account, at most half the slots used: 8 bytes each.
  const size_t slots = std::bit_ceil(std::max<size_t>(1024, 8 * expected_accounts));
  if (marks_.size() != slots) {
    marks_.assign(slots, 0);
  } else {
    std::fill(marks_.begin(), marks_.end(), 0);
  }
  marks_mask_ = slots - 1;
  marks_count_ = 0;
  pending_.clear();
  account_index_.reset(expected_accounts);
  accounts_.clear();
  slot_index_.reset(expected_accounts);
  slots_.clear();
  codes_.clear();
}

void CommittedOverlay::accept(const StateDiff& diff) {
  for (const AccountDiff& d : diff.accounts) {
    if (d.deleted) {
      mark(part_fingerprint(d.address, Part::kInfo));
      mark(part_fingerprint(d.address, Part::kCode));
      mark(part_fingerprint(d.address, Part::kStorageWipe));
      continue;
    }
    // A diff of storage alone leaves what read_account() sees as it was (such an account has
    // code, so it existed before).
    if (d.nonce || d.balance || d.balance_credit || d.code_hash || d.storage.empty())
      mark(part_fingerprint(d.address, Part::kInfo));
    if (d.storage_cleared) mark(part_fingerprint(d.address, Part::kStorageWipe));
    if (d.code_hash) mark(part_fingerprint(d.address, Part::kCode));
    for (const StorageChange& c : d.storage) mark(slot_fingerprint(d.address, c.key));
    if (!d.storage.empty()) mark(part_fingerprint(d.address, Part::kStorageWrite));
  }
  pending_.push_back(&diff);
}

bool CommittedOverlay::changed(const PreStateRead& read) const {
  using Kind = PreStateRead::Kind;
  switch (read.kind) {
    case Kind::kAccount:  // existence, nonce, balance (a credit included), code hash
      return marked(part_fingerprint(read.address, Part::kInfo));
    case Kind::kCodeHash:  // changed by new code or removal only
      return marked(part_fingerprint(read.address, Part::kCode));
    case Kind::kStorage:
      return marked(slot_fingerprint(read.address, read.slot)) ||
             marked(part_fingerprint(read.address, Part::kStorageWipe));
    case Kind::kHasStorage:
      return marked(part_fingerprint(read.address, Part::kStorageWipe)) ||
             marked(part_fingerprint(read.address, Part::kStorageWrite));
  }
  return true;
}

void CommittedOverlay::catch_up() {
  for (const StateDiff* diff : pending_) apply_to_maps(*diff);
  pending_.clear();
}

void CommittedOverlay::apply_to_maps(const StateDiff& diff) {
  for (const AccountDiff& d : diff.accounts) {
    uint32_t& index = account_index_[d.address];  // index + 1
    if (index == 0) {
      accounts_.emplace_back();
      index = static_cast<uint32_t>(accounts_.size());
    }
    Entry& e = accounts_[index - 1];
    e.fields.apply(d);
    // InMemoryState::apply_account erases a deleted account with its storage, and a creation
    // wipes what storage the address had.
    if (d.deleted || d.storage_cleared) {
      e.storage_wiped = true;
      ++e.storage_generation;
    }
    if (d.deleted) continue;
    if (d.code_hash && d.code && !d.code->empty()) codes_.emplace_back(*d.code_hash, d.code);
    for (const StorageChange& c : d.storage) {
      uint32_t& slot = slot_index_[{d.address, c.key}];  // index + 1
      if (slot == 0) {
        slots_.emplace_back();
        slot = static_cast<uint32_t>(slots_.size());
      }
      slots_[slot - 1] = {e.storage_generation, c.value};
    }
  }
}

std::optional<AccountInfo> CommittedOverlay::read_account(const Address& addr) {
  catch_up();
  const Entry* e = find_account(addr);
  return e == nullptr ? pre_->read_account(addr) : e->fields.read(*pre_, addr);
}

U256 CommittedOverlay::read_storage(const Address& addr, const U256& key) {
  catch_up();
  const Entry* e = find_account(addr);
  if (e == nullptr) return pre_->read_storage(addr, key);
  if (const SlotEntry* s = find_slot(addr, key); s != nullptr && s->generation == e->storage_generation)
    return s->value;
  return e->storage_wiped ? U256{} : pre_->read_storage(addr, key);
}

SharedCode CommittedOverlay::read_code(const Hash& code_hash) {
  catch_up();
  for (const auto& [hash, code] : codes_)
    if (hash == code_hash) return code;
  return code_through_local_handle(code_hash, [&] { return pre_->read_code(code_hash); });
}

bool CommittedOverlay::has_storage(const Address& addr) {
  // As MvStateView::has_storage: storage written during the block needs code or a nonce at
  // the address first, which the creation-collision check sees on its own.
  catch_up();
  const Entry* e = find_account(addr);
  return (e == nullptr || !e->storage_wiped) && pre_->has_storage(addr);
}

}  // namespace paraevm::parallel
