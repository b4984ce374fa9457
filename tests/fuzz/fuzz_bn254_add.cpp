// libFuzzer target for the bn254_add precompile (0x06): zero padding, coordinate range and
// curve checks; addition commutes, and P + 0 == P for a result P.
#include "fuzz_common.hpp"
#include "precompiles/bn254_gas.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x06, rev, input);
  fuzz::require(!r.success || (r.output.size() == 64 && fuzz::gas_used(r) == precompiles::bn254_gas(rev).add));
  // Addition commutes: swapping the two points gives the same result.
  if (input.size() >= 128) {
    Bytes swapped(input.begin() + 64, input.begin() + 128);
    swapped.insert(swapped.end(), input.begin(), input.begin() + 64);
    const PrecompileResult s = fuzz::call(0x06, rev, swapped);
    fuzz::require(s.success == r.success && s.output == r.output);
  }
  // The result decodes again as a point: adding the point at infinity returns it unchanged.
  if (r.success) {
    Bytes sum = r.output;
    sum.resize(128, 0);
    const PrecompileResult again = fuzz::call(0x06, rev, sum);
    fuzz::require(again.success && again.output == r.output);
  }
  return 0;
}
