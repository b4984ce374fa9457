// Recursive Length Prefix (RLP) encoding and canonical, zero-copy decoding.
//
// Encoding appends into one growing buffer; a list's header is patched in when the list is
// closed (one byte is reserved, and only lists of 56+ payload bytes shift their payload by the
// few extra length bytes), so nested lists are never built in separate buffers and copied.
//
// Decoding walks a BytesView and returns views into it. It rejects everything Ethereum's
// reference decoders reject: a single byte below 0x80 wrapped as a 1-byte string, the long form
// for a length below 56, leading zeros in a length, a length running past the input, trailing
// bytes after a top-level item, and (for integer reads) leading zero bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm {

/// Malformed or non-canonical RLP. `offset()` is the byte offset, from the start of the
/// top-level input, of the item header or byte at fault.
class RlpError : public std::runtime_error {
 public:
  RlpError(const std::string& what, size_t offset);
  size_t offset() const { return offset_; }

 private:
  size_t offset_;
};

/// Appends RLP items to an internal buffer.
class RlpEncoder {
 public:
  RlpEncoder() = default;
  /// Reserves capacity for `n` bytes of output.
  explicit RlpEncoder(size_t n) { buf_.reserve(n); }

  /// A byte string item.
  RlpEncoder& append_bytes(BytesView data);
  RlpEncoder& append_string(std::string_view s) { return append_bytes(to_view(s)); }
  /// An integer as its minimal big-endian byte string (zero is the empty string).
  RlpEncoder& append_u64(uint64_t v);
  RlpEncoder& append_u256(const U256& v);
  RlpEncoder& append_address(const Address& a) { return append_bytes(a.view()); }
  RlpEncoder& append_hash(const Hash& h) { return append_bytes(h.view()); }
  /// Already-encoded RLP, copied verbatim (e.g. an item kept from decoding).
  RlpEncoder& append_raw(BytesView encoded);

  /// A list header for a payload of `payload_length` bytes that the caller appends next
  /// (for callers that compute sizes first; no patching needed).
  RlpEncoder& append_list_header(size_t payload_length);

  /// Opens a list; pass the returned mark to end_list() once its items are appended.
  size_t begin_list();
  /// Closes the list opened at `mark`, writing its header.
  RlpEncoder& end_list(size_t mark);

  const Bytes& bytes() const { return buf_; }
  BytesView view() const { return {buf_.data(), buf_.size()}; }
  /// Moves the output out; the encoder is left empty.
  Bytes take() { return std::move(buf_); }
  void clear() { buf_.clear(); }

 private:
  void append_header(uint8_t short_base, size_t length);
  Bytes buf_;
};

/// Size of the header for a string or list payload of `length` bytes.
size_t rlp_header_size(size_t length);
/// Encoded size of a byte string (header included).
size_t rlp_bytes_size(BytesView data);
/// Convenience: the RLP of one byte string.
Bytes rlp_encode_bytes(BytesView data);
/// Convenience: the RLP of one integer.
Bytes rlp_encode_u64(uint64_t v);
Bytes rlp_encode_u256(const U256& v);

/// One decoded item: its kind, payload and where it sits.
struct RlpItem {
  bool is_list = false;
  BytesView payload;  ///< string bytes, or the concatenated encodings of the list's items
  BytesView raw;      ///< header and payload
  size_t offset = 0;  ///< offset of the header in the top-level input
};

/// Sequential reader over the items of a list payload (or of a top-level buffer).
/// All returned views point into the input, which must outlive them.
class RlpReader {
 public:
  /// Reads the items of `data`; `base_offset` is where `data` starts in the top-level input
  /// (used only for error messages).
  explicit RlpReader(BytesView data, size_t base_offset = 0) : data_(data), base_(base_offset) {}

  /// Reader over the items of the single list that must make up all of `data`.
  static RlpReader open_list(BytesView data);

  bool at_end() const { return pos_ == data_.size(); }
  /// True when the next item is a list (throws at end of input).
  bool next_is_list() const;
  /// The next item of either kind.
  RlpItem read_item();
  /// The next item, which must be a list; returns a reader over its items.
  RlpReader read_list();
  /// The next item, which must be a string; returns its bytes.
  BytesView read_bytes();
  /// The next item as a canonical integer: no leading zeros, at most 8 / 32 bytes.
  uint64_t read_u64();
  U256 read_u256();
  /// The next item as exactly 20 / 32 bytes.
  Address read_address();
  Hash read_hash();
  /// An address or the empty string (a transaction's `to` for contract creation).
  std::optional<Address> read_optional_address();
  /// The next item's full encoding (header included), e.g. to hash or re-emit it.
  BytesView read_raw() { return read_item().raw; }
  /// The bytes not read yet.
  BytesView remaining_raw() const { return data_.subspan(pos_); }
  /// Throws unless every item has been read (no trailing data).
  void expect_end() const;
  /// Offset of the next item in the top-level input.
  size_t offset() const { return base_ + pos_; }

 private:
  RlpItem peek_item() const;
  [[noreturn]] void fail(const std::string& what, size_t at) const;
  BytesView read_integer_bytes(size_t max_bytes, const char* type);

  BytesView data_;
  size_t base_ = 0;
  size_t pos_ = 0;
};

/// Decodes one item that must span all of `data` (no trailing bytes).
RlpItem rlp_decode_single(BytesView data);

}  // namespace paraevm
