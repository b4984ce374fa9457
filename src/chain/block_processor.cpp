#include "chain/block_processor.hpp"

#include "base/keccak.hpp"
#include "chain/blob_gas.hpp"
#include "chain/dao_fork.hpp"
#include "chain/receipt.hpp"
#include "chain/sender.hpp"
#include "chain/system_contracts.hpp"
#include "chain/transaction_codec.hpp"
#include "state/state.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {

namespace {

constexpr uint64_t kGwei = 1'000'000'000;
constexpr uint64_t kMaxOmmerDepth = 6;

/// Block reward in wei per revision before the merge (EIP-649: 3 ETH, EIP-1234: 2 ETH).
U256 block_reward(Revision rev) {
  const U256 eth = U256{1'000'000'000'000'000'000ULL};
  if (at_least(rev, Revision::Paris)) return U256{};
  if (at_least(rev, Revision::Constantinople)) return U256{2} * eth;
  if (at_least(rev, Revision::Byzantium)) return U256{3} * eth;
  return U256{5} * eth;
}

using Error = std::optional<std::string>;

Error check_body(const DecodedBlock& decoded, Revision rev) {
  const Block& b = decoded.block;
  const BlockHeader& h = b.header;
  if (at_least(rev, Revision::Osaka) && decoded.encoded_size > kMaxRlpBlockSize)
    return "BLOCK_RLP_SIZE_LIMIT_EXCEEDED";
  std::vector<Bytes> txs;
  txs.reserve(b.transactions.size());
  for (const Transaction& tx : b.transactions) txs.push_back(encode_transaction(tx));
  if (ordered_trie_root(txs) != h.transactions_root) return "INVALID_TRANSACTIONS_ROOT";
  if (decoded.ommers_hash != h.ommers_hash) return "INVALID_OMMERS_HASH";
  if (b.ommers.size() > 2) return "TOO_MANY_UNCLES";
  for (size_t i = 0; i < b.ommers.size(); ++i) {
    const BlockHeader& o = b.ommers[i];
    // An ommer is 1 to 6 generations older than the block (this also bounds the reward formula).
    if (o.number >= h.number || h.number - o.number > kMaxOmmerDepth) return "INVALID_UNCLE_DEPTH";
    for (size_t j = 0; j < i; ++j)
      if (encode_header(b.ommers[j]) == encode_header(o)) return "DUPLICATE_UNCLE";
  }
  if (b.withdrawals.has_value() != at_least(rev, Revision::Shanghai)) return "INVALID_WITHDRAWALS";
  if (b.withdrawals) {
    std::vector<Bytes> ws;
    for (const Withdrawal& w : *b.withdrawals) {
      RlpEncoder e;
      const size_t m = e.begin_list();
      e.append_u64(w.index)
          .append_u64(w.validator_index)
          .append_address(w.address)
          .append_u64(w.amount_gwei);
      e.end_list(m);
      ws.push_back(e.take());
    }
    if (ordered_trie_root(ws) != *h.withdrawals_root) return "INVALID_WITHDRAWALS_ROOT";
  }
  return std::nullopt;
}

void credit(InMemoryState& state, const Address& addr, const U256& amount, bool remove_if_empty) {
  State st(state);
  st.add_balance(addr, amount);
  if (remove_if_empty) st.touch(addr);
  st.finalize(remove_if_empty);
  state.apply(st.build_diff());
}

void pay_rewards(InMemoryState& state, const Block& b, Revision rev) {
  const U256 reward = block_reward(rev);
  if (reward == U256{}) return;
  const bool clear = at_least(rev, Revision::SpuriousDragon);
  const U256 n{static_cast<uint64_t>(b.ommers.size())};
  credit(state, b.header.coinbase, reward + reward / U256{32} * n, clear);
  for (const BlockHeader& o : b.ommers) {
    const uint64_t delta = b.header.number - o.number;
    credit(state, o.coinbase, U256{8 - delta} * reward / U256{8}, clear);
  }
}

void process_withdrawals(InMemoryState& state, const std::vector<Withdrawal>& ws) {
  for (const Withdrawal& w : ws) credit(state, w.address, U256{w.amount_gwei} * U256{kGwei}, true);
}

/// An EIP-7685 request list: its type byte, then the concatenated requests.
Bytes typed_request(uint8_t type, BytesView data) {
  Bytes out(1 + data.size());
  out[0] = type;
  std::copy(data.begin(), data.end(), out.begin() + 1);
  return out;
}

/// EIP-7685 requests after the transactions; compares the requests hash.
Error process_requests(InMemoryState& state, const BlockEnv& env, Revision rev,
                       const BlockExecution& exec, const BlockHeader& h) {
  std::vector<Log> logs;
  for (const TxReceipt& r : exec.receipts) logs.insert(logs.end(), r.logs.begin(), r.logs.end());
  std::string error;
  auto deposits = deposit_requests(logs, error);
  if (!deposits) return "INVALID_DEPOSIT_EVENT_LAYOUT";
  std::vector<Bytes> requests;
  requests.push_back(typed_request(0, *deposits));
  const Address* targets[] = {&kWithdrawalRequestAddress, &kConsolidationRequestAddress};
  for (uint8_t type = 1; type <= 2; ++type) {
    const SystemCallResult r = system_call(state, env, rev, *targets[type - 1], {});
    if (r.code_missing) return "SYSTEM_CONTRACT_EMPTY";
    if (r.failed) return "SYSTEM_CONTRACT_CALL_FAILED";
    requests.push_back(typed_request(type, r.output));
  }
  if (requests_hash(requests) != *h.requests_hash) return "INVALID_REQUESTS";
  return std::nullopt;
}

struct TxRun {
  Error error;
  BlockExecution exec;
  std::vector<Bytes> receipts;
};

TxRun run_transactions(InMemoryState& state, const BlockEnv& env, Revision rev, const Block& b,
                       std::span<const Address> senders) {
  TxRun run;
  BlockExecution& out = run.exec;
  const uint64_t max_blob_gas = env.max_blobs_per_block * kGasPerBlob;
  const bool status_receipts = at_least(rev, Revision::Byzantium);
  for (size_t i = 0; i < b.transactions.size(); ++i) {
    BlockGasLeft left;
    left.gas = static_cast<uint64_t>(env.gas_limit) - out.gas_used;
    if (max_blob_gas != 0) left.blob_gas = max_blob_gas - out.blob_gas_used;
    TxOutcome o = apply_transaction(state, env, rev, b.transactions[i], senders[i], nullptr, left);
    if (!o.valid()) {
      run.error = "transaction " + std::to_string(i) + ": " +
                  std::string(tx_error_name(*o.error, b.transactions[i].type));
      return run;
    }
    state.apply(o.receipt.diff);
    out.gas_used += o.receipt.gas_used;
    out.blob_gas_used += o.receipt.blob_gas_used;
    out.cumulative_gas.push_back(out.gas_used);
    const Bloom bloom = receipt_bloom(o.receipt);
    bloom_merge(out.logs_bloom, bloom);
    Hash root;
    if (!status_receipts) root = state.state_root();
    run.receipts.push_back(
        encode_receipt(o.receipt, out.gas_used, bloom, status_receipts ? nullptr : &root));
    out.receipts.push_back(std::move(o.receipt));
  }
  return run;
}

Error check_results(const BlockHeader& h, Revision rev, const TxRun& run) {
  if (run.exec.gas_used != h.gas_used) return "INVALID_GAS_USED";
  if (at_least(rev, Revision::Cancun) && run.exec.blob_gas_used != *h.blob_gas_used)
    return "INVALID_BLOB_GAS_USED";
  if (ordered_trie_root(run.receipts) != h.receipts_root) return "INVALID_RECEIPTS_ROOT";
  if (run.exec.logs_bloom != h.logs_bloom) return "INVALID_LOG_BLOOM";
  return std::nullopt;
}

}  // namespace

