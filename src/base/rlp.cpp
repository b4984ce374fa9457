#include "base/rlp.hpp"

#include <cstring>

namespace paraevm {
namespace {

constexpr uint8_t kStringBase = 0x80;
constexpr uint8_t kListBase = 0xc0;
constexpr size_t kMaxShortLength = 55;

/// Number of bytes of the minimal big-endian form of `v` (0 for zero).
size_t be_width(uint64_t v) { return v == 0 ? 0 : 8 - (static_cast<size_t>(__builtin_clzll(v)) / 8); }

/// Writes the minimal big-endian form of `v` (be_width(v) bytes) to `out`.
void write_be(uint8_t* out, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; ++i) out[width - 1 - i] = static_cast<uint8_t>(v >> (8 * i));
}

/// Minimal big-endian bytes of a U256 into `out` (32 bytes of room); returns the width.
size_t u256_minimal_be(const U256& v, uint8_t* out) {
  uint8_t full[32];
  for (size_t i = 0; i < 4; ++i) write_be(full + 8 * (3 - i), v.limb[i], 8);
  size_t skip = 0;
  while (skip < 32 && full[skip] == 0) ++skip;
  std::memcpy(out, full + skip, 32 - skip);
  return 32 - skip;
}

}  // namespace

RlpError::RlpError(const std::string& what, size_t offset)
    : std::runtime_error("rlp: " + what + " at offset " + std::to_string(offset)), offset_(offset) {}

// ---------------------------------------------------------------- encoding

size_t rlp_header_size(size_t length) { return length <= kMaxShortLength ? 1 : 1 + be_width(length); }

size_t rlp_bytes_size(BytesView data) {
  if (data.size() == 1 && data[0] < kStringBase) return 1;
  return rlp_header_size(data.size()) + data.size();
}

void RlpEncoder::append_header(uint8_t short_base, size_t length) {
  if (length <= kMaxShortLength) {
    buf_.push_back(static_cast<uint8_t>(short_base + length));
    return;
  }
  const size_t width = be_width(length);
  const size_t at = buf_.size();
  buf_.resize(at + 1 + width);
  buf_[at] = static_cast<uint8_t>(short_base + kMaxShortLength + width);
  write_be(buf_.data() + at + 1, length, width);
}

RlpEncoder& RlpEncoder::append_bytes(BytesView data) {
  if (data.size() == 1 && data[0] < kStringBase) {
    buf_.push_back(data[0]);
    return *this;
  }
  append_header(kStringBase, data.size());
  buf_.insert(buf_.end(), data.begin(), data.end());
  return *this;
}

RlpEncoder& RlpEncoder::append_u64(uint64_t v) {
  if (v != 0 && v < kStringBase) {
    buf_.push_back(static_cast<uint8_t>(v));
    return *this;
  }
  const size_t width = be_width(v);
  const size_t at = buf_.size();
  buf_.resize(at + 1 + width);
  buf_[at] = static_cast<uint8_t>(kStringBase + width);
  write_be(buf_.data() + at + 1, v, width);
  return *this;
}

RlpEncoder& RlpEncoder::append_u256(const U256& v) {
  if (v.fits_u64()) return append_u64(v.limb[0]);
  uint8_t be[32];
  const size_t width = u256_minimal_be(v, be);
  return append_bytes({be, width});
}

RlpEncoder& RlpEncoder::append_raw(BytesView encoded) {
  buf_.insert(buf_.end(), encoded.begin(), encoded.end());
  return *this;
}

RlpEncoder& RlpEncoder::append_list_header(size_t payload_length) {
  append_header(kListBase, payload_length);
  return *this;
}

size_t RlpEncoder::begin_list() {
  buf_.push_back(kListBase);  // placeholder for a short header, fixed in end_list()
  return buf_.size() - 1;
}

RlpEncoder& RlpEncoder::end_list(size_t mark) {
  const size_t length = buf_.size() - mark - 1;
  if (length <= kMaxShortLength) {
    buf_[mark] = static_cast<uint8_t>(kListBase + length);
    return *this;
  }
  const size_t width = be_width(length);
  buf_.insert(buf_.begin() + static_cast<ptrdiff_t>(mark) + 1, width, 0);
  buf_[mark] = static_cast<uint8_t>(kListBase + kMaxShortLength + width);
  write_be(buf_.data() + mark + 1, length, width);
  return *this;
}

Bytes rlp_encode_bytes(BytesView data) { return RlpEncoder(rlp_bytes_size(data)).append_bytes(data).take(); }
Bytes rlp_encode_u64(uint64_t v) { return RlpEncoder(9).append_u64(v).take(); }
Bytes rlp_encode_u256(const U256& v) { return RlpEncoder(33).append_u256(v).take(); }

