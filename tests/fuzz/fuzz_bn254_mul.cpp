// libFuzzer target for the bn254_mul precompile (0x07): zero padding, coordinate range and
// curve checks; the result is a point, and k*P + k*P == (2k)*P when 2k does not overflow.
#include "fuzz_common.hpp"
#include "precompiles/bn254_gas.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x07, rev, input);
  if (!r.success) return 0;
  fuzz::require(r.output.size() == 64 && fuzz::gas_used(r) == precompiles::bn254_gas(rev).mul);
  // The result is a valid point: adding it to itself works, and equals (2k)*P.
  Bytes twice = r.output;
  twice.insert(twice.end(), r.output.begin(), r.output.end());
  const PrecompileResult sum = fuzz::call(0x06, rev, twice);
  fuzz::require(sum.success && sum.output.size() == 64);
  Bytes in(96, 0);
  std::copy_n(input.begin(), std::min<size_t>(input.size(), 96), in.begin());
  if (in[64] & 0x80) return 0;  // 2k would overflow 256 bits
  // in[64..96) <<= 1 (big-endian)
  for (size_t i = 64; i < 96; ++i) in[i] = static_cast<uint8_t>(in[i] << 1 | (i + 1 < 96 ? in[i + 1] >> 7 : 0));
  const PrecompileResult doubled = fuzz::call(0x07, rev, in);
  fuzz::require(doubled.success && doubled.output == sum.output);
  return 0;
}
