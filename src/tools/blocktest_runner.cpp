#include "tools/blocktest_runner.hpp"

#include <memory>
#include <unordered_map>
#include <utility>

#include "base/hex.hpp"
#include "chain/block_fingerprint.hpp"
#include "chain/block_processor.hpp"
#include "parallel/evm_block_executor.hpp"
#include "tools/blocktest_network.hpp"
#include "tools/fixture_state_test.hpp"
#include "tools/statetest_checks.hpp"

namespace paraevm::tools {

namespace {

/// An accepted block with the state after it.
struct ChainNode {
  BlockHeader header;
  Hash parent;
  U256 total_difficulty;
  std::shared_ptr<const InMemoryState> state;
};

using Chain = std::unordered_map<Hash, ChainNode, FixedBytesHasher>;

InMemoryState genesis_state(const FixtureAlloc& pre) {
  InMemoryState state;
  for (const FixtureAccount& acc : pre) {
    std::unordered_map<U256, U256, U256Hash> storage;
    for (const auto& [k, v] : acc.storage)
      if (!v.is_zero()) storage[k] = v;
    state.set_account(acc.address, acc.nonce, acc.balance, acc.code, storage);
  }
  return state;
}

/// The 256 ancestors' hashes that BLOCKHASH may read, from the parent back.
void set_ancestor_hashes(InMemoryState& state, const Chain& chain, Hash hash) {
  for (int i = 0; i < 256; ++i) {
    auto it = chain.find(hash);
    if (it == chain.end()) return;
    state.set_block_hash(it->second.header.number, hash);
    if (it->second.header.number == 0) return;
    hash = it->second.parent;
  }
}

struct ParallelCheck {
  unsigned threads;
};

/// Hook: re-executes the block's transactions in parallel and compares with the sequential run.
std::optional<std::string> compare_parallel(void* ctx, const InMemoryState& pre,
                                            const BlockEnv& env, Revision rev, const Block& block,
                                            std::span<const Address> senders,
                                            const BlockExecution& sequential) {
  const auto* check = static_cast<const ParallelCheck*>(ctx);
  InMemoryState seq_state = pre;
  const BlockExecution seq = execute_transactions(seq_state, env, rev, block.transactions, senders);
  const BlockFingerprint expected = fingerprint(seq, seq_state);
  // Every block through the engine (no automatic in-order mode), then through the optimistic
  // round without its hand-over: this is a check of both.
  const std::pair<parallel::AutomaticMode, const char*> modes[] = {
      {parallel::AutomaticMode::off(), "engine"},
      {parallel::AutomaticMode::optimistic_only(), "optimistic round"}};
  for (const auto& [mode, name] : modes) {
    InMemoryState par_state = pre;
    parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(check->threads),
                                             mode);
    const BlockExecution par = executor.execute(par_state, env, rev, block.transactions, senders);
    const std::string diff = describe_difference(expected, fingerprint(par, par_state));
    if (!diff.empty()) return std::string("parallel differs from sequential (") + name + "): " + diff;
  }
  if (seq.gas_used != sequential.gas_used)
    return std::string("sequential executors disagree on gas used");
  return std::nullopt;
}

struct Fixture {
  Network network;
  std::map<std::string, BlobSchedule, std::less<>> blob_schedules;
  U256 chain_id = 1;
};

/// Imports block `index`; returns a failure text or "" when it behaved as the fixture says.
std::string import_block(JsonObject b, size_t index, const JsonPath& path, const Fixture& fx,
                         Chain& chain, Hash& head, const BlockTestOptions& options) {
  const std::string where = "block " + std::to_string(index) + ": ";
  const auto expect = find_field(b, "expectException");
  const Bytes rlp = parse_bytes(get_field(b, "rlp", path), path.child("rlp"));
  std::string error;
  auto decoded = decode_block(rlp, &error);
  auto rejected = [&](const std::string& why) -> std::string {
    return expect ? "" : where + "rejected: " + why;
  };
  if (!decoded) return rejected(error);
  const BlockHeader& h = decoded->block.header;
  auto parent_it = chain.find(h.parent_hash);
  if (parent_it == chain.end()) return rejected("unknown parent " + to_hex(h.parent_hash));
  const ChainNode& parent = parent_it->second;
  const ForkSpec& fork = fx.network.at(h.number, h.timestamp);
  BlockRules rules;
  rules.chain_id = fx.chain_id;
  rules.header.rev = fork.rev;
  rules.header.parent_rev = fx.network.at(parent.header.number, parent.header.timestamp).rev;
  rules.header.blob_schedule = fx.network.blob_schedule(fork, fx.blob_schedules);
  rules.header.dao_fork_block = fx.network.dao_fork_block();
  auto state = std::make_shared<InMemoryState>(*parent.state);
  set_ancestor_hashes(*state, chain, h.parent_hash);
  ParallelCheck check{options.threads};
  const BlockOutcome outcome =
      options.threads > 1
          ? process_block(*state, *decoded, parent.header, rules, compare_parallel, &check)
          : process_block(*state, *decoded, parent.header, rules);
  if (!outcome.valid()) {
    if (outcome.error->starts_with("parallel differs")) return where + *outcome.error;
    return rejected(*outcome.error);
  }
  if (expect)
    return where + "accepted, expected " +
           std::string(as_string(*expect, path.child("expectException")));
  const U256 td = parent.total_difficulty + h.difficulty;
  const ChainNode& head_node = chain.at(head);
  const bool new_head = td > head_node.total_difficulty ||
                        (td == head_node.total_difficulty && h.difficulty.is_zero());
  chain[decoded->hash] = ChainNode{h, h.parent_hash, td, std::move(state)};
  if (new_head) head = decoded->hash;
  return "";
}

}  // namespace

