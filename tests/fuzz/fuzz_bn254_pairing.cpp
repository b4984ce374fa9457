// libFuzzer target for the bn254_pairing precompile (0x08): length, coordinate range, curve and
// G2 subgroup checks; gas per pair; the check is symmetric in the order of the pairs.
#include "fuzz_common.hpp"
#include "precompiles/bn254_gas.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x08, rev, input);
  // Success only for whole pairs; the output is the word 0 or 1.
  if (input.size() % 192 != 0) fuzz::require(!r.success);
  if (!r.success) return 0;
  const size_t k = input.size() / 192;
  const auto& g = precompiles::bn254_gas(rev);
  fuzz::require(r.output.size() == 32 && r.output[31] <= 1 && fuzz::gas_used(r) == g.pairing_base + int64_t(k) * g.pairing_per_pair);
  for (size_t i = 0; i < 31; ++i) fuzz::require(r.output[i] == 0);
  // Reversing the pairs gives the same answer (a product of pairings commutes).
  if (k >= 2) {
    Bytes reversed;
    for (size_t i = k; i-- > 0;) reversed.insert(reversed.end(), input.begin() + i * 192, input.begin() + (i + 1) * 192);
    fuzz::require(fuzz::call(0x08, rev, reversed).output == r.output);
  }
  return 0;
}
