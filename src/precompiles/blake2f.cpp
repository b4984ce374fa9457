// 0x09 BLAKE2F: the BLAKE2b compression function F (EIP-152, Istanbul; RFC 7693 section 3.2).
// Input, exactly 213 bytes: rounds (4 bytes, big-endian) | h (8 x 8 bytes, little-endian) |
// m (16 x 8 bytes, little-endian) | t0, t1 (8 bytes each, little-endian) | f (1 byte, 0 or 1).
// Output: the new state h, 64 bytes little-endian. Gas: 1 per round (EIP-152 GFROUND).
#include <cstring>

#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

constexpr size_t kInputSize = 213;
constexpr int64_t kGasPerRound = 1;

// BLAKE2b initialization vector (RFC 7693 section 2.6: the SHA-512 IV).
constexpr uint64_t kIv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                             0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                             0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

// Message word schedule SIGMA (RFC 7693 section 2.7); round i uses row i mod 10.
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

inline uint64_t load_le64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | p[i];
  return v;
}

inline void store_le64(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

// The mixing function G (RFC 7693 section 3.1), rotation constants R1..R4 = 32, 24, 16, 63.
inline void mix(uint64_t v[16], int a, int b, int c, int d, uint64_t x, uint64_t y) {
  v[a] = v[a] + v[b] + x;
  v[d] = rotr(v[d] ^ v[a], 32);
  v[c] = v[c] + v[d];
  v[b] = rotr(v[b] ^ v[c], 24);
  v[a] = v[a] + v[b] + y;
  v[d] = rotr(v[d] ^ v[a], 16);
  v[c] = v[c] + v[d];
  v[b] = rotr(v[b] ^ v[c], 63);
}

/// Compression F with an arbitrary number of rounds (RFC 7693 section 3.2).
void blake2b_compress(uint32_t rounds, uint64_t h[8], const uint64_t m[16], uint64_t t0, uint64_t t1,
                      bool last) {
  uint64_t v[16];
  for (int i = 0; i < 8; ++i) {
    v[i] = h[i];
    v[i + 8] = kIv[i];
  }
  v[12] ^= t0;
  v[13] ^= t1;
  if (last) v[14] = ~v[14];
  for (uint32_t r = 0; r < rounds; ++r) {
    const uint8_t* s = kSigma[r % 10];
    mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
    mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
    mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
    mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
    mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
    mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
    mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
    mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
}

}  // namespace

PrecompileResult blake2f(Revision, BytesView input, int64_t gas_limit) {
  // A wrong length fails before any gas computation (EIP-152: "must be exactly 213 bytes").
  if (input.size() != kInputSize) return {false, 0, {}};
  const uint32_t rounds = static_cast<uint32_t>(input[0]) << 24 | static_cast<uint32_t>(input[1]) << 16 |
                          static_cast<uint32_t>(input[2]) << 8 | input[3];
  PrecompileResult result = charge(kGasPerRound * rounds, gas_limit);
  if (!result.success) return result;
  const uint8_t flag = input[212];
  if (flag > 1) return {false, 0, {}};

  uint64_t h[8], m[16];
  for (int i = 0; i < 8; ++i) h[i] = load_le64(&input[4 + 8 * i]);
  for (int i = 0; i < 16; ++i) m[i] = load_le64(&input[68 + 8 * i]);
  const uint64_t t0 = load_le64(&input[196]);
  const uint64_t t1 = load_le64(&input[204]);
  blake2b_compress(rounds, h, m, t0, t1, flag == 1);

  result.output.resize(64);
  for (int i = 0; i < 8; ++i) store_le64(&result.output[8 * i], h[i]);
  return result;
}

}  // namespace paraevm::precompiles
