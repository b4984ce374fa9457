// 0x02 SHA256: the SHA-256 digest of the input (Frontier, Yellow Paper appendix E).
#include "crypto/hashes.hpp"
#include "precompiles/entry_points.hpp"
#include "precompiles/word_gas.hpp"

namespace paraevm::precompiles {

PrecompileResult sha256(Revision, BytesView input, int64_t gas_limit) {
  // Gas has not changed since Frontier: 60 + 12 per 32-byte word (Yellow Paper, G_sha256*).
  PrecompileResult result = charge(word_gas(input.size(), 60, 12), gas_limit);
  if (!result.success) return result;
  const Hash digest = paraevm::sha256(input);
  result.output.assign(digest.begin(), digest.end());
  return result;
}

}  // namespace paraevm::precompiles
