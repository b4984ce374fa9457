#include "trie/hash_builder.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "base/keccak.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

/// Nibble `i` of `key` (high nibble of each byte first).
inline unsigned nibble(BytesView key, size_t i) {
  const uint8_t b = key[i / 2];
  return (i % 2 == 0) ? (b >> 4) : (b & 0x0f);
}

/// Length in nibbles of the common prefix of `a` and `b`, counting from nibble `from`.
size_t common_prefix(BytesView a, BytesView b, size_t from) {
  const size_t limit = 2 * std::min(a.size(), b.size());
  size_t i = from;
  // Whole bytes first, then the one nibble that may still agree.
  if (i % 2 == 1 && i < limit) {
    if (nibble(a, i) != nibble(b, i)) return i;
    ++i;
  }
  while (i < limit && a[i / 2] == b[i / 2]) i += 2;
  if (i < limit && nibble(a, i) == nibble(b, i)) ++i;
  return std::min(i, limit);
}

/// Throws unless keys strictly increase and values are non-empty: the walk relies on both (a
/// repeated key would make it read past the end of that key).
void check_leaves(std::span<const TrieLeaf> leaves) {
  for (size_t i = 0; i < leaves.size(); ++i) {
    if (leaves[i].value.empty())
      throw std::invalid_argument("trie leaf " + std::to_string(i) + " has an empty value");
    if (i > 0 && !std::lexicographical_compare(leaves[i - 1].key.begin(), leaves[i - 1].key.end(),
                                               leaves[i].key.begin(), leaves[i].key.end()))
      throw std::invalid_argument("trie leaf keys not strictly increasing at leaf " +
                                  std::to_string(i));
  }
}

}  // namespace

Hash HashBuilder::root(std::span<const TrieLeaf> leaves) {
  if (leaves.empty()) return kEmptyTrieRoot;
  check_leaves(leaves);
  leaves_ = leaves;
  size_t max_key = 0;
  for (const TrieLeaf& l : leaves) max_key = std::max(max_key, l.key.size());
  // Each level consumes at least one nibble, except an extension handing over to its branch.
  const size_t levels = 2 * (2 * max_key + 2);
  if (enc_.size() < levels) enc_.resize(levels);
  const Hash h = keccak256(node(0, leaves.size(), 0, 0));
  leaves_ = {};
  return h;
}

BytesView HashBuilder::node(size_t begin, size_t end, size_t depth, size_t level) {
  if (end - begin == 1) return leaf_node(leaves_[begin], depth, level);
  // Keys are sorted, so the prefix shared by the first and last is shared by all.
  const size_t shared = common_prefix(leaves_[begin].key, leaves_[end - 1].key, depth);
  if (shared == depth) return branch_node(begin, end, depth, level);

  const BytesView child = branch_node(begin, end, shared, level + 1);
  RlpEncoder& e = enc_[level];
  e.clear();
  const size_t mark = e.begin_list();
  append_path(e, leaves_[begin].key, depth, shared, false);
  append_child(e, child);
  e.end_list(mark);
  return e.view();
}

BytesView HashBuilder::leaf_node(const TrieLeaf& leaf, size_t depth, size_t level) {
  RlpEncoder& e = enc_[level];
  e.clear();
  const size_t mark = e.begin_list();
  append_path(e, leaf.key, depth, 2 * leaf.key.size(), true);
  e.append_bytes(leaf.value);
  e.end_list(mark);
  return e.view();
}

BytesView HashBuilder::branch_node(size_t begin, size_t end, size_t depth, size_t level) {
  RlpEncoder& e = enc_[level];
  e.clear();
  const size_t mark = e.begin_list();
  BytesView value;
  // Sorted order puts a key that ends exactly here (a prefix of the others) first.
  if (2 * leaves_[begin].key.size() == depth) value = leaves_[begin++].value;
  static constexpr uint8_t kEmpty[1] = {0x80};
  unsigned next = 0;  // next child slot to fill
  while (begin < end) {
    const unsigned nib = nibble(leaves_[begin].key, depth);
    size_t stop = begin + 1;
    while (stop < end && nibble(leaves_[stop].key, depth) == nib) ++stop;
    for (; next < nib; ++next) e.append_raw(kEmpty);
    append_child(e, node(begin, stop, depth + 1, level + 1));
    ++next;
    begin = stop;
  }
  for (; next < 16; ++next) e.append_raw(kEmpty);
  e.append_bytes(value);
  e.end_list(mark);
  return e.view();
}

void HashBuilder::append_child(RlpEncoder& parent, BytesView child) {
  if (child.size() < 32) {
    parent.append_raw(child);
  } else {
    parent.append_hash(keccak256(child));
  }
}

void HashBuilder::append_path(RlpEncoder& enc, BytesView key, size_t from, size_t to, bool leaf) {
  // Hex-prefix: the first nibble holds flags (2 = leaf, 1 = odd length); an odd path puts its
  // first nibble beside the flags, an even one pads with a zero nibble.
  const size_t n = to - from;
  const unsigned flags = (leaf ? 2u : 0u) | static_cast<unsigned>(n % 2);
  path_.assign(n / 2 + 1, 0);
  size_t i = from;
  if (n % 2 == 1) {
    path_[0] = static_cast<uint8_t>((flags << 4) | nibble(key, i++));
  } else {
    path_[0] = static_cast<uint8_t>(flags << 4);
  }
  for (size_t out = 1; i < to; i += 2, ++out)
    path_[out] = static_cast<uint8_t>((nibble(key, i) << 4) | nibble(key, i + 1));
  enc.append_bytes(path_);
}

}  // namespace paraevm
