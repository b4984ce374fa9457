// State and storage roots from plain account data, for the state layer and for checking
// fixtures. Secure-trie layout: an account leaf is rlp([nonce, balance, storageRoot, codeHash])
// keyed by keccak256(address); a storage leaf is rlp(value as minimal big-endian) keyed by
// keccak256(slot as 32 big-endian bytes). Zero storage values are absent from the trie.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm {

/// keccak256 of empty input: the code hash of an account without code.
inline constexpr Hash kKeccakOfEmpty = {
    {0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7, 0x03, 0xc0,
     0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70}};

struct StorageSlot {
  U256 key;
  U256 value;
};

/// One account as the state trie sees it.
struct AccountData {
  Address address;
  uint64_t nonce = 0;
  U256 balance;
  Hash code_hash = kKeccakOfEmpty;
  /// Storage slots (any order, unique keys; zero values are skipped). Ignored when
  /// `storage_root` is set.
  std::vector<StorageSlot> storage;
  /// A storage root computed elsewhere (e.g. kept incrementally by the state layer).
  std::optional<Hash> storage_root;
};

/// Root of an account's storage trie.
Hash storage_root(std::span<const StorageSlot> storage);

/// The account leaf value: rlp([nonce, balance, storage_root, code_hash]).
Bytes account_rlp(uint64_t nonce, const U256& balance, const Hash& storage_root,
                  const Hash& code_hash);

/// The state root over `accounts` (unique addresses, any order). Every listed account is in
/// the trie, including empty ones: the caller decides which accounts exist.
Hash state_root(std::span<const AccountData> accounts);

}  // namespace paraevm
