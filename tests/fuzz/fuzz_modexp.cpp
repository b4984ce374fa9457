// libFuzzer target for the modexp precompile (0x05).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x05, rev, input);
  // On success the output has exactly mod_len bytes (the low 8 bytes of the third word when
  // the rest of that word is zero; a larger length could not have been paid for).
  if (r.success && input.size() >= 96) {
    uint64_t mod_len = 0;
    for (size_t i = 88; i < 96; ++i) mod_len = mod_len << 8 | input[i];
    const bool base_and_mod_empty = r.output.empty();
    fuzz::require(r.output.size() == mod_len || base_and_mod_empty);
  }
  return 0;
}