// ---------------------------------------------------------------- decoding

void RlpReader::fail(const std::string& what, size_t at) const { throw RlpError(what, base_ + at); }

RlpItem RlpReader::peek_item() const {
  const size_t at = pos_;
  if (at >= data_.size()) fail("unexpected end of input", at);
  const uint8_t b = data_[at];
  if (b < kStringBase) return {false, data_.subspan(at, 1), data_.subspan(at, 1), base_ + at};

  const bool is_list = b >= kListBase;
  const uint8_t base = is_list ? kListBase : kStringBase;
  const size_t left = data_.size() - at - 1;  // bytes after the first header byte
  size_t header = 1;
  uint64_t length = b - base;
  if (length > kMaxShortLength) {
    const size_t width = length - kMaxShortLength;
    if (width > left) fail("length bytes run past the end of input", at);
    if (data_[at + 1] == 0) fail("leading zero in a length", at);
    length = 0;
    for (size_t i = 0; i < width; ++i) length = (length << 8) | data_[at + 1 + i];
    if (length <= kMaxShortLength) fail("long form used for a length below 56", at);
    header += width;
  }
  if (length > left - (header - 1))
    fail("item of " + std::to_string(length) + " bytes runs past the end of input (" +
             std::to_string(left - (header - 1)) + " left)",
         at);
  const size_t len = static_cast<size_t>(length);
  if (!is_list && len == 1 && data_[at + 1] < kStringBase)
    fail("single byte below 0x80 encoded as a string", at);
  return {is_list, data_.subspan(at + header, len), data_.subspan(at, header + len), base_ + at};
}

bool RlpReader::next_is_list() const {
  if (at_end()) fail("unexpected end of input", pos_);
  return data_[pos_] >= kListBase;
}

RlpItem RlpReader::read_item() {
  RlpItem item = peek_item();
  pos_ += item.raw.size();
  return item;
}

RlpReader RlpReader::read_list() {
  const RlpItem item = peek_item();
  if (!item.is_list) fail("expected a list, found a string", pos_);
  pos_ += item.raw.size();
  return RlpReader(item.payload, item.offset + (item.raw.size() - item.payload.size()));
}

BytesView RlpReader::read_bytes() {
  const RlpItem item = peek_item();
  if (item.is_list) fail("expected a string, found a list", pos_);
  pos_ += item.raw.size();
  return item.payload;
}

BytesView RlpReader::read_integer_bytes(size_t max_bytes, const char* type) {
  const size_t at = pos_;
  const BytesView v = read_bytes();
  if (v.size() > max_bytes)
    fail("integer of " + std::to_string(v.size()) + " bytes overflows " + type, at);
  if (!v.empty() && v[0] == 0) fail("integer with leading zero bytes", at);
  return v;
}

uint64_t RlpReader::read_u64() {
  uint64_t r = 0;
  for (uint8_t b : read_integer_bytes(8, "uint64")) r = (r << 8) | b;
  return r;
}

U256 RlpReader::read_u256() {
  const BytesView v = read_integer_bytes(32, "uint256");
  U256 r;
  for (size_t i = 0; i < v.size(); ++i) {
    const size_t bit = 8 * (v.size() - 1 - i);  // significance of byte i
    r.limb[bit / 64] |= uint64_t{v[i]} << (bit % 64);
  }
  return r;
}

Address RlpReader::read_address() {
  const size_t at = pos_;
  const BytesView v = read_bytes();
  if (v.size() != Address::size())
    fail("expected a 20-byte address, found " + std::to_string(v.size()) + " bytes", at);
  Address a;
  std::memcpy(a.data(), v.data(), Address::size());
  return a;
}

Hash RlpReader::read_hash() {
  const size_t at = pos_;
  const BytesView v = read_bytes();
  if (v.size() != Hash::size())
    fail("expected a 32-byte hash, found " + std::to_string(v.size()) + " bytes", at);
  Hash h;
  std::memcpy(h.data(), v.data(), Hash::size());
  return h;
}

std::optional<Address> RlpReader::read_optional_address() {
  if (!at_end() && data_[pos_] == kStringBase) {
    ++pos_;
    return std::nullopt;
  }
  return read_address();
}

void RlpReader::expect_end() const {
  if (!at_end()) fail(std::to_string(data_.size() - pos_) + " unexpected trailing bytes", pos_);
}

RlpItem rlp_decode_single(BytesView data) {
  RlpReader r(data);
  RlpItem item = r.read_item();
  r.expect_end();
  return item;
}

RlpReader RlpReader::open_list(BytesView data) {
  RlpReader top(data);
  RlpReader list = top.read_list();
  top.expect_end();
  return list;
}

}  // namespace paraevm
