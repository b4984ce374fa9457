// The DAO fork (EIP-779): the drain list, the balance move to the refund contract, the
// "dao-hard-fork" extra-data rule in header validation, and both through process_block at the
// configured fork block (as ethereum/tests' HomesteadToDaoAt5 network: Homestead, fork at 5).
#include <gtest/gtest.h>

#include <set>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "chain/block_processor.hpp"
#include "chain/chain_config.hpp"
#include "chain/dao_fork.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

Address addr(std::string_view hex) { return *fixed_from_hex<20>(hex); }

const Address kTheDao = addr("bb9bc244d798123fde783fcc1c72d3bb8c189413");
const Address kTheDaoExtraBalance = addr("807640a13483f8ac783c557fcdf27be11ea4ac7a");
const Address kFirstChild = addr("d4fe7bc31cedb7bfb8a345f31e668033056b2728");
const Address kBystander = addr("00000000000000000000000000000000000000aa");

TEST(DaoFork, DrainListIsEip779sListL) {
  const auto list = dao_drain_accounts();
  ASSERT_EQ(list.size(), 116u);
  EXPECT_EQ(list.front(), kFirstChild);
  EXPECT_EQ(list[114], kTheDao);
  EXPECT_EQ(list[115], kTheDaoExtraBalance);
  const std::set<Address> distinct(list.begin(), list.end());
  EXPECT_EQ(distinct.size(), list.size());
  EXPECT_FALSE(distinct.contains(kDaoRefundContract));
  EXPECT_EQ(kDaoRefundContract, addr("bf4ed7b27f1d666546e30d74d50d173d20bca754"));
}

/// Some drained accounts funded (one a contract with storage), the refund contract, a bystander.
InMemoryState funded_state() {
  InMemoryState s;
  s.set_account(kTheDao, 0, U256{3'000'000}, Bytes{0x60, 0x00}, {{U256{1}, U256{9}}});
  s.set_account(kTheDaoExtraBalance, 0, U256{400}, {}, {});
  s.set_account(kFirstChild, 2, U256{5}, {}, {});
  s.set_account(kDaoRefundContract, 1, U256{7}, Bytes{0x00}, {});
  s.set_account(kBystander, 0, U256{11}, {}, {});
  return s;
}

TEST(DaoFork, MovesEveryDrainedBalanceToTheRefundContract) {
  InMemoryState s = funded_state();
  apply_dao_fork(s);
  EXPECT_EQ(s.find(kDaoRefundContract)->balance, U256{7 + 3'000'000 + 400 + 5});
  EXPECT_EQ(s.find(kDaoRefundContract)->nonce, 1u);
  for (const Address& a : dao_drain_accounts()) {
    const auto* acc = s.find(a);
    ASSERT_NE(acc, nullptr) << to_hex(a);  // absent ones are created empty, as in the spec
    EXPECT_EQ(acc->balance, U256{}) << to_hex(a);
  }
  // Only the balance moves: nonce, code and storage stay.
  EXPECT_EQ(s.find(kFirstChild)->nonce, 2u);
  EXPECT_EQ(s.find(kTheDao)->code_hash, keccak256(Bytes{0x60, 0x00}));
  EXPECT_EQ(s.read_storage(kTheDao, U256{1}), U256{9});
  EXPECT_EQ(s.find(kBystander)->balance, U256{11});
  EXPECT_EQ(s.account_count(), 116u + 2u);  // the drain list, the refund contract, bystander
}

TEST(DaoFork, ExtraDataRequiredOnTheForkBlockAndTheNineAfter) {
  EXPECT_EQ(to_hex(dao_fork_extra_data()), "0x64616f2d686172642d666f726b");
  const std::optional<uint64_t> mainnet = kMainnetDaoForkBlock;
  EXPECT_FALSE(dao_extra_data_required(1'919'999, mainnet));
  EXPECT_TRUE(dao_extra_data_required(1'920'000, mainnet));
  EXPECT_TRUE(dao_extra_data_required(1'920'009, mainnet));
  EXPECT_FALSE(dao_extra_data_required(1'920'010, mainnet));
  EXPECT_FALSE(dao_extra_data_required(1'920'000, std::nullopt));  // chain without the fork
}

const Hash kEmptyOmmers = keccak256(Bytes{0xc0});

BlockHeader homestead_parent(uint64_t number) {
  BlockHeader p;
  p.number = number;
  p.timestamp = 1'000;
  p.gas_limit = 4'700'000;
  p.difficulty = U256{131072};
  p.ommers_hash = kEmptyOmmers;
  return p;
}

