// Gas of the precompiles priced per 32-byte word of input (SHA256, RIPEMD160, IDENTITY).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace paraevm::precompiles {

/// base + per_word * ceil(size / 32), saturated at INT64_MAX (which no gas limit reaches).
constexpr int64_t word_gas(size_t size, int64_t base, int64_t per_word) {
  const uint64_t words = (static_cast<uint64_t>(size) + 31) / 32;
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (words > (kMax - static_cast<uint64_t>(base)) / static_cast<uint64_t>(per_word))
    return std::numeric_limits<int64_t>::max();
  return base + static_cast<int64_t>(words) * per_word;
}

}  // namespace paraevm::precompiles