BlockEnv block_env(const BlockHeader& header, const BlockRules& rules) {
  BlockEnv env = block_env_from_header(header, rules.header.rev, rules.chain_id);
  if (rules.header.blob_schedule && header.excess_blob_gas) {
    env.blob_base_fee = blob_base_fee(*header.excess_blob_gas, *rules.header.blob_schedule);
    env.max_blobs_per_block = rules.header.blob_schedule->max;
  }
  return env;
}

BlockOutcome process_block(InMemoryState& state, const DecodedBlock& decoded,
                           const BlockHeader& parent, const BlockRules& rules,
                           TransactionsHook hook, void* hook_ctx) {
  BlockOutcome out;
  const Block& b = decoded.block;
  const BlockHeader& h = b.header;
  const Revision rev = rules.header.rev;
  if ((out.error = validate_header(h, parent, rules.header))) return out;
  if ((out.error = check_body(decoded, rev))) return out;
  const BlockEnv env = block_env(h, rules);
  if (rules.header.dao_fork_block == h.number) apply_dao_fork(state);  // EIP-779
  if (at_least(rev, Revision::Cancun))
    system_call(state, env, rev, kBeaconRootsAddress, h.parent_beacon_block_root->view());
  if (at_least(rev, Revision::Prague))
    system_call(state, env, rev, kHistoryStorageAddress, h.parent_hash.view());
  std::vector<Address> senders;
  senders.reserve(b.transactions.size());
  for (size_t i = 0; i < b.transactions.size(); ++i) {
    const SenderResult s = recover_sender(b.transactions[i], rev, rules.chain_id);
    if (!s.ok()) {
      out.error =
          "transaction " + std::to_string(i) + ": " + std::string(sender_error_name(s.error));
      return out;
    }
    senders.push_back(*s.sender);
  }
  std::optional<InMemoryState> pre;
  if (hook) pre.emplace(state);
  TxRun run = run_transactions(state, env, rev, b, senders);
  if ((out.error = run.error)) return out;
  if (hook && (out.error = hook(hook_ctx, *pre, env, rev, b, senders, run.exec))) return out;
  if ((out.error = check_results(h, rev, run))) return out;
  if (b.withdrawals) process_withdrawals(state, *b.withdrawals);
  if (at_least(rev, Revision::Prague) &&
      (out.error = process_requests(state, env, rev, run.exec, h)))
    return out;
  pay_rewards(state, b, rev);
  if (state.state_root() != h.state_root) out.error = "INVALID_STATE_ROOT";
  out.execution = std::move(run.exec);
  return out;
}

}  // namespace paraevm
