// Merkle-Patricia trie roots of whole key/value sets: plain, secure (keccak-hashed keys) and
// ordered lists (keys rlp(index): transactions, receipts, withdrawals).
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm {

/// Root of the empty trie: keccak256(rlp("")).
inline constexpr Hash kEmptyTrieRoot = {
    {0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45, 0xe6, 0x92, 0xc0, 0xf8, 0x6e,
     0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c, 0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21}};

/// Root of the trie mapping each key to its value. Entries may come in any order; an empty
/// value means the key is absent (as an Ethereum trie update with an empty value deletes), and
/// for a repeated key the last entry wins.
Hash trie_root(const std::vector<std::pair<Bytes, Bytes>>& entries);

/// Same, with keys that are already 32-byte hashes (the secure trie's keccak256(key)).
Hash trie_root_hashed(const std::vector<std::pair<Hash, Bytes>>& entries);

/// Secure trie: each key is replaced by keccak256(key) before insertion.
Hash secure_trie_root(const std::vector<std::pair<Bytes, Bytes>>& entries);

/// Root of the trie mapping rlp(i) to items[i] (transaction, receipt and withdrawal roots).
/// Items must be non-empty encodings.
Hash ordered_trie_root(std::span<const Bytes> items);

}  // namespace paraevm
