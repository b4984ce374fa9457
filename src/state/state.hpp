// The journaled state of one transaction: an overlay over a StateView that loads each account
// and slot on first access, buffers every write, and can roll back to a checkpoint (a failed or
// reverted call frame). At the end of the transaction build_diff() yields the changes as a
// StateDiff. The EVM reaches it through the Host (state/host.hpp); it never touches the view.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "evm/host.hpp"
#include "state/log.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"
#include "state/u256_hash.hpp"

namespace paraevm {

class State {
 public:
  /// `view` must outlive the State. Nothing is read until first access.
  explicit State(StateView& view) : view_(view) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  StateView& view() { return view_; }

  // ---- accounts ----
  /// Whether the account exists, empty accounts included (the pre-EIP-161 notion).
  bool exists(const Address& addr);
  /// Whether the account is absent or EIP-161 empty (no code, zero nonce, zero balance).
  bool is_empty(const Address& addr);
  uint64_t get_nonce(const Address& addr);
  U256 get_balance(const Address& addr);
  /// kEmptyCodeHash for an account without code, and for an absent one.
  Hash get_code_hash(const Address& addr);
  /// The account's code (never null; empty for an absent account).
  SharedCode get_code(const Address& addr);
  /// Whether the account has any non-zero storage slot (EIP-7610 creation collision).
  bool has_storage(const Address& addr);

  /// Writers create the account when it does not exist.
  void set_nonce(const Address& addr, uint64_t nonce);
  void set_balance(const Address& addr, const U256& balance);
  void add_balance(const Address& addr, const U256& amount);
  /// Precondition: the balance is at least `amount`.
  void sub_balance(const Address& addr, const U256& amount);
  void set_code(const Address& addr, SharedCode code);
  /// Adds `amount` to the balance without reading the account when this transaction has not
  /// loaded it, so that fee credits to the coinbase create no dependency between transactions
  /// (build_diff() reports such a credit as AccountDiff::balance_credit). A zero amount, or an
  /// account already loaded, takes the ordinary touch + add_balance path. Not journaled: call it
  /// after the last rollback, before finalize(); the account must not be accessed afterwards.
  void credit_lazily(const Address& addr, const U256& amount);
  /// The code hash of an account this transaction has not loaded, read without loading it (so
  /// without reading its balance); the loaded value otherwise.
  Hash peek_code_hash(const Address& addr);
  /// Records an EIP-161 touch, creating the account (empty) when it does not exist. Touched
  /// accounts that are empty at the end of the transaction are removed by finalize().
  void touch(const Address& addr);
  /// A touch that no rollback undoes: the RIPEMD-160 precompile exception of mainnet block
  /// 2675119, which execution-specs keep (a failed call to an empty 0x03 still clears it).
  /// Removes the account at finalize() only if it then exists and is empty.
  void touch_persistent(const Address& addr);
  /// Turns `addr` into a new contract account (CREATE/CREATE2): existing storage is discarded,
  /// the account exists, and is marked as created in this transaction (EIP-6780, EIP-2200
  /// original values read zero). Nonce, balance and code are left to the caller.
  void create_contract(const Address& addr);
  /// Whether the account was created by CREATE/CREATE2 in this transaction.
  bool is_created(const Address& addr);
  /// Registers `addr` for deletion at the end of the transaction. Returns true when it was not
  /// registered before.
  bool mark_destructed(const Address& addr);

  // ---- storage ----
  /// Current value of a slot.
  U256 get_storage(const Address& addr, const U256& key);
  /// Value at the start of the transaction (zero for an account created in it).
  U256 get_original_storage(const Address& addr, const U256& key);
  void set_storage(const Address& addr, const U256& key, const U256& value);
  /// EIP-1153 transient storage (starts empty in each transaction).
  U256 get_transient(const Address& addr, const U256& key);
  void set_transient(const Address& addr, const U256& key, const U256& value);

  // ---- EIP-2929 access sets ----
  /// Makes precompile addresses 0x01..0x`count` (and 0x0100 with `p256`) warm for the whole
  /// transaction (EIP-2929) without an entry each: every transaction starts with them warm, and
  /// eighteen map insertions per transaction were a measurable share of a plain transfer.
  void set_warm_precompiles(uint8_t count, bool p256) {
    warm_precompiles_ = count;
    warm_p256_ = p256;
  }
  /// Marks the account warm and returns its previous status.
  AccessStatus access_account(const Address& addr);
  AccessStatus access_storage(const Address& addr, const U256& key);

