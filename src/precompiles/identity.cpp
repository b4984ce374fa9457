// 0x04 IDENTITY: returns its input (Frontier).
#include "precompiles/entry_points.hpp"
#include "precompiles/word_gas.hpp"

namespace paraevm::precompiles {

PrecompileResult identity(Revision, BytesView input, int64_t gas_limit) {
  // Gas has not changed since Frontier: 15 + 3 per 32-byte word (Yellow Paper).
  PrecompileResult result = charge(word_gas(input.size(), 15, 3), gas_limit);
  if (!result.success) return result;
  result.output.assign(input.begin(), input.end());
  return result;
}

}  // namespace paraevm::precompiles
