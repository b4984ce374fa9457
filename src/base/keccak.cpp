// Keccak-256 (Ethereum's variant: original Keccak padding 0x01, not SHA-3's 0x06).
//
// The permutation keeps the 25 lanes in two local arrays and ping-pongs between them, two rounds
// per loop iteration, so that after inlining the compiler holds the lanes in registers/stack slots
// with constant offsets. Each round fuses theta, rho, pi and chi: chi consumes one output row at a
// time, built directly from the rotated input lanes, so the pi permutation costs no moves.
//
// Measured alternatives (bench/keccak_bench.cpp, AMD EPYC Zen 5): Crypto++ 8.7's Keccak_256 is
// 6-12% slower than this code on 32..4096-byte inputs, so the library does not depend on it.
// A fully unrolled 24-round variant was ~50% slower (code size), and a single-state AVX-512
// variant (five planes in zmm registers, pi by two-source permutes) 40-65% slower: the chain of
// cross-lane permutes per round is longer than the scalar round's latency.
#include "base/keccak.hpp"

#include <bit>
#include <cstring>

namespace paraevm {
namespace {

constexpr size_t kRate = 136;  // bytes absorbed per permutation: (1600 - 2 * 256) / 8
constexpr size_t kRateLanes = kRate / 8;

constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

inline uint64_t rotl(uint64_t x, int n) { return std::rotl(x, n); }

inline uint64_t load_le64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

inline void store_le64(uint8_t* p, uint64_t v) {
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
}

/// chi on one row of five lanes (after rho and pi), written to `out`.
__attribute__((always_inline)) inline void chi_row(uint64_t* out, uint64_t b0, uint64_t b1,
                                                   uint64_t b2, uint64_t b3, uint64_t b4) {
  out[0] = b0 ^ (~b1 & b2);
  out[1] = b1 ^ (~b2 & b3);
  out[2] = b2 ^ (~b3 & b4);
  out[3] = b3 ^ (~b4 & b0);
  out[4] = b4 ^ (~b0 & b1);
}

/// One full round from lanes `a` into lanes `e` (lane index x + 5y).
__attribute__((always_inline)) inline void round(const uint64_t* a, uint64_t* e, uint64_t rc) {
  const uint64_t c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
  const uint64_t c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
  const uint64_t c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
  const uint64_t c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
  const uint64_t c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
  const uint64_t d0 = c4 ^ rotl(c1, 1);
  const uint64_t d1 = c0 ^ rotl(c2, 1);
  const uint64_t d2 = c1 ^ rotl(c3, 1);
  const uint64_t d3 = c2 ^ rotl(c4, 1);
  const uint64_t d4 = c3 ^ rotl(c0, 1);
  // Output row y takes, at column x, input lane (x', y') with x = y', y = 2x' + 3y' (mod 5),
  // rotated by the rho offset of (x', y').
  chi_row(e + 0, a[0] ^ d0, rotl(a[6] ^ d1, 44), rotl(a[12] ^ d2, 43), rotl(a[18] ^ d3, 21),
          rotl(a[24] ^ d4, 14));
  e[0] ^= rc;
  chi_row(e + 5, rotl(a[3] ^ d3, 28), rotl(a[9] ^ d4, 20), rotl(a[10] ^ d0, 3),
          rotl(a[16] ^ d1, 45), rotl(a[22] ^ d2, 61));
  chi_row(e + 10, rotl(a[1] ^ d1, 1), rotl(a[7] ^ d2, 6), rotl(a[13] ^ d3, 25),
          rotl(a[19] ^ d4, 8), rotl(a[20] ^ d0, 18));
  chi_row(e + 15, rotl(a[4] ^ d4, 27), rotl(a[5] ^ d0, 36), rotl(a[11] ^ d1, 10),
          rotl(a[17] ^ d2, 15), rotl(a[23] ^ d3, 56));
  chi_row(e + 20, rotl(a[2] ^ d2, 62), rotl(a[8] ^ d3, 55), rotl(a[14] ^ d4, 39),
          rotl(a[15] ^ d0, 41), rotl(a[21] ^ d1, 2));
}

/// Keccak-f[1600] on `state` in place.
__attribute__((always_inline)) inline void keccak_f1600(uint64_t* state) {
  uint64_t a[25];
  uint64_t e[25];
  std::memcpy(a, state, sizeof(a));
  for (int i = 0; i < 24; i += 2) {
    round(a, e, kRoundConstants[i]);
    round(e, a, kRoundConstants[i + 1]);
  }
  std::memcpy(state, a, sizeof(a));
}

// Where the compiler supports function multi-versioning, a second copy is built for x86-64-v3
// (chosen once at load time): with BMI1's ANDN, chi's `~b1 & b2` is one instruction, which
// measured 5-10% faster than the baseline x86-64 code (see bench/keccak_bench.cpp).
// Not under ThreadSanitizer: the ifunc resolver is instrumented and runs during relocation,
// before the TSan runtime is initialized, which crashes every TSan binary at load.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__APPLE__) && \
    !defined(__SANITIZE_THREAD__)
#define PARAEVM_KECCAK_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define PARAEVM_KECCAK_CLONES
#endif

/// Absorbs `blocks` consecutive rate-sized blocks from `in`.
PARAEVM_KECCAK_CLONES void absorb_blocks(uint64_t* state, const uint8_t* in, size_t blocks) {
  for (; blocks != 0; --blocks, in += kRate) {
    for (size_t i = 0; i < kRateLanes; ++i) state[i] ^= load_le64(in + 8 * i);
    keccak_f1600(state);
  }
}

}  // namespace

Hash keccak256(BytesView data) {
  uint64_t state[25] = {};
  // Full blocks are absorbed straight from the input, without copying.
  const size_t full = data.size() / kRate;
  absorb_blocks(state, data.data(), full);
  const uint8_t* p = data.data() + full * kRate;
  const size_t n = data.size() - full * kRate;

  // Last partial block (possibly empty) with Keccak pad10*1 and domain byte 0x01.
  uint8_t last[kRate] = {};
  if (n != 0) std::memcpy(last, p, n);
  last[n] ^= 0x01;
  last[kRate - 1] ^= 0x80;
  absorb_blocks(state, last, 1);

  Hash out;
  for (size_t i = 0; i < 4; ++i) store_le64(out.data() + 8 * i, state[i]);
  return out;
}

}  // namespace paraevm
