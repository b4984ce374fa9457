// Byte strings and the fixed-size byte types of Ethereum: Address (20 bytes) and Hash (32 bytes).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace paraevm {

/// Owned byte string.
using Bytes = std::vector<uint8_t>;
/// Non-owning view of bytes.
using BytesView = std::span<const uint8_t>;

/// A fixed-size byte array with value semantics, comparison and hashing.
template <size_t N>
struct FixedBytes {
  std::array<uint8_t, N> bytes{};

  static constexpr size_t size() { return N; }
  constexpr uint8_t* data() { return bytes.data(); }
  constexpr const uint8_t* data() const { return bytes.data(); }
  constexpr uint8_t& operator[](size_t i) { return bytes[i]; }
  constexpr const uint8_t& operator[](size_t i) const { return bytes[i]; }
  constexpr auto begin() const { return bytes.begin(); }
  constexpr auto end() const { return bytes.end(); }
  operator BytesView() const { return {bytes.data(), N}; }
  BytesView view() const { return {bytes.data(), N}; }

  bool is_zero() const {
    for (uint8_t b : bytes)
      if (b != 0) return false;
    return true;
  }
  /// Copies `in` right-aligned (big-endian style); `in` longer than N keeps its last N bytes.
  static FixedBytes from_view(BytesView in) {
    FixedBytes out;
    size_t n = in.size() < N ? in.size() : N;
    std::memcpy(out.bytes.data() + (N - n), in.data() + (in.size() - n), n);
    return out;
  }
  friend constexpr bool operator==(const FixedBytes&, const FixedBytes&) = default;
  friend constexpr auto operator<=>(const FixedBytes&, const FixedBytes&) = default;
};

using Address = FixedBytes<20>;
using Hash = FixedBytes<32>;
using Bytes32 = FixedBytes<32>;

/// Hash functor for unordered containers keyed by FixedBytes. The inputs are addresses and
/// hashes, already uniformly distributed, so mixing a few words is enough.
struct FixedBytesHasher {
  template <size_t N>
  size_t operator()(const FixedBytes<N>& v) const noexcept {
    uint64_t a = 0, b = 0;
    std::memcpy(&a, v.data(), 8);
    std::memcpy(&b, v.data() + N - 8, 8);
    return static_cast<size_t>(a ^ (b * 0x9E3779B97F4A7C15ULL));
  }
};

inline BytesView to_view(const Bytes& b) { return {b.data(), b.size()}; }
inline BytesView to_view(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

}  // namespace paraevm

template <size_t N>
struct std::hash<paraevm::FixedBytes<N>> : paraevm::FixedBytesHasher {};
