// libFuzzer target for the modexp precompile (0x05): the three length words (saturation, the
// Osaka bound), zero-padded reads and the gas formula's inputs. The output always has mod_len
// bytes, and for lengths up to 128 bytes it equals GMP's mpz_powm on independently parsed
// operands.
#include <gmp.h>

#include <algorithm>

#include "fuzz_common.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point

/// The 32-byte word at `offset` of the zero-padded input; UINT64_MAX when above 2^64 - 1.
uint64_t word(BytesView in, size_t offset) {
  uint64_t v = 0;
  for (size_t i = 0; i < 32; ++i) {
    const uint8_t b = offset + i < in.size() ? in[offset + i] : 0;
    if (i < 24 && b != 0) return UINT64_MAX;
    if (i >= 24) v = v << 8 | b;
  }
  return v;
}

/// The big-endian integer in[offset, offset + len) of the zero-padded input.
void operand(mpz_t out, BytesView in, size_t offset, size_t len) {
  Bytes bytes(len, 0);
  for (size_t i = 0; i < len; ++i)
    if (offset + i < in.size()) bytes[i] = in[offset + i];
  mpz_import(out, len, 1, 1, 1, 0, bytes.data());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Byzantium);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x05, rev, input);
  const uint64_t base_len = word(input, 0), exp_len = word(input, 32), mod_len = word(input, 64);
  // EIP-7823 (Osaka): any length above 1024 bytes fails.
  if (at_least(rev, Revision::Osaka) && std::max({base_len, exp_len, mod_len}) > 1024) fuzz::require(!r.success);
  // Small lengths are always affordable with the fuzzer's gas.
  const uint64_t kSmall = 128;
  if (base_len <= kSmall && exp_len <= kSmall && mod_len <= kSmall) fuzz::require(r.success);
  if (!r.success) return 0;
  // Osaka's minimum is 500 gas, Berlin's 200 (EIP-2565, EIP-7883).
  if (at_least(rev, Revision::Osaka)) fuzz::require(fuzz::gas_used(r) >= 500);
  else if (at_least(rev, Revision::Berlin)) fuzz::require(fuzz::gas_used(r) >= 200);
  fuzz::require(r.output.size() == mod_len);
  if (base_len > kSmall || exp_len > kSmall || mod_len > kSmall) return 0;
  mpz_t b, e, m, want;
  mpz_inits(b, e, m, want, nullptr);
  operand(b, input, 96, base_len);
  operand(e, input, 96 + base_len, exp_len);
  operand(m, input, 96 + base_len + exp_len, mod_len);
  Bytes expected(mod_len, 0);
  if (mpz_sgn(m) != 0) {
    // The spec's pow(b, e, m): x^0 == 1 (0^0 included), reduced mod m.
    if (mpz_sgn(e) == 0) mpz_set_ui(want, mpz_cmp_ui(m, 1) == 0 ? 0 : 1);
    else mpz_powm(want, b, e, m);
    size_t count = 0;
    Bytes tmp((mpz_sizeinbase(want, 2) + 7) / 8 + 1, 0);
    mpz_export(tmp.data(), &count, 1, 1, 1, 0, want);
    std::copy_n(tmp.begin(), count, expected.end() - static_cast<std::ptrdiff_t>(count));
  }
  mpz_clears(b, e, m, want, nullptr);
  fuzz::require(r.output == expected);
  return 0;
}
