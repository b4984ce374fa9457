// EIP-2537 precompiles against EEST state-test fixtures (prague/eip2537_bls_12_381_precompiles):
// every call of the "forward calldata, store success" shape must succeed or fail as the
// post state says, and a success must return as many bytes as the fixture stored.
#include <gtest/gtest.h>

#include "precompile_call_fixtures.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

EntryPoint bls_entry(uint8_t address) {
  switch (address) {
    case 0x0b: return bls12_g1add;
    case 0x0c: return bls12_g1msm;
    case 0x0d: return bls12_g2add;
    case 0x0e: return bls12_g2msm;
    case 0x0f: return bls12_pairing_check;
    case 0x10: return bls12_map_fp_to_g1;
    case 0x11: return bls12_map_fp2_to_g2;
    default: return nullptr;
  }
}

TEST(Bls12Eest, FixtureCalls) {
  const auto dir = test::eest_state_dir("prague/eip2537_bls_12_381_precompiles");
  if (!dir) GTEST_SKIP() << "PARAEVM_DATA is not set";
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    for (const auto& call : test::load_precompile_calls(entry.path(), {"Prague", "Osaka"})) {
      const EntryPoint run = bls_entry(call.address);
      if (run == nullptr) continue;
      const PrecompileResult r = run(Revision::Prague, call.input, call.gas);
      EXPECT_EQ(r.success, call.expect_success) << call.name;
      if (r.success && call.storage.count("0x01")) {
        EXPECT_EQ(r.output.size(), std::stoul(call.storage.at("0x01"), nullptr, 16)) << call.name;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 700u);  // 728 calls of this shape in the tests-v5.4.0 fixtures
  std::printf("checked %zu precompile calls\n", checked);
}

}  // namespace
}  // namespace paraevm::precompiles