  // ---- logs ----
  void add_log(Log log);
  const std::vector<Log>& logs() const { return logs_; }
  std::vector<Log> take_logs() { return std::move(logs_); }

  // ---- journal ----
  using Checkpoint = size_t;
  /// A point to roll back to; checkpoints nest like call frames.
  Checkpoint checkpoint() const { return journal_.size(); }
  /// Undoes every change made since `cp` (balances, nonces, code, storage, transient storage,
  /// warm sets, touches, logs, creations, self-destruct registrations).
  void rollback(Checkpoint cp);

  // ---- end of the transaction ----
  /// Removes accounts registered by mark_destructed and, when `clear_touched_empty` (EIP-161,
  /// from Spurious Dragon), touched accounts that are empty. Not journaled: call it once, after
  /// the last rollback.
  void finalize(bool clear_touched_empty);
  /// The changes relative to the view, one entry per changed account.
  StateDiff build_diff() const;

  /// Hash of block `number` (zero when unknown).
  Hash get_block_hash(uint64_t number) { return view_.read_block_hash(number); }

 private:
  struct Slot {
    U256 original;  // value in the view (tx start)
    U256 current;
    bool warm = false;
  };
  struct Account {
    Address address;
    std::optional<AccountInfo> base;  // as the view returned it
    AccountInfo info;                 // current
    SharedCode code;                  // null until loaded or set
    bool loaded = false;  // base has been read from the view (warming alone reads nothing)
    // The view gave the account without its balance (StateView::read_account_lazily): until
    // the balance is used, base->balance and info.balance hold zero and credits go to
    // pending_credit. The balance is always info.balance + pending_credit.
    bool balance_known = true;
    U256 pending_credit;
    bool exists = false;
    bool created = false;          // CREATE/CREATE2 in this tx
    bool storage_cleared = false;  // the view's storage no longer applies
    bool destructed = false;
    bool touched = false;
    bool touched_persistent = false;
    bool warm = false;
    bool code_changed = false;
    std::unordered_map<U256, Slot, U256Hash> storage;
    std::unordered_map<U256, U256, U256Hash> transient;
  };
  enum class Undo : uint8_t {
    Exists, Nonce, Balance, PendingCredit, Code, Storage, Transient, WarmAccount, WarmSlot,
    Touched, Destructed, Created, StorageCleared, Log,
  };
  /// One undo record. Account and slot pointers stay valid: unordered_map nodes never move.
  struct JournalEntry {
    Undo kind;
    Account* account;
    void* slot;  // Slot* for Storage/WarmSlot, U256* (transient value) for Transient
    U256 prev;   // previous balance, nonce, slot value, or index into code_undo_
  };

  /// The account's entry, created without reading the view.
  Account& entry(const Address& addr);
  /// The entry with the account read from the view.
  Account& load(const Address& addr);
  Account& load_for_write(const Address& addr);
  /// Reads the balance of an account loaded without it.
  void load_balance(Account& acc);
  /// The account's balance, read if it was not yet.
  U256 balance_of(Account& acc);
  /// EIP-161 emptiness of a loaded account (its balance read only when it decides).
  bool is_empty(Account& acc);
  Slot& load_slot(Account& acc, const U256& key);
  void ensure_code(Account& acc);
  void undo(const JournalEntry& e);

  bool is_warm_precompile(const Address& addr) const;

  StateView& view_;
  uint8_t warm_precompiles_ = 0;
  bool warm_p256_ = false;
  std::unordered_map<Address, Account, FixedBytesHasher> accounts_;
  Account* last_ = nullptr;  // the last account entry() returned (nodes never move or go away)
  std::vector<JournalEntry> journal_;
  std::vector<std::pair<Hash, SharedCode>> code_undo_;
  std::vector<Log> logs_;
  /// credit_lazily() amounts of accounts this transaction never loaded.
  std::unordered_map<Address, U256, FixedBytesHasher> credits_;
};

}  // namespace paraevm
