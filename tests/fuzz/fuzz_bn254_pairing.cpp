// libFuzzer target for the bn254_pairing precompile (0x08).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x08, rev, input);
  // Success only for whole pairs; the output is the word 0 or 1.
  if (r.success) fuzz::require(input.size() % 192 == 0 && r.output.size() == 32 && r.output[31] <= 1);
  if (input.size() % 192 != 0) fuzz::require(!r.success);
  return 0;
}
