// Keccak-256 as Ethereum uses it (original Keccak padding, not SHA3-256).
#pragma once

#include "base/bytes.hpp"

namespace paraevm {

Hash keccak256(BytesView data);

}  // namespace paraevm
