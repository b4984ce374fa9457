// EIP-7934 (Osaka): a block whose RLP encoding exceeds kMaxRlpBlockSize (8 MiB) is invalid; one
// of exactly that size passes the size check, and before Osaka there is no limit.
#include <gtest/gtest.h>

#include "base/keccak.hpp"
#include "chain/block_processor.hpp"
#include "chain/transaction_codec.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

const Hash kEmptyRoot = ordered_trie_root({});

BlockHeader osaka_parent() {
  BlockHeader p;
  p.number = 10;
  p.timestamp = 100;
  p.gas_limit = 60'000'000;
  p.gas_used = 30'000'000;
  p.base_fee = U256{7};
  p.ommers_hash = keccak256(Bytes{0xc0});
  p.withdrawals_root = kEmptyRoot;
  p.blob_gas_used = 0;
  p.excess_blob_gas = 0;
  p.parent_beacon_block_root = Hash{};
  p.requests_hash = Hash{};
  return p;
}

/// An Osaka child of `p` whose only transaction carries `data_size` bytes of calldata, decoded
/// from its RLP as blocktest would.
DecodedBlock block_with_calldata(const BlockHeader& p, size_t data_size) {
  Transaction tx;
  tx.to = Address{};
  tx.gas_limit = 21'000;
  tx.data.assign(data_size, 0x01);
  BlockHeader h = p;
  h.parent_hash = block_hash(p);
  h.number = p.number + 1;
  h.timestamp = p.timestamp + 12;
  h.gas_used = 0;
  h.base_fee = expected_base_fee(p, false);
  h.transactions_root = ordered_trie_root(std::vector<Bytes>{encode_transaction(tx)});
  RlpEncoder e;
  const size_t m = e.begin_list();
  e.append_raw(encode_header(h));
  const size_t txs = e.begin_list();
  e.append_raw(encode_transaction(tx));  // a legacy transaction is an RLP list itself
  e.end_list(txs);
  e.append_list_header(0);  // ommers
  e.append_list_header(0);  // withdrawals
  e.end_list(m);
  std::string error;
  auto decoded = decode_block(e.take(), &error);
  EXPECT_TRUE(decoded) << error;
  return *decoded;
}

std::optional<std::string> process(const DecodedBlock& block, const BlockHeader& parent,
                                   Revision rev) {
  BlockRules rules;
  rules.header = {rev, rev, std::nullopt, std::nullopt};
  InMemoryState state;
  return process_block(state, block, parent, rules).error;
}

TEST(BlockSize, Eip7934LimitIs8MiB) { EXPECT_EQ(kMaxRlpBlockSize, 8'388'608u); }

TEST(BlockSize, OsakaRejectsABlockOneByteOverTheLimit) {
  const BlockHeader p = osaka_parent();
  // Calldata lengths of this size share their RLP prefix lengths, so the block grows byte for
  // byte with the calldata: find the length that makes the block exactly kMaxRlpBlockSize.
  const size_t probe = 8'000'000;
  const size_t overhead = block_with_calldata(p, probe).encoded_size - probe;
  const DecodedBlock at_limit = block_with_calldata(p, kMaxRlpBlockSize - overhead);
  const DecodedBlock over = block_with_calldata(p, kMaxRlpBlockSize - overhead + 1);
  ASSERT_EQ(at_limit.encoded_size, kMaxRlpBlockSize);
  ASSERT_EQ(over.encoded_size, kMaxRlpBlockSize + 1);

  EXPECT_EQ(process(over, p, Revision::Osaka), "BLOCK_RLP_SIZE_LIMIT_EXCEEDED");
  // At the limit the size passes; the unsigned transaction then fails sender recovery.
  const auto at_limit_error = process(at_limit, p, Revision::Osaka);
  ASSERT_TRUE(at_limit_error);
  EXPECT_NE(*at_limit_error, "BLOCK_RLP_SIZE_LIMIT_EXCEEDED");
  EXPECT_TRUE(at_limit_error->starts_with("transaction 0")) << *at_limit_error;
  // Prague has no size limit: the oversized block gets as far as its transaction.
  const auto prague_error = process(over, p, Revision::Prague);
  ASSERT_TRUE(prague_error);
  EXPECT_TRUE(prague_error->starts_with("transaction 0")) << *prague_error;
}

}  // namespace
}  // namespace paraevm
