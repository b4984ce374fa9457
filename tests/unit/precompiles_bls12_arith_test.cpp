// BLS12-381 arithmetic: field towers, group laws, endomorphism subgroup checks, pairing.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "precompiles/bls12_381/exponents.hpp"
#include "precompiles/bls12_381/pairing.hpp"

namespace paraevm::bls12_381 {
namespace {

Fp random_fp(std::mt19937_64& rng) {
  Limbs l;
  for (auto& w : l) w = rng();
  l[5] &= 0x0fffffffffffffff;  // below 2^380 < p
  return Fp::from_canonical(l);
}
Fp2 random_fp2(std::mt19937_64& rng) { return {random_fp(rng), random_fp(rng)}; }
Fp12 random_fp12(std::mt19937_64& rng) {
  auto f6 = [&] { return Fp6{random_fp2(rng), random_fp2(rng), random_fp2(rng)}; };
  return {f6(), f6()};
}
Scalar random_scalar(std::mt19937_64& rng) {
  return {rng(), rng(), rng(), rng() & 0x0fffffffffffffff};
}

/// A point on E1 not necessarily in G1: the first x >= seed with x^3 + 4 a square.
G1 g1_point_on_curve(uint64_t seed) {
  for (uint64_t x = seed;; ++x) {
    Fp y;
    const Fp fx = Fp::from_u64(x);
    if ((fx.square() * fx + kG1B).sqrt(y)) return {fx, y, Fp::one()};
  }
}
G2 g2_point_on_curve(uint64_t seed) {
  for (uint64_t x = seed;; ++x) {
    Fp2 y;
    const Fp2 fx{Fp::from_u64(x), Fp::one()};
    if ((fx.square() * fx + kG2B).sqrt(y)) return {fx, y, Fp2::one()};
  }
}

TEST(Bls12Fp, MontgomeryRoundTripAndKnownProduct) {
  // (p-1)^2 = 1 mod p
  const Fp minus_one = Fp::zero() - Fp::one();
  EXPECT_EQ(minus_one * minus_one, Fp::one());
  EXPECT_EQ(minus_one.canonical(), exponents::sub_small(kP, 1));
  const Fp a = Fp::from_u64(123456789);
  EXPECT_EQ(a.canonical()[0], 123456789u);
  EXPECT_EQ((Fp::from_u64(1ull << 40) * Fp::from_u64(1ull << 40)).canonical()[1], 1ull << 16);
}

TEST(Bls12Fp, InverseAndSqrt) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 20; ++i) {
    const Fp a = random_fp(rng);
    EXPECT_EQ(a * a.inverse(), Fp::one());
    Fp r;
    ASSERT_TRUE(a.square().sqrt(r));
    EXPECT_TRUE(r == a || r == -a);
    EXPECT_TRUE(a.square().is_square());
  }
  Fp r;
  EXPECT_FALSE((-Fp::one()).sqrt(r));  // p = 3 mod 4: -1 is a non-residue
}

TEST(Bls12Fp2, InverseSqrtAndTowerInverses) {
  std::mt19937_64 rng(2);
  for (int i = 0; i < 10; ++i) {
    const Fp2 a = random_fp2(rng);
    EXPECT_EQ(a * a.inverse(), Fp2::one());
    Fp2 r;
    ASSERT_TRUE(a.square().sqrt(r));
    EXPECT_EQ(r.square(), a.square());
    const Fp12 f = random_fp12(rng);
    EXPECT_EQ(f * f.inverse(), Fp12::one());
    EXPECT_EQ(f.square(), f * f);
  }
}

TEST(Bls12Fp12, FrobeniusIsPthPower) {
  std::mt19937_64 rng(3);
  const Fp12 f = random_fp12(rng);
  // f^p by square-and-multiply over p's bits.
  Fp12 pow = Fp12::one();
  for (int i = 5; i >= 0; --i)
    for (int b = 63; b >= 0; --b) {
      pow = pow.square();
      if ((kP[i] >> b) & 1) pow *= f;
    }
  EXPECT_EQ(f.frobenius(), pow);
}

