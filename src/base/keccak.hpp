// Keccak-256 as Ethereum uses it (original Keccak padding, not SHA3-256).
#pragma once

#include "base/bytes.hpp"

namespace paraevm {

/// Keccak-256 digest of `data`. Thread-safe, no allocation; full 136-byte blocks are absorbed
/// straight from `data`.
Hash keccak256(BytesView data);

}  // namespace paraevm
