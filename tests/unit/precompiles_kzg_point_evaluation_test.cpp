// EIP-4844 point evaluation (0x0a): the trusted-setup constant, the EEST fixtures'
// calls (cancun/eip4844_blobs), and input-validation edge cases.
#include <gtest/gtest.h>

#include "crypto/hashes.hpp"
#include "precompile_call_fixtures.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

namespace bls = bls12_381;

// A valid input from the EEST fixture test_valid_inputs "in_bounds_z": commitment and proof
// are the point at infinity (the zero polynomial), z = r - 1, y = 0.
const Bytes kValid = test::fixture_hex(
    "010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014"
    "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");

Bytes expected_output() {
  Bytes out(64, 0);
  out[30] = 0x10;  // 4096
  const Bytes r = test::fixture_hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  std::copy(r.begin(), r.end(), out.begin() + 32);
  return out;
}

TEST(KzgPointEvaluation, ValidInputAndOutput) {
  const PrecompileResult r = point_evaluation(Revision::Cancun, kValid, 60000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.gas_left, 10000);
  EXPECT_EQ(r.output, expected_output());
  EXPECT_FALSE(point_evaluation(Revision::Cancun, kValid, 49999).success);
}

TEST(KzgPointEvaluation, InvalidInputs) {
  Bytes longer = kValid;
  longer.push_back(0);
  EXPECT_FALSE(point_evaluation(Revision::Cancun, longer, 60000).success);
  EXPECT_FALSE(point_evaluation(Revision::Cancun, BytesView(kValid).first(191), 60000).success);
  Bytes bad_version = kValid;
  bad_version[0] = 0x02;
  EXPECT_FALSE(point_evaluation(Revision::Cancun, bad_version, 60000).success);
  Bytes z_is_r = kValid;
  z_is_r[63] = 0x01;  // z = r: out of the field
  EXPECT_FALSE(point_evaluation(Revision::Cancun, z_is_r, 60000).success);
  Bytes y_nonzero = kValid;
  y_nonzero[95] = 1;  // the zero polynomial does not evaluate to 1
  EXPECT_FALSE(point_evaluation(Revision::Cancun, y_nonzero, 60000).success);
  // Infinity with the sign bit set is not a valid compressed point (and changes the hash:
  // recompute it so only the encoding is wrong).
  Bytes bad_inf = kValid;
  bad_inf[96] = 0xe0;
  Hash h = paraevm::sha256(BytesView(bad_inf).subspan(96, 48));
  h[0] = 0x01;
  std::copy(h.begin(), h.end(), bad_inf.begin());
  EXPECT_FALSE(point_evaluation(Revision::Cancun, bad_inf, 60000).success);
}

TEST(KzgPointEvaluation, TrustedSetupTauIsInG2) {
  const Bytes tau = test::fixture_hex(
      "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72"
      "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2");
  bls::G2Affine p;
  ASSERT_EQ(bls::decompress_g2(tau.data(), p), bls::DecodeError::kOk);
  EXPECT_TRUE(bls::on_curve(p, bls::kG2B));
  EXPECT_TRUE(bls::g2_in_subgroup_by_order(bls::G2::from_affine(p)));
}

TEST(KzgPointEvaluation, CompressedG1RoundTripOfGenerator) {
  // The ZCash encoding of the G1 generator (sign bit clear, x with the compression flag).
  const Bytes g = test::fixture_hex(
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
  bls::G1Affine p;
  ASSERT_EQ(bls::decompress_g1(g.data(), p), bls::DecodeError::kOk);
  EXPECT_EQ(p, bls::g1_generator());
  Bytes flipped = g;
  flipped[0] |= 0x20;
  ASSERT_EQ(bls::decompress_g1(flipped.data(), p), bls::DecodeError::kOk);
  EXPECT_EQ(p.y, -bls::g1_generator().y);
  Bytes uncompressed = g;
  uncompressed[0] &= 0x7f;
  EXPECT_EQ(bls::decompress_g1(uncompressed.data(), p), bls::DecodeError::kBadCompressedFlags);
}

TEST(KzgPointEvaluation, EestFixtureCalls) {
  const auto dir = test::eest_state_dir("cancun/eip4844_blobs");
  if (!dir) GTEST_SKIP() << "PARAEVM_DATA is not set";
  size_t checked = 0, successes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    for (const auto& call :
         test::load_precompile_calls(entry.path(), {"Cancun", "Prague", "Osaka"})) {
      if (call.address != 0x0a) continue;
      const PrecompileResult r = point_evaluation(Revision::Cancun, call.input, call.gas);
      EXPECT_EQ(r.success, call.expect_success) << call.name;
      if (r.success) {
        EXPECT_EQ(r.output, expected_output()) << call.name;
      }
      ++checked;
      successes += r.success;
    }
  }
  EXPECT_GT(checked, 400u);  // 417 calls of this shape in the tests-v5.4.0 fixtures
  EXPECT_GT(successes, 10u);
  std::printf("checked %zu point-evaluation calls, %zu valid\n", checked, successes);
}

}  // namespace
}  // namespace paraevm::precompiles