TEST(Bls12Groups, GeneratorsOnCurveAndInSubgroup) {
  EXPECT_TRUE(on_curve(g1_generator(), kG1B));
  EXPECT_TRUE(on_curve(g2_generator(), kG2B));
  EXPECT_TRUE(g1_in_subgroup_by_order(G1::from_affine(g1_generator())));
  EXPECT_TRUE(g2_in_subgroup_by_order(G2::from_affine(g2_generator())));
  EXPECT_TRUE(g1_in_subgroup(G1::from_affine(g1_generator())));
  EXPECT_TRUE(g2_in_subgroup(G2::from_affine(g2_generator())));
}

TEST(Bls12Groups, FastSubgroupChecksAgreeWithOrderCheck) {
  int outside = 0;
  for (uint64_t seed = 1; seed < 40; seed += 3) {
    const G1 p = g1_point_on_curve(seed);
    const bool in = g1_in_subgroup_by_order(p);
    outside += !in;
    EXPECT_EQ(g1_in_subgroup(p), in) << seed;
    const G2 q = g2_point_on_curve(seed);
    EXPECT_EQ(g2_in_subgroup(q), g2_in_subgroup_by_order(q)) << seed;
    EXPECT_FALSE(g2_in_subgroup(q));  // cofactor is huge: random points are outside
    // Cleared by the G1 cofactor h = (x-1)^2/3 (times anything) they enter the subgroup.
    const G1 cleared = mul_u64(mul_u64(p, 0x396c8c005555e156), 0x1);
    EXPECT_EQ(g1_in_subgroup(cleared), g1_in_subgroup_by_order(cleared));
  }
  EXPECT_GT(outside, 0);
}

TEST(Bls12Groups, GroupLaw) {
  std::mt19937_64 rng(4);
  const G1 g = G1::from_affine(g1_generator());
  const Scalar a = random_scalar(rng), b = random_scalar(rng);
  // [a]G + [b]G == [a+b]G
  Scalar s{};
  unsigned __int128 carry = 0;
  for (int i = 0; i < 4; ++i) {
    carry += (unsigned __int128)a[i] + b[i];
    s[i] = uint64_t(carry);
    carry >>= 64;
  }
  EXPECT_TRUE(same_point(add(mul_scalar(g, a), mul_scalar(g, b)), mul_scalar(g, s)));
  const G1 ag = mul_scalar(g, a);
  EXPECT_TRUE(same_point(add_mixed(ag, to_affine(ag)), dbl(ag)));
  EXPECT_TRUE(add(ag, -ag).is_infinity());
  EXPECT_TRUE(on_curve(to_affine(ag), kG1B));
  const G2 h = G2::from_affine(g2_generator());
  EXPECT_TRUE(same_point(add(mul_scalar(h, a), mul_scalar(h, b)), mul_scalar(h, s)));
  EXPECT_TRUE(on_curve(to_affine(mul_scalar(h, a)), kG2B));
  // psi acts as [x] = -[|x|] on G2
  EXPECT_TRUE(same_point(psi(h), -mul_u64(h, kXAbs)));
}

