// A StateView over plain hash maps: the backing state of state tests, unit tests and sequential
// block execution. Loadable account by account (a test's `pre`), updated with apply(StateDiff),
// and able to compute its Merkle-Patricia state root.
//
// Accounts are split over kShards hash maps by address, so that the parallel engine's commit can
// apply a block's diffs with one worker per group of shards (apply_shards): a worker only ever
// touches its own maps. Everything else is single-threaded, as for any container.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"
#include "state/u256_hash.hpp"

namespace paraevm {

class InMemoryState final : public StateView {
 public:
  /// One stored account. Storage holds non-zero slots only.
  struct Account {
    uint64_t nonce = 0;
    U256 balance;
    Hash code_hash = kEmptyCodeHash;
    SharedCode code;  // never null
    std::unordered_map<U256, U256, U256Hash> storage;

    AccountInfo info() const { return {nonce, balance, code_hash}; }
  };

  InMemoryState();

  /// Creates or replaces an account (code hash computed here). Zero-valued slots are ignored.
  void set_account(const Address& addr, uint64_t nonce, const U256& balance, Bytes code,
                   const std::unordered_map<U256, U256, U256Hash>& storage = {});
  /// Sets one slot of an existing account (zero deletes it). Returns false when the account
  /// does not exist.
  bool set_storage(const Address& addr, const U256& key, const U256& value);
  void set_block_hash(uint64_t number, const Hash& hash) { block_hashes_[number] = hash; }
  void remove_account(const Address& addr) { shard(addr).erase(addr); }

  /// Applies a transaction's changes.
  void apply(const StateDiff& diff);

  static constexpr unsigned kShards = 16;  // at most 32: apply_shards takes a bit set
  /// The shard that holds `addr`.
  static unsigned shard_of(const Address& addr) {
    // The map's own hash uses the first and last eight bytes; mixing the middle ones keeps the
    // shard choice independent of the bucket choice.
    uint64_t h = 0;
    for (size_t i = 4; i < 12; ++i) h = (h << 8) | addr[i];
    return static_cast<unsigned>((h * 0x9E3779B97F4A7C15ULL) >> 60);
  }
  /// apply(diff) restricted to the accounts of the shards whose bit is set in `shards`. Calls
  /// with disjoint sets may run concurrently: they touch disjoint maps. New code is not
  /// registered: call add_codes(diff) too (not concurrently).
  void apply_shards(const StateDiff& diff, uint32_t shards);
  /// Registers the code that `diff` deploys (the part of apply() that apply_shards leaves out).
  void add_codes(const StateDiff& diff);

  /// Root of the state trie: keccak(address) -> rlp([nonce, balance, storage_root, code_hash]).
  Hash state_root() const;
  /// Root of one account's storage trie (the empty-trie root for none).
  Hash storage_root(const Address& addr) const;

  const Account* find(const Address& addr) const;
  size_t account_count() const;
  /// Calls fn(address, account) for every account, in no particular order.
  template <class Fn>
  void for_each_account(Fn&& fn) const {
    for (const AccountMap& shard : shards_)
      for (const auto& [addr, acc] : shard) fn(addr, acc);
  }

  // StateView
  std::optional<AccountInfo> read_account(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override;
  SharedCode read_code(const Hash& code_hash) override;
  Hash read_block_hash(uint64_t number) override;
  bool has_storage(const Address& addr) override;

 private:
  using AccountMap = std::unordered_map<Address, Account, FixedBytesHasher>;
  AccountMap& shard(const Address& addr) { return shards_[shard_of(addr)]; }
  const AccountMap& shard(const Address& addr) const { return shards_[shard_of(addr)]; }
  void apply_account(const AccountDiff& d);

  std::array<AccountMap, kShards> shards_;
  std::unordered_map<Hash, SharedCode, FixedBytesHasher> codes_;
  std::unordered_map<uint64_t, Hash> block_hashes_;
  SharedCode empty_code_;
};

}  // namespace paraevm
