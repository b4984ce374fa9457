// The precompile activation table.
#include <gtest/gtest.h>

#include "precompiles_test_util.hpp"

namespace paraevm {
namespace {

using test::precompile_address;

TEST(Registry, ActivationByRevision) {
  struct Case {
    uint16_t address;
    Revision since;
  };
  constexpr Case kCases[] = {
      {0x01, Revision::Frontier},  {0x04, Revision::Frontier},  {0x05, Revision::Byzantium},
      {0x08, Revision::Byzantium}, {0x09, Revision::Istanbul},  {0x0a, Revision::Cancun},
      {0x0b, Revision::Prague},    {0x11, Revision::Prague},    {0x100, Revision::Osaka},
  };
  for (const auto& c : kCases) {
    for (int r = 0; r < kRevisionCount; ++r) {
      const auto rev = static_cast<Revision>(r);
      EXPECT_EQ(is_precompile(rev, precompile_address(c.address)), at_least(rev, c.since))
          << "address " << c.address << " in " << r;
    }
  }
}

TEST(Registry, NonPrecompiles) {
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0)));
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0x12)));
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0x101)));
  Address a = precompile_address(1);
  a[0] = 1;
  EXPECT_FALSE(is_precompile(Revision::Osaka, a));
  EXPECT_FALSE(run_precompile(Revision::Osaka, a, {}, 100000).success);
}

}  // namespace
}  // namespace paraevm
