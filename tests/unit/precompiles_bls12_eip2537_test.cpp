// EIP-2537 precompiles on hand-made edge cases (encodings, infinity, subgroup rules, lengths and
// gas). The EIP's vectors are exercised through the EEST fixtures (precompiles_bls12_eest_test).
#include <gtest/gtest.h>

#include <string>

#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/groups.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

namespace bls = bls12_381;
Bytes g1_bytes(const bls::G1& p) {
  Bytes b(128);
  bls::encode_g1(p, b.data());
  return b;
}
Bytes g2_bytes(const bls::G2& p) {
  Bytes b(256);
  bls::encode_g2(p, b.data());
  return b;
}
Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
Bytes scalar_bytes(uint64_t k) {
  Bytes b(32, 0);
  for (int i = 0; i < 8; ++i) b[31 - i] = uint8_t(k >> (8 * i));
  return b;
}

/// A point on E1 outside G1 (x = 0..: the first x with x^3 + 4 a square).
bls::G1 g1_outside_subgroup() {
  for (uint64_t x = 1;; ++x) {
    bls::Fp y;
    const bls::Fp fx = bls::Fp::from_u64(x);
    if ((fx.square() * fx + bls::kG1B).sqrt(y)) {
      const bls::G1 p{fx, y, bls::Fp::one()};
      if (!bls::g1_in_subgroup_by_order(p)) return p;
    }
  }
}

TEST(Bls12Eip2537Edges, InfinityIsAllZerosAndIdentity) {
  const Bytes g = g1_bytes(bls::G1::from_affine(bls::g1_generator()));
  const Bytes zero(128, 0);
  auto r = bls12_g1add(Revision::Prague, concat({g, zero}), 375);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, g);
  r = bls12_g1add(Revision::Prague, concat({zero, zero}), 375);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, zero);
  // P + (-P) encodes as all zeros.
  const Bytes neg = g1_bytes(-bls::G1::from_affine(bls::g1_generator()));
  r = bls12_g1add(Revision::Prague, concat({g, neg}), 375);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, zero);
  // MSM with a zero scalar or the infinity point gives infinity.
  r = bls12_g1msm(Revision::Prague, concat({g, scalar_bytes(0), zero, scalar_bytes(5)}), 1'000'000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, zero);
}

TEST(Bls12Eip2537Edges, NonCanonicalFieldElementsRejected) {
  Bytes g = g1_bytes(bls::G1::from_affine(bls::g1_generator()));
  Bytes bad = g;
  bad[15] = 1;  // a top byte set (value >= 2^384 > p)
  EXPECT_FALSE(bls12_g1add(Revision::Prague, concat({bad, g}), 375).success);
  // x + p: same residue, not canonical.
  Bytes xp = g;
  unsigned carry = 0;
  Bytes p_bytes(64, 0);
  bls::Fp minus_one = bls::Fp::zero() - bls::Fp::one();
  bls::encode_fp(minus_one, p_bytes.data());
  p_bytes[63] += 1;  // p - 1 + 1 = p (the last byte of p - 1 is 0xaa, no carry)
  for (int i = 63; i >= 16; --i) {
    const unsigned s = unsigned(xp[size_t(i)]) + p_bytes[size_t(i)] + carry;
    xp[size_t(i)] = uint8_t(s);
    carry = s >> 8;
  }
  EXPECT_FALSE(bls12_g1add(Revision::Prague, concat({xp, g}), 375).success);
  // The map precompiles reject p itself.
  EXPECT_FALSE(bls12_map_fp_to_g1(Revision::Prague, p_bytes, 5500).success);
}

TEST(Bls12Eip2537Edges, OffCurveAndSubgroupRules) {
  const bls::G1 outside = g1_outside_subgroup();
  const Bytes out = g1_bytes(outside);
  const Bytes g = g1_bytes(bls::G1::from_affine(bls::g1_generator()));
  // Addition does not check the subgroup; MSM and pairing do.
  EXPECT_TRUE(bls12_g1add(Revision::Prague, concat({out, g}), 375).success);
  EXPECT_FALSE(bls12_g1msm(Revision::Prague, concat({out, scalar_bytes(1)}), 12000).success);
  const Bytes h = g2_bytes(bls::G2::from_affine(bls::g2_generator()));
  EXPECT_FALSE(bls12_pairing_check(Revision::Prague, concat({out, h}), 70300).success);
  // Off the curve: y + 1.
  Bytes off = g;
  off[127] ^= 1;
  EXPECT_FALSE(bls12_g1add(Revision::Prague, concat({off, g}), 375).success);
}

TEST(Bls12Eip2537Edges, LengthsAndGas) {
  EXPECT_FALSE(bls12_g1msm(Revision::Prague, {}, 1'000'000).success);
  EXPECT_FALSE(bls12_g2msm(Revision::Prague, {}, 1'000'000).success);
  EXPECT_FALSE(bls12_pairing_check(Revision::Prague, {}, 1'000'000).success);
  EXPECT_FALSE(bls12_g1add(Revision::Prague, Bytes(255, 0), 1000).success);
  EXPECT_FALSE(bls12_g1msm(Revision::Prague, Bytes(161, 0), 100000).success);
  // Gas: k * 12000 * discount / 1000 (final EIP table, e.g. k = 2: 949).
  const Bytes zero_pair(160, 0);
  const Bytes two = concat({zero_pair, zero_pair});
  const auto r = bls12_g1msm(Revision::Prague, two, 2 * 12000 * 949 / 1000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.gas_left, 0);
  EXPECT_FALSE(bls12_g1msm(Revision::Prague, two, 2 * 12000 * 949 / 1000 - 1).success);
  Bytes many;
  for (int i = 0; i < 200; ++i) many.insert(many.end(), zero_pair.begin(), zero_pair.end());
  const int64_t cost = 200LL * 12000 * 519 / 1000;  // k > 128: the maximum discount
  EXPECT_TRUE(bls12_g1msm(Revision::Prague, many, cost).success);
  EXPECT_FALSE(bls12_g1msm(Revision::Prague, many, cost - 1).success);
  // Pairing: 32600 k + 37700; all-infinity pairs verify.
  const Bytes pair(384, 0);
  const auto p = bls12_pairing_check(Revision::Prague, concat({pair, pair}), 102900);
  ASSERT_TRUE(p.success);
  EXPECT_EQ(p.output.back(), 1);
}

}  // namespace
}  // namespace paraevm::precompiles