TEST(Bls12Pairing, BilinearAndNonDegenerate) {
  const G1Affine g = g1_generator();
  const G2Affine h = g2_generator();
  const Fp12 e = pairing(g, h);
  EXPECT_NE(e, Fp12::one());
  const Scalar a = {0x1234567890abcdef, 0x42, 0, 0};
  const Scalar b = {0xfedcba0987654321, 0, 7, 0};
  const G1Affine ag = to_affine(mul_scalar(G1::from_affine(g), a));
  const G2Affine bh = to_affine(mul_scalar(G2::from_affine(h), b));
  const G1Affine bg = to_affine(mul_scalar(G1::from_affine(g), b));
  const G2Affine ah = to_affine(mul_scalar(G2::from_affine(h), a));
  EXPECT_EQ(pairing(ag, bh), pairing(bg, ah));
  // e(G, H)^r == 1
  Fp12 pow = Fp12::one();
  for (int i = 3; i >= 0; --i)
    for (int bit = 63; bit >= 0; --bit) {
      pow = pow.square();
      if ((kGroupOrder[i] >> bit) & 1) pow *= e;
    }
  EXPECT_EQ(pow, Fp12::one());
  // e(aG, bH) e(-bG, aH) == 1
  const G1Affine neg_bg{bg.x, -bg.y, false};
  const PairingInput pairs[2] = {{ag, bh}, {neg_bg, ah}};
  EXPECT_TRUE(pairing_check(pairs));
  const PairingInput wrong[2] = {{ag, bh}, {bg, ah}};
  EXPECT_FALSE(pairing_check(wrong));
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Fp, GmpInverseMatchesFermat) {
  std::mt19937_64 rng(9);
  for (int i = 0; i < 50; ++i) {
    const Fp a = random_fp(rng);
    EXPECT_EQ(a.inverse(), a.inverse_by_fermat());
  }
  EXPECT_EQ(Fp::one().inverse(), Fp::one());
  EXPECT_TRUE(Fp::zero().inverse().is_zero());
}

TEST(Bls12Fp12, CyclotomicSquareMatchesSquare) {
  std::mt19937_64 rng(10);
  for (int i = 0; i < 5; ++i) {
    const Fp12 f = random_fp12(rng);
    // f^((p^6 - 1)(p^2 + 1)) is in the cyclotomic subgroup.
    Fp12 a = f.conjugate() * f.inverse();
    a = a.frobenius().frobenius() * a;
    EXPECT_EQ(a.cyclotomic_square(), a.square());
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Fp6, SquareMatchesProduct) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 10; ++i) {
    const Fp6 a{random_fp2(rng), random_fp2(rng), random_fp2(rng)};
    EXPECT_EQ(a.square(), a * a);
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

#include "precompiles/bls12_381/msm.hpp"

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Msm, MatchesSumOfProducts) {
  std::mt19937_64 rng(12);
  for (size_t n : {1, 2, 3, 4, 5, 16, 40}) {
    std::vector<G1Affine> points;
    std::vector<Scalar> scalars;
    G1 expected = G1::infinity();
    for (size_t i = 0; i < n; ++i) {
      G1Affine p = to_affine(mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng)));
      if (i == 2) p = {};  // the point at infinity
      Scalar k{rng(), rng(), rng(), rng()};  // full 256-bit scalars, above r
      if (i == 1) k = {};                     // a zero scalar
      points.push_back(p);
      scalars.push_back(k);
      expected = add(expected, mul_scalar(G1::from_affine(p), k));
    }
    EXPECT_TRUE(same_point(msm(points, scalars), expected)) << n;
    std::vector<G2Affine> points2;
    G2 expected2 = G2::infinity();
    for (size_t i = 0; i < n; ++i) {
      points2.push_back(to_affine(mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng))));
      expected2 = add(expected2, mul_scalar(G2::from_affine(points2.back()), scalars[i]));
    }
    EXPECT_TRUE(same_point(msm(points2, scalars), expected2)) << n;
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Fp, AssemblyProductMatchesPortable) {
#ifdef PARAEVM_BLS12_381_ADX
  if (!detail::kHasAdx) GTEST_SKIP() << "CPU lacks ADX/BMI2: only the portable product runs";
#endif
  std::mt19937_64 rng(13);
  const Limbs p_minus_1 = exponents::sub_small(kP, 1);
  for (int i = 0; i < 2000; ++i) {
    Limbs a = random_fp(rng).v, b = random_fp(rng).v;
    if (i == 0) a = b = p_minus_1;  // the largest inputs
    if (i == 1) a = p_minus_1;
    EXPECT_EQ(detail::mont_mul(a, b), detail::mont_mul_portable(a, b));
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Pairing, PreparedMillerLoopMatchesGeneric) {
  std::mt19937_64 rng(21);
  std::vector<PairingInput> pairs;
  for (int i = 0; i < 3; ++i)
    pairs.push_back({to_affine(mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng))),
                     to_affine(mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng)))});
  pairs.push_back({g1_generator(), G2Affine{}});  // a point at infinity contributes 1
  std::vector<G2Prepared> prepared;
  for (const auto& pair : pairs) prepared.push_back(prepare_g2(pair.q));
  std::vector<PreparedInput> inputs;
  for (size_t i = 0; i < pairs.size(); ++i) inputs.push_back({pairs[i].p, &prepared[i]});
  EXPECT_EQ(miller_loop_prepared(inputs), miller_loop(pairs));
  EXPECT_EQ(final_exponentiation(miller_loop_prepared({inputs.data(), 1})), pairing(pairs[0].p, pairs[0].q));
}

