// A StateView over plain hash maps: the backing state of state tests, unit tests and sequential
// block execution. Loadable account by account (a test's `pre`), updated with apply(StateDiff),
// and able to compute its Merkle-Patricia state root.
#pragma once

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
  void remove_account(const Address& addr) { accounts_.erase(addr); }

  /// Applies a transaction's changes.
  void apply(const StateDiff& diff);

  /// Root of the state trie: keccak(address) -> rlp([nonce, balance, storage_root, code_hash]).
  Hash state_root() const;
  /// Root of one account's storage trie (the empty-trie root for none).
  Hash storage_root(const Address& addr) const;

  const Account* find(const Address& addr) const;
  const std::unordered_map<Address, Account, FixedBytesHasher>& accounts() const {
    return accounts_;
  }

  // StateView
  std::optional<AccountInfo> read_account(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override;
  SharedCode read_code(const Hash& code_hash) override;
  Hash read_block_hash(uint64_t number) override;
  bool has_storage(const Address& addr) override;

 private:
  std::unordered_map<Address, Account, FixedBytesHasher> accounts_;
  std::unordered_map<Hash, SharedCode, FixedBytesHasher> codes_;
  std::unordered_map<uint64_t, Hash> block_hashes_;
  SharedCode empty_code_;
};

}  // namespace paraevm
