// ECRECOVER (0x01): vectors, v/r/s validation, padding and gas.
#include <gtest/gtest.h>

#include "crypto/secp256k1.hpp"
#include "precompiles_test_util.hpp"

namespace paraevm {
namespace {

using test::Vector;

// From go-ethereum core/vm/testdata/precompiles/ecRecover.json.
constexpr Vector kEcrecoverVectors[] = {
    {"CallEcrecoverUnrecoverableKey",
     "a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281000000000000000000000000"
     "000000000000000000000000000000000000001b307835653165303366353363653138623737326363623030"
     "3933666637316633663533663563373562373464636233316138356161386238383932623465386211223344"
     "55667788991011121314151617181920212223242526272829303132",
     "",
     3000},
    {"ValidKey",
     "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000"
     "000000000000000000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f"
     "37096c9aa6a5a75feeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
     "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b",
     3000},
    {"InvalidHighV-bits-1",
     "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c100000000000000000000000"
     "000000000000000000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f"
     "37096c9aa6a5a75feeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
     "",
     3000},
    {"InvalidHighV-bits-2",
     "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000"
     "000000000000001000000000000000000000001c73b1693892219d736caba55bdb67216e485557ea6b6af75f"
     "37096c9aa6a5a75feeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
     "",
     3000},
    {"InvalidHighV-bits-3",
     "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c000000000000000000000000"
     "000000000000001000000000000000000000011c73b1693892219d736caba55bdb67216e485557ea6b6af75f"
     "37096c9aa6a5a75feeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
     "",
     3000},
};

PrecompileResult call(const Bytes& in, int64_t gas = 3000) {
  return run_precompile(Revision::Cancun, test::precompile_address(0x01), in, gas);
}

TEST(Ecrecover, Vectors) {
  for (const auto& v : kEcrecoverVectors) test::check_vector(0x01, Revision::Frontier, v);
}

/// hash | v | r | s for a signature by `key` (recovery id -> v = 27 + id).
Bytes signed_input(const Hash& h, const Bytes32& key, Address& signer) {
  auto sig = sign(h, key);
  EXPECT_TRUE(sig.has_value());
  signer = address_from_private_key(key).value_or(Address{});
  Bytes in(128, 0);
  std::copy(h.begin(), h.end(), in.begin());
  in[63] = static_cast<uint8_t>(27 + sig->recovery_id);
  sig->r.to_be(&in[64]);
  sig->s.to_be(&in[96]);
  return in;
}

TEST(Ecrecover, RecoversSigner) {
  Hash h;
  h[0] = 0x42;
  Bytes32 key;
  key[31] = 7;
  Address signer;
  const Bytes in = signed_input(h, key, signer);
  auto r = call(in);
  ASSERT_TRUE(r.success);
  ASSERT_EQ(r.output.size(), 32u);
  EXPECT_TRUE(std::all_of(r.output.begin(), r.output.begin() + 12, [](uint8_t b) { return b == 0; }));
  EXPECT_TRUE(std::equal(signer.begin(), signer.end(), r.output.begin() + 12));
  EXPECT_EQ(r.gas_left, 0);
  // Extra input past 128 bytes is ignored.
  Bytes longer = in;
  longer.resize(200, 0xaa);
  EXPECT_EQ(call(longer).output, r.output);
}

TEST(Ecrecover, InvalidInputsGiveEmptyOutput) {
  Hash h;
  h[5] = 1;
  Bytes32 key;
  key[31] = 9;
  Address signer;
  const Bytes good = signed_input(h, key, signer);
  Bytes in = good;
  in[63] = 29;  // v not 27/28
  EXPECT_TRUE(call(in).output.empty());
  in = good;
  in[62] = 1;  // v with a non-zero upper byte (v = 256 + 27)
  EXPECT_TRUE(call(in).output.empty());
  in = good;
  std::fill(in.begin() + 64, in.begin() + 96, 0);  // r = 0
  EXPECT_TRUE(call(in).output.empty());
  in = good;
  kSecp256k1N.to_be(&in[96]);  // s = n
  EXPECT_TRUE(call(in).output.empty());
  auto r = call(in);
  EXPECT_TRUE(r.success);
  EXPECT_EQ(r.gas_left, 0);
  EXPECT_TRUE(call(Bytes{}).output.empty());  // all zeros: v = 0
}

TEST(Ecrecover, HighSIsAccepted) {
  // The precompile does not apply EIP-2: s and n - s both recover (with flipped v).
  Hash h;
  h[9] = 3;
  Bytes32 key;
  key[30] = 1;
  Address signer;
  Bytes in = signed_input(h, key, signer);
  const U256 s = U256::from_be(BytesView(&in[96], 32));
  (kSecp256k1N - s).to_be(&in[96]);
  in[63] = in[63] == 27 ? 28 : 27;
  auto r = call(in);
  ASSERT_EQ(r.output.size(), 32u);
  EXPECT_TRUE(std::equal(signer.begin(), signer.end(), r.output.begin() + 12));
}

TEST(Ecrecover, Gas) {
  EXPECT_FALSE(call(Bytes(128, 0), 2999).success);
  EXPECT_TRUE(call(Bytes(128, 0), 3000).success);
}

}  // namespace
}  // namespace paraevm
