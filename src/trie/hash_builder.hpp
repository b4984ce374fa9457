// Merkle-Patricia trie root from sorted leaves, without building a node tree.
//
// The builder walks the sorted leaves once, depth first: a range of leaves sharing a prefix
// becomes an extension (when the prefix is longer than the current depth) over a branch whose
// children are the sub-ranges split by the next nibble. Each node is RLP-encoded into a buffer
// reserved for its recursion level and immediately reduced to its reference in the parent: the
// encoding itself when shorter than 32 bytes (an embedded node), else its keccak256. So memory is
// one encoding buffer per level, independent of the number of leaves.
#pragma once

#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/rlp.hpp"

namespace paraevm {

/// One key/value pair of a trie, as views into storage the caller owns.
struct TrieLeaf {
  BytesView key;
  BytesView value;
};

/// Computes trie roots from sorted leaves; reusable to keep its buffers warm.
class HashBuilder {
 public:
  /// Root of the trie holding `leaves`. Preconditions: keys strictly increasing in
  /// lexicographic byte order, values non-empty (an empty value means "absent" in Ethereum
  /// tries; the callers in trie_root.hpp drop such entries); std::invalid_argument otherwise.
  /// No leaves gives kEmptyTrieRoot.
  Hash root(std::span<const TrieLeaf> leaves);

 private:
  /// Encodes the node for leaves [begin, end), whose keys agree on the first `depth` nibbles,
  /// into enc_[level] and returns that encoding.
  BytesView node(size_t begin, size_t end, size_t depth, size_t level);
  BytesView leaf_node(const TrieLeaf& leaf, size_t depth, size_t level);
  BytesView branch_node(size_t begin, size_t end, size_t depth, size_t level);
  /// Appends the reference to a child node (embedded if < 32 bytes, else its hash).
  static void append_child(RlpEncoder& parent, BytesView child);
  /// Appends the hex-prefix (compact) encoding of nibbles [from, to) of `key` as a string.
  void append_path(RlpEncoder& enc, BytesView key, size_t from, size_t to, bool leaf);

  std::span<const TrieLeaf> leaves_;
  std::vector<RlpEncoder> enc_;  // one per recursion level; sized before the walk
  Bytes path_;                   // scratch for hex-prefix paths
};

}  // namespace paraevm
