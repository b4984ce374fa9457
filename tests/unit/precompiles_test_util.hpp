// Helpers shared by the precompile unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "base/hex.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::test {

/// Decodes test-vector hex (a test error, not a crash, on malformed hex).
inline Bytes unhex(std::string_view s) {
  auto b = from_hex(s);
  EXPECT_TRUE(b.has_value()) << "bad hex in test vector: " << s.substr(0, 40);
  return b.value_or(Bytes{});
}

/// The address of precompile number `n` (0x01 ... 0x100).
inline Address precompile_address(uint16_t n) {
  Address a;
  a[18] = static_cast<uint8_t>(n >> 8);
  a[19] = static_cast<uint8_t>(n);
  return a;
}

/// A (name, input, expected output, gas) test vector; expected == nullptr: the call must fail.
struct Vector {
  const char* name;
  const char* input;
  const char* expected;
  int64_t gas;
};

/// Runs `v` through the precompile at `address` under `rev` and checks output and gas used: with
/// exactly enough gas it succeeds, with one less it fails.
inline void check_vector(uint16_t address, Revision rev, const Vector& v) {
  SCOPED_TRACE(v.name);
  const Bytes input = unhex(v.input);
  const Address addr = precompile_address(address);
  constexpr int64_t kLimit = 100'000'000;
  const PrecompileResult r = run_precompile(rev, addr, input, kLimit);
  if (v.expected == nullptr) {
    EXPECT_FALSE(r.success);
    return;
  }
  ASSERT_TRUE(r.success);
  EXPECT_EQ(to_hex(r.output, false), std::string(v.expected));
  EXPECT_EQ(kLimit - r.gas_left, v.gas);
  if (v.gas > 0) {
    EXPECT_TRUE(run_precompile(rev, addr, input, v.gas).success);
    EXPECT_FALSE(run_precompile(rev, addr, input, v.gas - 1).success);
  }
}

}  // namespace paraevm::test
