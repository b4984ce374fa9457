// A contract's balance on the parallel engine (parallel/evm_location.hpp, Balance): a call that
// does not use the contract's balance does not depend on an earlier transaction that paid the
// contract, one that reads it (SELFBALANCE) does, and the receipts and state are in-order
// execution's, byte for byte (the paid-in credit reported as the contract's new balance).
#include <gtest/gtest.h>

#include "chain/block_executor.hpp"
#include "chain/block_fingerprint.hpp"
#include "parallel/evm_block_executor.hpp"

namespace paraevm {
namespace {

Address account(uint8_t i) {
  Address a;
  a[0] = 0xaa;
  a[19] = i;
  return a;
}

// No calldata: accept the value. First calldata byte 1: store SELFBALANCE in slot 0. Otherwise
// store CALLER in slot 1 (no balance read).
const Bytes kContract = {0x36, 0x60, 0x05, 0x57, 0x00,                    // CALLDATASIZE ?jump : STOP
                         0x5b, 0x60, 0x00, 0x35, 0x60, 0xf8, 0x1c,        // first byte
                         0x60, 0x01, 0x14, 0x60, 0x17, 0x57,              // == 1 ? jump
                         0x33, 0x60, 0x01, 0x55, 0x00,                    // slot 1 = CALLER
                         0x5b, 0x47, 0x60, 0x00, 0x55, 0x00};             // slot 0 = SELFBALANCE

TEST(ParallelContractBalance, CallsWithoutTheBalanceDoNotDependOnPayments) {
  const Address contract = account(0xcc);
  BlockEnv env;
  env.number = 1;
  env.gas_limit = 30'000'000;
  env.base_fee = U256(7);
  env.coinbase = account(0xee);
  env.chain_id = U256(1);
  InMemoryState pre;
  pre.set_account(contract, 1, U256(100), kContract);
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  // tx 0 pays the contract, tx 1 calls it without using its balance, tx 2 and tx 3 read it.
  const std::vector<std::pair<U256, Bytes>> calls = {
      {U256(5), {}}, {U256(0), {0x02}}, {U256(0), {0x01}}, {U256(3), {0x01}}};
  for (size_t i = 0; i < calls.size(); ++i) {
    const Address sender = account(static_cast<uint8_t>(i + 1));
    pre.set_account(sender, 0, U256(1'000'000'000'000'000'000ULL), {});
    Transaction tx;
    tx.type = TxType::DynamicFee;
    tx.chain_id = U256(1);
    tx.to = contract;
    tx.value = calls[i].first;
    tx.data = calls[i].second;
    tx.gas_limit = 100'000;
    tx.max_fee_per_gas = tx.gas_price = U256(10);
    tx.max_priority_fee_per_gas = U256(1);
    txs.push_back(tx);
    senders.push_back(sender);
  }
  InMemoryState seq_state = pre;
  const BlockExecution seq = execute_transactions(seq_state, env, Revision::Prague, txs, senders);
  ASSERT_TRUE(seq.valid());
  EXPECT_EQ(seq_state.read_storage(contract, U256(0)), U256(108));  // 100 + 5, then + 3
  const BlockFingerprint expected = fingerprint(seq, seq_state);

  for (unsigned threads : {2u, 4u}) {
    parallel::ExecutorOptions options = parallel::ExecutorOptions::every_block(threads);
    options.profile = true;
    parallel::ParallelBlockExecutor executor(options, parallel::AutomaticMode::off());
    InMemoryState state = pre;
    const BlockExecution par = executor.execute(state, env, Revision::Prague, txs, senders);
    const BlockFingerprint got = fingerprint(par, state);
    EXPECT_EQ(got, expected) << threads << " threads: " << describe_difference(expected, got);
    bool reads_payment = false;
    for (const parallel::ConflictEdge& e : executor.conflict_edges()) {
      EXPECT_NE(e.reader, 1u) << "the call that does not use the balance depends on tx " << e.writer;
      if (e.reader == 2 && e.writer == 0 && e.key.address == contract && e.key.field == parallel::EvmField::Balance)
        reads_payment = true;
    }
    EXPECT_TRUE(reads_payment) << threads << " threads";
  }
}

}  // namespace
}  // namespace paraevm
