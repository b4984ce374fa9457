// libFuzzer target for SHA256 (0x02), RIPEMD160 (0x03) and IDENTITY (0x04). They decode
// nothing (any byte string is valid input); checked are the per-word gas (60 + 12, 600 + 120,
// 15 + 3 per 32-byte word) and its accounting, the output layout, IDENTITY returning its input,
// and the digests against OpenSSL's EVP interface.
#include <openssl/evp.h>

#include <algorithm>

#include "fuzz_common.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point

Bytes digest(const EVP_MD* md, BytesView in) {
  Bytes out(EVP_MAX_MD_SIZE);
  unsigned len = 0;
  fuzz::require(EVP_Digest(in.data(), in.size(), out.data(), &len, md, nullptr) == 1);
  out.resize(len);
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Frontier);
  const BytesView input(data + 1, size - 1);
  const int64_t words = static_cast<int64_t>((input.size() + 31) / 32);

  const PrecompileResult sha = fuzz::call(0x02, rev, input);
  fuzz::require(sha.success && fuzz::gas_used(sha) == 60 + 12 * words);
  fuzz::require(sha.output == digest(EVP_sha256(), input));

  const PrecompileResult rmd = fuzz::call(0x03, rev, input);
  fuzz::require(rmd.success && fuzz::gas_used(rmd) == 600 + 120 * words && rmd.output.size() == 32);
  fuzz::require(std::all_of(rmd.output.begin(), rmd.output.begin() + 12, [](uint8_t b) { return b == 0; }));
  const Bytes want = digest(EVP_ripemd160(), input);
  fuzz::require(std::equal(want.begin(), want.end(), rmd.output.begin() + 12, rmd.output.end()));

  const PrecompileResult id = fuzz::call(0x04, rev, input);
  fuzz::require(id.success && fuzz::gas_used(id) == 15 + 3 * words);
  fuzz::require(std::equal(input.begin(), input.end(), id.output.begin(), id.output.end()));
  return 0;
}
