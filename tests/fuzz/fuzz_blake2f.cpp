// libFuzzer target for the blake2f precompile (0x09): the 213-byte length, the final-block flag
// and the rounds field (gas = rounds). Differential: 12 rounds over BLAKE2b-512's initial state
// and one final block must equal OpenSSL's BLAKE2b-512 of that block's message.
#include <openssl/evp.h>

#include <algorithm>

#include "fuzz_common.hpp"

namespace {
// The BLAKE2b IV (RFC 7693 2.6), little-endian words.
constexpr uint64_t kIv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                             0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                             0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

void store_le64(uint64_t v, uint8_t* out) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(v >> (8 * i));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Istanbul);
  const BytesView input(data + 1, size - 1);
  // 100k gas bounds the rounds (and the time per input); more rounds must fail for lack of gas.
  constexpr int64_t kGas = 100'000;
  const PrecompileResult r = fuzz::call(0x09, rev, input, kGas);
  // Exactly 213 bytes with a 0/1 final flag succeed (when the rounds are affordable), for
  // one gas per round.
  if (r.success) {
    fuzz::require(input.size() == 213 && input[212] <= 1 && r.output.size() == 64);
    const uint32_t rounds = uint32_t{input[0]} << 24 | uint32_t{input[1]} << 16 | uint32_t{input[2]} << 8 | input[3];
    fuzz::require(fuzz::gas_used(r, kGas) == rounds);
  }
  if (input.size() != 213 || input[212] > 1) fuzz::require(!r.success);
  if (input.size() == 213 && input[212] <= 1) {
    const uint32_t rounds = uint32_t{input[0]} << 24 | uint32_t{input[1]} << 16 | uint32_t{input[2]} << 8 | input[3];
    fuzz::require(r.success == (rounds <= kGas));
  }
  // BLAKE2b-512 of the first <= 128 bytes of the input: one block, h = IV ^ parameter block
  // (digest length 64, fanout 1, depth 1), t0 = length, final flag set.
  const size_t len = std::min<size_t>(input.size(), 128);
  Bytes f(213, 0);
  f[3] = 12;
  for (int i = 0; i < 8; ++i) store_le64(kIv[i] ^ (i == 0 ? 0x01010040ULL : 0), f.data() + 4 + 8 * i);
  std::copy_n(input.begin(), len, f.begin() + 68);
  store_le64(len, f.data() + 196);
  f[212] = 1;
  const PrecompileResult h = fuzz::call(0x09, rev, f, kGas);
  uint8_t md[64];
  unsigned md_len = 0;
  fuzz::require(EVP_Digest(input.data(), len, md, &md_len, EVP_blake2b512(), nullptr) == 1 && md_len == 64);
  fuzz::require(h.success && h.output.size() == 64 && std::equal(md, md + 64, h.output.begin()));
  return 0;
}
