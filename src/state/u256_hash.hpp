// Hash functor for U256 keys (storage slots) in unordered containers.
#pragma once

#include <cstddef>

#include "base/uint256.hpp"

namespace paraevm {

/// Storage keys are often small integers (slot 0, 1, ...) or keccak outputs: mix all limbs so
/// that both spread over the buckets.
struct U256Hash {
  size_t operator()(const U256& v) const noexcept {
    uint64_t h = v.limb[0] * 0x9E3779B97F4A7C15ULL;
    h ^= (v.limb[1] + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    h ^= (v.limb[2] ^ (v.limb[3] << 1)) * 0x165667B19E3779F9ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

}  // namespace paraevm
