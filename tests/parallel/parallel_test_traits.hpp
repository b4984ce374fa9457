// A tiny location model for the parallel core's tests: integer keys, integer values, additive
// deltas (wrapping, like a 256-bit balance).
#pragma once

#include <cstddef>
#include <cstdint>

#include "parallel/types.hpp"

namespace paraevm::parallel::testing {

struct IntTraits {
  using Key = uint32_t;
  using Value = uint64_t;
  using Delta = uint64_t;
  struct KeyHash {
    size_t operator()(uint32_t k) const { return k; }
  };
  static Value apply(Value v, Delta d) { return v + d; }
  static Delta combine(Delta lower, Delta higher) { return lower + higher; }
};

static_assert(LocationTraits<IntTraits>);

}  // namespace paraevm::parallel::testing
