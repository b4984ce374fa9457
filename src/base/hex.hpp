// Hex encoding and decoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace paraevm {

/// Lower-case hex, with "0x" prefix when `prefix`.
std::string to_hex(BytesView data, bool prefix = true);
/// Decodes hex with or without "0x"; nullopt on odd length or a non-hex digit.
std::optional<Bytes> from_hex(std::string_view hex);
/// Decodes into a fixed size, right-aligned; nullopt if malformed or longer than N bytes.
template <size_t N>
std::optional<FixedBytes<N>> fixed_from_hex(std::string_view hex) {
  auto bytes = from_hex(hex);
  if (!bytes || bytes->size() > N) return std::nullopt;
  return FixedBytes<N>::from_view(*bytes);
}

}  // namespace paraevm
