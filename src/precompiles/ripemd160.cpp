// 0x03 RIPEMD160: the RIPEMD-160 digest of the input, left-padded to 32 bytes (Frontier).
#include "crypto/hashes.hpp"
#include "precompiles/entry_points.hpp"
#include "precompiles/word_gas.hpp"

namespace paraevm::precompiles {

PrecompileResult ripemd160(Revision, BytesView input, int64_t gas_limit) {
  // Gas has not changed since Frontier: 600 + 120 per 32-byte word (Yellow Paper).
  PrecompileResult result = charge(word_gas(input.size(), 600, 120), gas_limit);
  if (!result.success) return result;
  const FixedBytes<20> digest = paraevm::ripemd160(input);
  result.output.assign(32, 0);
  std::copy(digest.begin(), digest.end(), result.output.begin() + 12);
  return result;
}

}  // namespace paraevm::precompiles
