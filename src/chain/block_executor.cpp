#include "chain/block_executor.hpp"

#include "chain/blob_gas.hpp"
#include "state/state.hpp"

namespace paraevm {

BlockEnv block_env_from_header(const BlockHeader& header, Revision rev, const U256& chain_id) {
  BlockEnv env;
  env.coinbase = header.coinbase;
  env.number = static_cast<int64_t>(header.number);
  env.timestamp = static_cast<int64_t>(header.timestamp);
  env.gas_limit = static_cast<int64_t>(header.gas_limit);
  env.difficulty = header.difficulty;
  env.prev_randao = U256::from_be(header.mix_hash);
  env.base_fee = header.base_fee.value_or(U256{});
  env.chain_id = chain_id;
  env.excess_blob_gas = header.excess_blob_gas;
  if (header.excess_blob_gas) {
    if (const auto schedule = default_blob_schedule(rev)) {
      env.blob_base_fee = blob_base_fee(*header.excess_blob_gas, *schedule);
      env.max_blobs_per_block = schedule->max;
    }
  }
  return env;
}

Bloom receipt_bloom(const TxReceipt& receipt) { return bloom_of_logs(receipt.logs); }

BlockGasLeft gas_left(const BlockExecution& out, const BlockEnv& env) {
  return gas_left(env, out.gas_used, out.blob_gas_used);
}

BlockGasLeft gas_left(const BlockEnv& env, uint64_t gas_used, uint64_t blob_gas_used) {
  BlockGasLeft left;
  left.gas = static_cast<uint64_t>(env.gas_limit) - gas_used;
  const uint64_t max_blob_gas = env.max_blobs_per_block * kGasPerBlob;
  if (max_blob_gas != 0) left.blob_gas = max_blob_gas - blob_gas_used;
  return left;
}

bool commit_outcome(BlockExecution& out, InMemoryState& state, size_t index, TxOutcome&& outcome) {
  if (!outcome.valid()) {
    out.invalid_tx = index;
    out.error = outcome.error;
    return false;
  }
  state.apply(outcome.receipt.diff);
  record_receipt(out, std::move(outcome.receipt), outcome.bloom);
  return true;
}

void record_receipt(BlockExecution& out, TxReceipt&& receipt, const Bloom& bloom) {
  out.gas_used += receipt.gas_used;
  out.blob_gas_used += receipt.blob_gas_used;
  out.cumulative_gas.push_back(out.gas_used);
  if (!receipt.logs.empty()) bloom_merge(out.logs_bloom, bloom);
  out.receipts.push_back(std::move(receipt));
}

BlockExecution execute_transactions(InMemoryState& state, const BlockEnv& env, Revision rev,
                                    std::span<const Transaction> transactions,
                                    std::span<const Address> senders) {
  BlockExecution out;
  out.receipts.reserve(transactions.size());
  out.cumulative_gas.reserve(transactions.size());
  execute_range(out, state, env, rev, transactions, senders, 0, transactions.size());
  return out;
}

bool execute_range(BlockExecution& out, InMemoryState& state, const BlockEnv& env, Revision rev,
                   std::span<const Transaction> transactions, std::span<const Address> senders,
                   size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    TxOutcome outcome =
        apply_transaction(state, env, rev, transactions[i], senders[i], nullptr, gas_left(out, env));
    if (!commit_outcome(out, state, i, std::move(outcome))) return false;
  }
  return true;
}

}  // namespace paraevm
