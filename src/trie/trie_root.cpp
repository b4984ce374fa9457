#include "trie/trie_root.hpp"

#include <algorithm>

#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/hash_builder.hpp"

namespace paraevm {
namespace {

bool key_less(const TrieLeaf& a, const TrieLeaf& b) {
  return std::lexicographical_compare(a.key.begin(), a.key.end(), b.key.begin(), b.key.end());
}
bool key_equal(const TrieLeaf& a, const TrieLeaf& b) {
  return std::equal(a.key.begin(), a.key.end(), b.key.begin(), b.key.end());
}

/// Sorts `leaves` (stable, so input order breaks ties), keeps the last entry of each key and
/// drops empty values; then builds the root.
Hash root_of_unsorted(std::vector<TrieLeaf>& leaves) {
  std::stable_sort(leaves.begin(), leaves.end(), key_less);
  size_t out = 0;
  for (size_t i = 0; i < leaves.size(); ++i) {
    if (i + 1 < leaves.size() && key_equal(leaves[i], leaves[i + 1])) continue;  // a later one wins
    if (!leaves[i].value.empty()) leaves[out++] = leaves[i];
  }
  leaves.resize(out);
  HashBuilder builder;
  return builder.root(leaves);
}

}  // namespace

Hash trie_root(const std::vector<std::pair<Bytes, Bytes>>& entries) {
  std::vector<TrieLeaf> leaves;
  leaves.reserve(entries.size());
  for (const auto& [k, v] : entries) leaves.push_back({to_view(k), to_view(v)});
  return root_of_unsorted(leaves);
}

Hash trie_root_hashed(const std::vector<std::pair<Hash, Bytes>>& entries) {
  std::vector<TrieLeaf> leaves;
  leaves.reserve(entries.size());
  for (const auto& [k, v] : entries) leaves.push_back({k.view(), to_view(v)});
  return root_of_unsorted(leaves);
}

Hash secure_trie_root(const std::vector<std::pair<Bytes, Bytes>>& entries) {
  std::vector<std::pair<Hash, Bytes>> hashed;
  hashed.reserve(entries.size());
  for (const auto& [k, v] : entries) hashed.emplace_back(keccak256(k), v);
  return trie_root_hashed(hashed);
}

Hash ordered_trie_root(std::span<const Bytes> items) {
  // All keys live in one buffer; an index key is at most 9 bytes (0x88 + 8 bytes).
  RlpEncoder keys(items.size() * 4);
  std::vector<size_t> ends(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    keys.append_u64(i);
    ends[i] = keys.bytes().size();
  }
  std::vector<TrieLeaf> leaves(items.size());
  for (size_t i = 0, start = 0; i < items.size(); start = ends[i++])
    leaves[i] = {keys.view().subspan(start, ends[i] - start), to_view(items[i])};
  return root_of_unsorted(leaves);
}

}  // namespace paraevm