/// A child that Homestead's rules accept: 12 s later, so the difficulty stays (EIP-2) apart
/// from the bomb, which adds 2^((number / 100000) - 2) from block 200,000 on.
BlockHeader homestead_child(const BlockHeader& p) {
  BlockHeader c;
  c.parent_hash = block_hash(p);
  c.number = p.number + 1;
  c.timestamp = p.timestamp + 12;
  c.gas_limit = p.gas_limit;
  c.difficulty = p.difficulty;
  if (c.number >= 200'000) c.difficulty = c.difficulty + (U256{1} << (c.number / 100'000 - 2));
  c.ommers_hash = kEmptyOmmers;
  return c;
}

Bytes dao_extra() {
  const BytesView v = dao_fork_extra_data();
  return Bytes(v.begin(), v.end());
}

TEST(DaoFork, HeaderValidationChecksTheExtraData) {
  HeaderRules rules{Revision::Homestead, Revision::Homestead, std::nullopt, kMainnetDaoForkBlock};
  for (uint64_t number : {1'919'999ULL, 1'920'000ULL, 1'920'009ULL, 1'920'010ULL}) {
    const BlockHeader p = homestead_parent(number - 1);
    BlockHeader c = homestead_child(p);
    const bool required = number >= 1'920'000 && number <= 1'920'009;
    c.extra_data = dao_extra();
    EXPECT_EQ(validate_header(c, p, rules), std::nullopt) << number;
    c.extra_data = *from_hex("0x64616f2d686172642d666f726c");  // "dao-hard-forl"
    EXPECT_EQ(validate_header(c, p, rules).has_value(), required) << number;
    c.extra_data.clear();
    EXPECT_EQ(validate_header(c, p, rules).has_value(), required) << number;
    // A chain without the fork (test networks, or a client opposing it) has no such rule.
    rules.dao_fork_block.reset();
    EXPECT_EQ(validate_header(c, p, rules), std::nullopt) << number;
    rules.dao_fork_block = kMainnetDaoForkBlock;
  }
}

/// Block 5 of a Homestead chain, empty, with the DAO fork's extra data; its state root is what
/// the DAO change and the 5 ETH block reward give.
DecodedBlock fork_block(const BlockHeader& parent) {
  DecodedBlock d;
  BlockHeader& h = d.block.header;
  h = homestead_child(parent);
  h.coinbase = addr("00000000000000000000000000000000000000cb");
  h.extra_data = dao_extra();
  h.transactions_root = ordered_trie_root({});
  h.receipts_root = h.transactions_root;
  InMemoryState expected;
  for (const Address& a : dao_drain_accounts()) expected.set_account(a, 0, U256{}, {}, {});
  expected.set_account(kTheDao, 0, U256{}, Bytes{0x60, 0x00}, {{U256{1}, U256{9}}});
  expected.set_account(kFirstChild, 2, U256{}, {}, {});
  expected.set_account(kDaoRefundContract, 1, U256{7 + 3'000'000 + 400 + 5}, Bytes{0x00}, {});
  expected.set_account(kBystander, 0, U256{11}, {}, {});
  expected.set_account(h.coinbase, 0, U256{5'000'000'000'000'000'000ULL}, {}, {});
  h.state_root = expected.state_root();
  d.hash = block_hash(h);
  d.ommers_hash = kEmptyOmmers;
  return d;
}

TEST(DaoFork, ProcessBlockAppliesItAtTheConfiguredBlock) {
  const BlockHeader parent = homestead_parent(4);
  const DecodedBlock block = fork_block(parent);
  BlockRules rules;
  rules.header = {Revision::Homestead, Revision::Homestead, std::nullopt, 5};
  InMemoryState state = funded_state();
  const BlockOutcome ok = process_block(state, block, parent, rules);
  EXPECT_EQ(ok.error, std::nullopt);
  EXPECT_EQ(state.find(kTheDao)->balance, U256{});

  // The same block on a chain without the fork: no state change, so the state root differs.
  rules.header.dao_fork_block.reset();
  InMemoryState unchanged = funded_state();
  EXPECT_EQ(process_block(unchanged, block, parent, rules).error, "INVALID_STATE_ROOT");
  EXPECT_EQ(unchanged.find(kTheDao)->balance, U256{3'000'000});

  // With the fork at block 5, block 5 without the extra data is invalid.
  rules.header.dao_fork_block = 5;
  DecodedBlock plain = block;
  plain.block.header.extra_data.clear();
  InMemoryState rejected = funded_state();
  EXPECT_EQ(process_block(rejected, plain, parent, rules).error, "EXTRA_DATA_INVALID_DAO");
}

}  // namespace
}  // namespace paraevm
