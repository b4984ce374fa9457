// libFuzzer target for the blake2f precompile (0x09).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Istanbul);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x09, rev, input);
  // Exactly 213 bytes with a 0/1 final flag succeed (when the rounds are affordable).
  if (r.success) fuzz::require(input.size() == 213 && input[212] <= 1 && r.output.size() == 64);
  if (input.size() != 213 || input[212] > 1) fuzz::require(!r.success);
  return 0;
}
