// libFuzzer target for the p256verify precompile (0x100).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Osaka);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x100, rev, input);
  // Always succeeds (gas 6900); the output is empty or the word 1.
  fuzz::require(r.success && (r.output.empty() || (r.output.size() == 32 && r.output[31] == 1)));
  return 0;
}
