#include "base/hex.hpp"

namespace paraevm {
namespace {

/// Value of a hex digit, or -1.
constexpr int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string to_hex(BytesView data, bool prefix) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const size_t offset = prefix ? 2 : 0;
  std::string out(offset + 2 * data.size(), '0');
  if (prefix) out[1] = 'x';
  char* w = out.data() + offset;
  for (uint8_t b : data) {
    *w++ = kDigits[b >> 4];
    *w++ = kDigits[b & 0xf];
  }
  return out;
}

std::optional<Bytes> from_hex(std::string_view hex) {
  if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
  if (hex.size() % 2 != 0) return std::nullopt;
  Bytes out(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_digit(hex[2 * i]);
    const int lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return out;
}

}  // namespace paraevm
