// libFuzzer target for the bn254_mul precompile (0x07).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x07, rev, input);
  // The result is a valid point: adding it to the point at infinity returns it unchanged.
  if (r.success) {
    fuzz::require(r.output.size() == 64);
    Bytes sum = r.output;
    sum.resize(128, 0);
    fuzz::require(fuzz::call(0x06, rev, sum).output == r.output);
  }
  return 0;
}