TEST(Bls12Pairing, BilinearOnRandomScalars) {
  // e(aP, bQ) == e(P, Q)^(ab) with a, b below 2^64 (ab fits 128 bits).
  std::mt19937_64 rng(22);
  const G1 p = mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng));
  const G2 q = mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng));
  for (int i = 0; i < 2; ++i) {
    const uint64_t a = rng(), b = rng();
    const unsigned __int128 ab = (unsigned __int128)a * b;
    const Fp12 lhs = pairing(to_affine(mul_u64(p, a)), to_affine(mul_u64(q, b)));
    const Fp12 e = pairing(to_affine(p), to_affine(q));
    Fp12 rhs = Fp12::one();
    for (int bit = 127; bit >= 0; --bit) {
      rhs = rhs.square();
      if ((ab >> bit) & 1) rhs *= e;
    }
    EXPECT_EQ(lhs, rhs);
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Fp2, LazyProductMatchesSchoolbook) {
  // (a0 + a1 u)(b0 + b1 u) = (a0 b0 - a1 b1) + (a0 b1 + a1 b0) u, by Fp products.
  std::mt19937_64 rng(23);
  const Fp max{exponents::sub_small(kP, 1)};  // p - 1, the largest element
  for (int i = 0; i < 2000; ++i) {
    Fp2 a = random_fp2(rng), b = random_fp2(rng);
    if (i == 0) a = b = {max, max};
    if (i == 1) a = {max, Fp::zero()}, b = {Fp::zero(), max};
    if (i == 2) a = {Fp::zero(), max}, b = {Fp::zero(), max};
    if (i == 3) a = {Fp::one(), max}, b = {max, Fp::one()};
    const Fp2 expected{a.c0 * b.c0 - a.c1 * b.c1, a.c0 * b.c1 + a.c1 * b.c0};
    ASSERT_EQ(a * b, expected) << i;
    ASSERT_EQ(a.square(), a * a) << i;
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

/// f^((p^6 - 1)(p^2 + 1)): an element of the cyclotomic subgroup.
Fp12 to_cyclotomic(const Fp12& f) {
  const Fp12 a = f.conjugate() * f.inverse();
  return a.frobenius().frobenius() * a;
}

TEST(Bls12Fp12, CompressedSquareMatchesCyclotomicSquare) {
  std::mt19937_64 rng(24);
  for (int i = 0; i < 5; ++i) {
    Fp12 a = to_cyclotomic(random_fp12(rng));
    std::vector<Fp12Compressed> compressed;
    std::vector<Fp12> expected;
    Fp12Compressed c = Fp12Compressed::from(a);
    for (int k = 0; k < 8; ++k) {
      a = a.cyclotomic_square();
      c = c.square();
      compressed.push_back(c);
      expected.push_back(a);
      const Fp12Compressed from_full = Fp12Compressed::from(a);
      ASSERT_EQ(c.g1, from_full.g1);
      ASSERT_EQ(c.g2, from_full.g2);
      ASSERT_EQ(c.g4, from_full.g4);
      ASSERT_EQ(c.g5, from_full.g5);
    }
    std::vector<Fp12> decompressed(compressed.size());
    ASSERT_TRUE(decompress(compressed, decompressed));
    EXPECT_EQ(decompressed, expected);
  }
  // g1 = 0 (the identity) cannot be decompressed by the formula: reported, not garbage.
  const Fp12Compressed one = Fp12Compressed::from(Fp12::one());
  Fp12 out;
  EXPECT_FALSE(decompress({&one, 1}, {&out, 1}));
}

TEST(Bls12Pairing, FinalExponentiationOfOneAndSubfieldElements) {
  // Miller-loop values in a proper subfield map to 1 (the compressed path's fallback case).
  EXPECT_EQ(final_exponentiation(Fp12::one()), Fp12::one());
  std::mt19937_64 rng(25);
  const Fp12 sub{Fp6{random_fp2(rng), random_fp2(rng), random_fp2(rng)}, Fp6::zero()};
  EXPECT_EQ(final_exponentiation(sub), Fp12::one());
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Groups, GlvAndFixedBaseProductsMatchDoubleAndAdd) {
  std::mt19937_64 rng(26);
  const Scalar r_minus_1 = {kGroupOrder[0] - 1, kGroupOrder[1], kGroupOrder[2], kGroupOrder[3]};
  const unsigned __int128 x2 = (unsigned __int128)kXAbs * kXAbs;
  std::vector<Scalar> scalars = {{0, 0, 0, 0}, {1, 0, 0, 0}, r_minus_1, kGroupOrder,
                                 {uint64_t(x2), uint64_t(x2 >> 64), 0, 0},
                                 {uint64_t(x2 - 1), uint64_t((x2 - 1) >> 64), 0, 0}};
  for (int i = 0; i < 20; ++i) scalars.push_back({rng(), rng(), rng(), rng() & 0x3fffffffffffffff});
  const G1 g = G1::from_affine(g1_generator());
  for (const Scalar& k : scalars) {
    const G1Affine p = to_affine(mul_scalar(g, random_scalar(rng)));
    EXPECT_TRUE(same_point(g1_mul_glv(p, k), mul_scalar(G1::from_affine(p), k)));
    EXPECT_TRUE(same_point(g1_mul_generator(k), mul_scalar(g, k)));
  }
  EXPECT_TRUE(g1_mul_glv(G1Affine{}, r_minus_1).is_infinity());
  // The full 256-bit range for the fixed-base table.
  const Scalar all_ones = {~0ull, ~0ull, ~0ull, ~0ull};
  EXPECT_TRUE(same_point(g1_mul_generator(all_ones), mul_scalar(g, all_ones)));
}

TEST(Bls12Groups, BatchToAffineMatchesOneByOne) {
  std::mt19937_64 rng(27);
  std::vector<G1> points;
  for (int i = 0; i < 5; ++i) {
    points.push_back(mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng)));
    if (i == 2) points.push_back(G1::infinity());
  }
  const std::vector<G1Affine> affine = batch_to_affine(points);
  ASSERT_EQ(affine.size(), points.size());
  for (size_t i = 0; i < points.size(); ++i) EXPECT_EQ(affine[i], to_affine(points[i])) << i;
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Msm, EndomorphismSplitMatchesPlainPippenger) {
  // Sizes across the Straus / Pippenger boundary and several window widths; scalars at the
  // edges of the split (0, r - 1, r, 2^256 - 1, multiples of |x|).
  std::mt19937_64 rng(28);
  const Scalar r_minus_1 = {kGroupOrder[0] - 1, kGroupOrder[1], kGroupOrder[2], kGroupOrder[3]};
  const std::vector<Scalar> edges = {{0, 0, 0, 0}, r_minus_1, kGroupOrder, {~0ull, ~0ull, ~0ull, ~0ull},
                                     {kXAbs, 0, 0, 0}, {kXAbs - 1, 0, 0, 0}, {0, 0, 0, 1}};
  for (size_t n : {1, 2, 3, 7, 33, 130}) {
    std::vector<G1Affine> p1;
    std::vector<G2Affine> p2;
    std::vector<Scalar> k;
    for (size_t i = 0; i < n; ++i) {
      p1.push_back(to_affine(mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng))));
      p2.push_back(to_affine(mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng))));
      k.push_back(i < edges.size() && n < 100 ? edges[i] : Scalar{rng(), rng(), rng(), rng()});
    }
    if (n > 2) p1[1] = {}, p2[1] = {};  // points at infinity
    EXPECT_TRUE(same_point(msm(p1, k), msm_no_endomorphism(p1, k))) << n;
    EXPECT_TRUE(same_point(msm(p2, k), msm_no_endomorphism(p2, k))) << n;
  }
  // Single products against double-and-add.
  for (const Scalar& s : edges) {
    const G2Affine q = to_affine(mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng)));
    EXPECT_TRUE(same_point(msm({&q, 1}, {&s, 1}), mul_scalar(G2::from_affine(q), s)));
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Fp, SquareMatchesProduct) {
  std::mt19937_64 rng(29);
  const Limbs p_minus_1 = exponents::sub_small(kP, 1);
  for (int i = 0; i < 5000; ++i) {
    Fp a = random_fp(rng);
    if (i == 0) a = Fp{p_minus_1};
    if (i == 1) a = Fp::zero();
    if (i == 2) a = Fp{{~0ull, ~0ull, ~0ull, ~0ull, ~0ull, 0x0fffffffffffffff}};  // all-ones words
    if (i == 3) a = Fp{{~0ull, 0, ~0ull, 0, ~0ull, 0}};
    ASSERT_EQ(a.square(), a * a) << i;
    ASSERT_EQ(a.square().v, detail::mont_mul_portable(a.v, a.v)) << i;
  }
}

}  // namespace
}  // namespace paraevm::bls12_381

