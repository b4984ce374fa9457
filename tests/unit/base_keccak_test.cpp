// Keccak-256 against published vectors and Crypto++-produced vectors for lengths around the
// 136-byte rate, plus a straightforward spec-transcription reference on random inputs.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/hex.hpp"
#include "base/keccak.hpp"

namespace paraevm {
namespace {

std::string keccak_hex(std::string_view s) { return to_hex(keccak256(to_view(s)), false); }

TEST(Keccak, KnownVectors) {
  EXPECT_EQ(keccak_hex(""), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(keccak_hex("abc"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  EXPECT_EQ(keccak_hex("The quick brown fox jumps over the lazy dog"),
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
  EXPECT_EQ(keccak_hex(std::string(1000000, 'a')),
            "fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96");
}

// Vectors produced with CryptoPP::Keccak_256 (an independent implementation).
TEST(Keccak, AroundTheRate) {
  const std::pair<size_t, const char*> cases[] = {
      {135, "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446"},
      {136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e"},
      {137, "d869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39"},
      {271, "132f47effd6c8b1b299efa53fe68aece77ec8ae4eb2e294f668eec94f76001e1"},
      {272, "cf7fcd4f705ee749930d19ca84561a9bf62516bd90a471545fa2f49fdc7e63c8"},
      {273, "5a7b8187d2778e614097fac3097573de1fee4d972304d3360796a857029bb176"},
      {1000, "b6a4ac1f51884d71f30fa397a5e155de3099e11fc0edef5d08b646e621e19de9"},
  };
  for (auto [n, expected] : cases) EXPECT_EQ(keccak_hex(std::string(n, 'a')), expected) << n;

  std::string seq;
  for (int i = 0; i < 500; ++i) seq.push_back(static_cast<char>(i & 0xff));
  EXPECT_EQ(keccak_hex(seq), "cbfabf79afab5860388c0abad0004bfbf11a8be32b02427078883c926c25745b");
}

// Direct transcription of the Keccak reference (FIPS 202 step mappings, lane-by-lane loops).
Hash reference_keccak256(BytesView in) {
  static const int kRho[25] = {0,  1,  62, 28, 27, 36, 44, 6,  55, 20, 3,  10, 43,
                               25, 39, 41, 45, 15, 21, 8,  18, 2,  61, 56, 14};
  uint64_t s[25] = {};
  auto permute = [&] {
    uint64_t rc_lfsr = 1;  // LFSR x^8+x^6+x^5+x^4+1 generating the round constants
    auto rc_bit = [&] {
      const bool bit = rc_lfsr & 1;
      rc_lfsr = (rc_lfsr & 0x80) ? ((rc_lfsr << 1) ^ 0x171) : (rc_lfsr << 1);
      return bit;
    };
    for (int r = 0; r < 24; ++r) {
      uint64_t c[5], b[25];
      for (int x = 0; x < 5; ++x) c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) s[x + 5 * y] ^= c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y)
          b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(s[x + 5 * y], kRho[x + 5 * y]);
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y)
          s[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
      for (int j = 0; j < 7; ++j)
        if (rc_bit()) s[0] ^= 1ULL << ((1 << j) - 1);
    }
  };
  Bytes msg(in.begin(), in.end());
  msg.push_back(0x01);
  while (msg.size() % 136 != 0) msg.push_back(0);
  msg.back() |= 0x80;
  for (size_t off = 0; off < msg.size(); off += 136) {
    for (size_t i = 0; i < 136; ++i) s[i / 8] ^= uint64_t{msg[off + i]} << (8 * (i % 8));
    permute();
  }
  Hash out;
  for (size_t i = 0; i < 32; ++i) out[i] = static_cast<uint8_t>(s[i / 8] >> (8 * (i % 8)));
  return out;
}

TEST(Keccak, ReferenceSelfCheck) {
  EXPECT_EQ(to_hex(reference_keccak256({}), false),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
}

TEST(Keccak, MatchesReferenceOnRandomInputs) {
  std::mt19937_64 rng(12345);
  for (size_t len = 0; len < 700; ++len) {
    Bytes data(len);
    for (auto& b : data) b = static_cast<uint8_t>(rng());
    ASSERT_EQ(keccak256(data), reference_keccak256(data)) << "length " << len;
  }
}

TEST(Keccak, UnalignedInput) {
  Bytes buf(300);
  for (size_t i = 0; i < buf.size(); ++i) buf[i] = static_cast<uint8_t>(i * 7);
  for (size_t off = 1; off < 8; ++off) {
    BytesView v(buf.data() + off, 200);
    Bytes copy(v.begin(), v.end());
    EXPECT_EQ(keccak256(v), keccak256(copy));
  }
}

}  // namespace
}  // namespace paraevm