BlockTestReport run_block_test(std::string_view name, JsonElement fixture,
                               const BlockTestOptions& options) {
  BlockTestReport report;
  report.test = std::string(name);
  const JsonPath top;  // must outlive `root`, which points to it
  const JsonPath root = top.child(name);
  const JsonObject obj = as_object(fixture, root);
  report.network = std::string(as_string(get_field(obj, "network", root), root.child("network")));
  auto network = Network::parse(report.network);
  if (!network) fixture_error(root.child("network"), "unknown network " + report.network);
  Fixture fx{*network, {}, 1};
  if (auto config = find_field(obj, "config")) {
    const JsonObject c = as_object(*config, root.child("config"));
    fx.blob_schedules = parse_blob_schedules(*config, root.child("config"));
    if (auto id = find_field(c, "chainid"))
      fx.chain_id = parse_u256(*id, root.child("config").child("chainid"));
  }
  const Bytes genesis_rlp =
      parse_bytes(get_field(obj, "genesisRLP", root), root.child("genesisRLP"));
  std::string error;
  auto genesis = decode_block(genesis_rlp, &error);
  if (!genesis) fixture_error(root.child("genesisRLP"), error);
  auto state = std::make_shared<InMemoryState>(
      genesis_state(parse_alloc(get_field(obj, "pre", root), root.child("pre"))));
  if (state->state_root() != genesis->block.header.state_root) {
    report.failures.push_back("genesis state root " + to_hex(state->state_root()) +
                              " differs from header " + to_hex(genesis->block.header.state_root));
    return report;
  }
  Chain chain;
  Hash head = genesis->hash;
  chain[head] = ChainNode{genesis->block.header, genesis->block.header.parent_hash,
                          genesis->block.header.difficulty, std::move(state)};
  const JsonPath blocks_path = root.child("blocks");
  const JsonArray blocks = as_array(get_field(obj, "blocks", root), blocks_path);
  size_t i = 0;
  for (JsonElement b : blocks) {
    const JsonPath bp = blocks_path.at(i);
    std::string f = import_block(as_object(b, bp), i, bp, fx, chain, head, options);
    if (!f.empty()) report.failures.push_back(std::move(f));
    ++i;
  }
  const Hash last = parse_hash(get_field(obj, "lastblockhash", root), root.child("lastblockhash"));
  if (last != head)
    report.failures.push_back("lastblockhash expected " + to_hex(last) + " got " + to_hex(head));
  const InMemoryState& final_state = *chain.at(head).state;
  if (auto post = find_field(obj, "postState")) {
    const std::string diff = describe_state_difference(final_state, *post, 8);
    if (diff != "post-state matches the expected accounts")
      report.failures.push_back("postState: " + diff);
  } else if (auto hash = find_field(obj, "postStateHash")) {
    const Hash want = parse_hash(*hash, root.child("postStateHash"));
    if (want != final_state.state_root())
      report.failures.push_back("postStateHash expected " + to_hex(want) + " got " +
                                to_hex(final_state.state_root()));
  } else {
    fixture_error(root, "neither postState nor postStateHash");
  }
  return report;
}

}  // namespace paraevm::tools
