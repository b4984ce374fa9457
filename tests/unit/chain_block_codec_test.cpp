// Block RLP codec: mainnet's genesis hash, round trips with every fork's optional header fields,
// malformed blocks rejected with a reason.
#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "chain/block_codec.hpp"

namespace paraevm {
namespace {

Hash h(std::string_view hex) { return *fixed_from_hex<32>(hex); }

BlockHeader mainnet_genesis() {
  BlockHeader g;
  g.ommers_hash = h("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
  g.state_root = h("d7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544");
  g.transactions_root = h("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  g.receipts_root = g.transactions_root;
  g.difficulty = U256{17179869184ULL};
  g.gas_limit = 5000;
  g.extra_data = *from_hex("11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa");
  g.nonce = *fixed_from_hex<8>("0000000000000042");
  return g;
}

TEST(BlockCodec, MainnetGenesisHash) {
  EXPECT_EQ(block_hash(mainnet_genesis()),
            h("d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"));
}

Bytes encode_block(const BlockHeader& header, bool with_withdrawals) {
  RlpEncoder e;
  const size_t m = e.begin_list();
  e.append_raw(encode_header(header));
  e.append_list_header(0);  // transactions
  e.append_list_header(0);  // ommers
  if (with_withdrawals) {
    const size_t w = e.begin_list();
    const size_t one = e.begin_list();
    e.append_u64(7).append_u64(9).append_address(Address{}).append_u64(1000);
    e.end_list(one);
    e.end_list(w);
  }
  e.end_list(m);
  return e.take();
}

TEST(BlockCodec, RoundTripsEveryForksFields) {
  BlockHeader hdr = mainnet_genesis();
  hdr.number = 12;
  hdr.base_fee = U256{7};
  hdr.withdrawals_root = h("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  hdr.blob_gas_used = 131072;
  hdr.excess_blob_gas = 0;
  hdr.parent_beacon_block_root =
      h("0101010101010101010101010101010101010101010101010101010101010101");
  hdr.requests_hash = h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const Bytes encoded = encode_block(hdr, true);
  std::string error;
  auto decoded = decode_block(encoded, &error);
  ASSERT_TRUE(decoded) << error;
  EXPECT_EQ(encode_header(decoded->block.header), encode_header(hdr));
  EXPECT_EQ(decoded->hash, block_hash(hdr));
  EXPECT_EQ(decoded->block.header.requests_hash, hdr.requests_hash);
  EXPECT_EQ(decoded->block.header.excess_blob_gas, std::optional<uint64_t>{0});
  ASSERT_TRUE(decoded->block.withdrawals);
  ASSERT_EQ(decoded->block.withdrawals->size(), 1u);
  EXPECT_EQ((*decoded->block.withdrawals)[0].validator_index, 9u);
  EXPECT_EQ((*decoded->block.withdrawals)[0].amount_gwei, 1000u);
  EXPECT_EQ(decoded->encoded_size, encoded.size());
}

TEST(BlockCodec, PreLondonHeaderHasNoOptionalFields) {
  auto decoded = decode_block(encode_block(mainnet_genesis(), false));
  ASSERT_TRUE(decoded);
  EXPECT_FALSE(decoded->block.header.base_fee);
  EXPECT_FALSE(decoded->block.withdrawals);
}

TEST(BlockCodec, RejectsMalformedBlocks) {
  Bytes encoded = encode_block(mainnet_genesis(), false);
  std::string error;
  EXPECT_FALSE(decode_block(BytesView(encoded).first(encoded.size() - 1), &error));
  EXPECT_FALSE(error.empty());
  encoded.push_back(0x80);  // trailing byte after the block
  error.clear();
  EXPECT_FALSE(decode_block(encoded, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(decode_block(Bytes{0xc0}, &error));  // no header
}

}  // namespace
}  // namespace paraevm
