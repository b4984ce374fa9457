// The optimistic round: every transaction of the block runs once on the pre-block state, on
// any worker, recording what it read; meanwhile one worker (the committer) goes through the
// block in order as the results come and keeps each one whose reads no earlier transaction
// changed, re-running the others itself on the pre-block state plus what it kept before them.
//
// Where transactions rarely touch what earlier ones wrote (independent transfers, token
// transfers between many accounts, swaps over many pools) this costs little beyond execution
// itself: the round's reads go straight to the pre-block state and its writes stay in the
// transaction's own diff, where multi-version memory publishes every write to every worker and
// reads every location through a shared table (measured: about half again the in-order time of
// an ERC-20 transfer). The committer's work per transaction is a few lookups in its own tables.
// Conflicting transactions run again on the committer, one after the other: the automatic mode
// sends blocks where they are frequent to the engine or runs them in order.
//
// Nothing reaches the block's state before the committer has gone through the whole block, so
// a worker that fails, or a committer that does, leaves nothing to undo.
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "parallel/account_changes.hpp"
#include "parallel/address_map.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"

namespace paraevm::parallel {

/// One read a transaction made of the pre-block state.
struct PreStateRead {
  enum class Kind : uint8_t {
    kAccount,     ///< read_account: existence, nonce, balance, code hash
    kCodeHash,    ///< read_code_hash: the code hash alone (balance credits do not change it)
    kStorage,     ///< read_storage of `slot`
    kHasStorage,  ///< has_storage (EIP-7610 creation collisions)
  };
  Address address;
  Kind kind = Kind::kAccount;
  U256 slot;  // kStorage only
};

/// The pre-block state, recording every read into `reads` (code and block hashes are immutable
/// and not recorded). Workers read the pre-block state concurrently: nobody writes it during
/// the round.
class RecordingPreStateView final : public StateView {
 public:
  RecordingPreStateView(StateView& pre, std::vector<PreStateRead>& reads) : pre_(pre), reads_(reads) {}

  std::optional<AccountInfo> read_account(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override;
  SharedCode read_code(const Hash& code_hash) override;
  Hash read_block_hash(uint64_t number) override { return pre_.read_block_hash(number); }
  bool has_storage(const Address& addr) override;
  Hash read_code_hash(const Address& addr) override;

 private:
  StateView& pre_;
  std::vector<PreStateRead>& reads_;
};

/// The pre-block state plus the diffs the committer accepted so far, in block order: what a
/// transaction sees after those before it (InMemoryState::apply's rules, without copying the
/// accounts it changes). Used by the committer's thread alone.
class CommittedOverlay final : public StateView {
 public:
  void reset(StateView& pre, size_t expected_accounts);
  /// Adds a transaction's diff on top of those before it. `diff` must stay where it is until
  /// the overlay is reset: the reads below apply it only when one is made.
  void accept(const StateDiff& diff);
  /// Whether what `read` saw of the pre-block state may differ after the accepted diffs
  /// (rarely true when it does not: a fingerprint collision, which only costs a re-run).
  bool changed(const PreStateRead& read) const;

  std::optional<AccountInfo> read_account(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override;
  SharedCode read_code(const Hash& code_hash) override;
  Hash read_block_hash(uint64_t number) override { return pre_->read_block_hash(number); }
  bool has_storage(const Address& addr) override;

 private:
  // What the accepted diffs did to an account, on top of the pre-block state.
  struct Entry {
    AccountChanges fields;
    bool storage_wiped = false;       // deleted or re-created: the pre-block storage no longer counts
    uint32_t storage_generation = 0;  // bumped by every wipe: older slot entries read as zero
  };
  struct SlotKey {
    Address address;
    U256 slot;
    friend bool operator==(const SlotKey&, const SlotKey&) = default;
  };
  struct SlotKeyHash {
    size_t operator()(const SlotKey& k) const noexcept {
      return FixedBytesHasher{}(k.address) ^ (k.slot.limb[0] * 0xC2B2AE3D27D4EB4FULL) ^ k.slot.limb[3] ^
             (k.slot.limb[1] << 1) ^ (k.slot.limb[2] << 2);
    }
  };
  struct SlotEntry {
    uint32_t generation = 0;  // the account's storage generation when written
    U256 value;
  };
  // What the accepted diffs changed, as 64-bit fingerprints of (address, part) and (address,
  // slot) in an open-addressing set that stays in the cache: changed() asks it alone. The maps
  // below, which reads need, are brought up to date only when a read is made (before the
  // committer re-runs a transaction): in a block whose transactions rarely conflict most diffs
  // never go into them (measured on ERC-20 transfers: putting every diff into them was most of
  // the committer's own time).
  enum class Part : uint8_t { kInfo, kCode, kStorageWipe, kStorageWrite };
  static uint64_t part_fingerprint(const Address& addr, Part part);
  static uint64_t slot_fingerprint(const Address& addr, const U256& key);
  void mark(uint64_t fingerprint);
  bool marked(uint64_t fingerprint) const;
  /// Puts the accepted diffs that are not yet in the maps into them.
  void catch_up();
  void apply_to_maps(const StateDiff& diff);

  std::vector<uint64_t> marks_;  // 0: empty slot
  size_t marks_mask_ = 0;
  size_t marks_count_ = 0;
  std::vector<const StateDiff*> pending_;  // accepted, not yet in the maps
  StateView* pre_ = nullptr;
  // The maps hold indices into dense vectors: a map's slots stay small (the maps are probed at
  // random) and the entries are appended in order.
  const Entry* find_account(const Address& addr) const {
    const uint32_t* i = account_index_.find(addr);  // index + 1
    return i == nullptr ? nullptr : &accounts_[*i - 1];
  }
  const SlotEntry* find_slot(const Address& addr, const U256& key) const {
    const uint32_t* i = slot_index_.find({addr, key});  // index + 1
    return i == nullptr ? nullptr : &slots_[*i - 1];
  }
  AddressMap<uint32_t> account_index_;
  std::vector<Entry> accounts_;
  FlatMap<SlotKey, uint32_t, SlotKeyHash> slot_index_;
  std::vector<SlotEntry> slots_;
  std::vector<std::pair<Hash, SharedCode>> codes_;  // deployed by accepted diffs (rare)
};

}  // namespace paraevm::parallel