namespace paraevm::bls12_381 {
namespace {

TEST(Bls12Msm, AffineBucketsWithRepeatedAndOppositePoints) {
  // Enough points for the batched affine bucket sums; copies of one point and of its negation
  // with equal scalars land in the same buckets and exercise the tangent and P + (-P) cases.
  std::mt19937_64 rng(30);
  const G1Affine p1 = to_affine(mul_scalar(G1::from_affine(g1_generator()), random_scalar(rng)));
  const G2Affine p2 = to_affine(mul_scalar(G2::from_affine(g2_generator()), random_scalar(rng)));
  std::vector<G1Affine> a1;
  std::vector<G2Affine> a2;
  std::vector<Scalar> k;
  G1 expected1 = G1::infinity();
  G2 expected2 = G2::infinity();
  for (size_t i = 0; i < 150; ++i) {
    const bool opposite = i % 3 == 2;
    const G1Affine q1 = i % 5 == 4 ? to_affine(mul_scalar(G1::from_affine(p1), random_scalar(rng)))
                        : opposite ? G1Affine{p1.x, -p1.y, false} : p1;
    const G2Affine q2 = i % 5 == 4 ? to_affine(mul_scalar(G2::from_affine(p2), random_scalar(rng)))
                        : opposite ? G2Affine{p2.x, -p2.y, false} : p2;
    const Scalar s = i % 2 == 0 ? Scalar{0x1234, 0, 0, 0} : Scalar{rng(), rng(), rng(), rng()};
    a1.push_back(q1);
    a2.push_back(q2);
    k.push_back(s);
    expected1 = add(expected1, mul_scalar(G1::from_affine(q1), s));
    expected2 = add(expected2, mul_scalar(G2::from_affine(q2), s));
  }
  EXPECT_TRUE(same_point(msm(a1, k), expected1));
  EXPECT_TRUE(same_point(msm(a2, k), expected2));
  EXPECT_TRUE(same_point(msm_no_endomorphism(a1, k), expected1));
  EXPECT_TRUE(same_point(msm_no_endomorphism(a2, k), expected2));
}

}  // namespace
}  // namespace paraevm::bls12_381
