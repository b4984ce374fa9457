#include "trie/trie_root.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <tuple>

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
  thread_local HashBuilder builder;  // keeps its per-level buffers warm across calls
  return builder.root(leaves);
}

/// A 32-byte key as big-endian words (ordering = four integer compares, no pointer chasing)
/// plus its input position, which breaks ties so that the last entry of a key sorts last.
struct HashedKey {
  uint64_t w[4];
  uint32_t index;
  friend bool operator<(const HashedKey& a, const HashedKey& b) {
    return std::tie(a.w[0], a.w[1], a.w[2], a.w[3], a.index) <
           std::tie(b.w[0], b.w[1], b.w[2], b.w[3], b.index);
  }
  bool same_key(const HashedKey& o) const {
    return w[0] == o.w[0] && w[1] == o.w[1] && w[2] == o.w[2] && w[3] == o.w[3];
  }
};

uint64_t load_be64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return v;
}

}  // namespace

Hash trie_root(const std::vector<std::pair<Bytes, Bytes>>& entries) {
  std::vector<TrieLeaf> leaves;
  leaves.reserve(entries.size());
  for (const auto& [k, v] : entries) leaves.push_back({to_view(k), to_view(v)});
  return root_of_unsorted(leaves);
}

Hash trie_root_hashed(const std::vector<std::pair<Hash, Bytes>>& entries) {
  std::vector<HashedKey> keys(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    for (size_t j = 0; j < 4; ++j) keys[i].w[j] = load_be64(entries[i].first.data() + 8 * j);
    keys[i].index = static_cast<uint32_t>(i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<TrieLeaf> leaves;
  leaves.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i + 1 < keys.size() && keys[i].same_key(keys[i + 1])) continue;  // a later one wins
    const auto& [key, value] = entries[keys[i].index];
    if (!value.empty()) leaves.push_back({key.view(), to_view(value)});
  }
  thread_local HashBuilder builder;  // keeps its per-level buffers warm across calls
  return builder.root(leaves);
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
