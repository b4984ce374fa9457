// libFuzzer target for the ecrecover precompile (0x01).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Frontier);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x01, rev, input);
  // ECRECOVER never fails with enough gas; the output is empty or a left-padded address.
  fuzz::require(r.success && (r.output.empty() || (r.output.size() == 32 && r.output[0] == 0)));
  return 0;
}
