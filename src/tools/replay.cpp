// `paraevm replay [--json] DIR...`: executes mainnet block snapshots and verifies them against
// their headers (gas used, logs bloom, receipts root from Byzantium on, transactions root) and
// every transaction's recovered sender against the RPC's `from`.
#include <chrono>
#include <iostream>
#include <sstream>

#include "chain/block_executor.hpp"
#include "chain/block_fingerprint.hpp"
#include "chain/chain_config.hpp"
#include "chain/header_validation.hpp"
#include "parallel/evm_block_executor.hpp"
#include "tools/block_verification.hpp"
#include "tools/commands.hpp"
#include "tools/fixture_json.hpp"
#include "tools/mainnet_snapshot.hpp"

namespace paraevm::tools {
namespace {

struct ReplayOptions {
  std::vector<std::string> dirs;
  bool json = false;
  /// Above 1: also execute in parallel with this many threads and require identical results.
  unsigned threads = 1;
};

struct ReplayLine {
  std::string dir;
  uint64_t number = 0;
  Revision rev = Revision::Frontier;
  size_t txs = 0;
  uint64_t gas = 0;
  double load_ms = 0;
  double exec_ms = 0;
  double parallel_ms = 0;  // with --threads
  std::vector<std::string> mismatches;
  std::string error;  // the snapshot could not be loaded or executed

  bool ok() const { return error.empty() && mismatches.empty(); }
};

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

ReplayLine replay_one(const std::string& dir, unsigned threads) {
  ReplayLine line;
  line.dir = dir;
  try {
    auto start = std::chrono::steady_clock::now();
    MainnetSnapshot snap = load_mainnet_snapshot(dir);
    line.load_ms = ms_since(start);
    const BlockHeader& header = snap.block.header;
    line.number = header.number;
    line.rev = mainnet_revision(header.number, header.timestamp);
    if (auto e = check_fork_fields(header, line.rev))
      throw FixtureError((snap.dir / "block.json").string() + ": " + *e + " for " +
                         std::string(revision_name(line.rev)) + " (the fork of block " +
                         std::to_string(header.number) + " at timestamp " +
                         std::to_string(header.timestamp) + ")");
    line.txs = snap.block.transactions.size();
    const BlockEnv env = block_env_from_header(header, line.rev, U256(1));

    std::optional<InMemoryState> parallel_state;
    if (threads > 1) parallel_state = snap.pre_state;  // before the sequential run changes it
    start = std::chrono::steady_clock::now();
    const BlockExecution exec =
        execute_transactions(snap.pre_state, env, line.rev, snap.block.transactions, snap.senders);
    line.exec_ms = ms_since(start);
    line.gas = exec.gas_used;
    line.mismatches = verify_block(snap, line.rev, exec);
    if (parallel_state) {
      // Every block through the engine (no automatic in-order mode): this is a check of it.
      parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(threads),
                                               parallel::AutomaticMode::off());
      start = std::chrono::steady_clock::now();
      const BlockExecution par =
          executor.execute(*parallel_state, env, line.rev, snap.block.transactions, snap.senders);
      line.parallel_ms = ms_since(start);
      const std::string diff = describe_difference(fingerprint(exec, snap.pre_state), fingerprint(par, *parallel_state));
      if (!diff.empty()) line.mismatches.push_back("parallel differs from sequential: " + diff);
    }
  } catch (const std::exception& e) {
    line.error = e.what();
  }
  return line;
}

void print_text(const ReplayLine& l) {
  std::ostringstream os;
  if (!l.error.empty()) {
    os << l.dir << ": ERROR " << l.error;
  } else {
    os << "block " << l.number << "  " << revision_name(l.rev) << "  txs " << l.txs << "  gas " << l.gas
       << "  load " << l.load_ms << " ms  exec " << l.exec_ms << " ms  ";
    if (l.parallel_ms > 0) os << "parallel " << l.parallel_ms << " ms  ";
    if (l.ok()) os << "OK";
    for (size_t i = 0; i < l.mismatches.size(); ++i) os << (i ? "; " : "MISMATCH: ") << l.mismatches[i];
  }
  std::cout << os.str() << '\n';
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    out += c;
  }
  return out;
}

void print_json(const std::vector<ReplayLine>& lines, size_t passed, size_t failed) {
  std::cout << "{\"blocks\": [";
  for (size_t i = 0; i < lines.size(); ++i) {
    const ReplayLine& l = lines[i];
    std::cout << (i ? ", " : "") << "{\"dir\": \"" << json_escape(l.dir) << "\", \"number\": " << l.number
              << ", \"fork\": \"" << revision_name(l.rev) << "\", \"txs\": " << l.txs << ", \"gas\": " << l.gas
              << ", \"load_ms\": " << l.load_ms << ", \"exec_ms\": " << l.exec_ms
              << ", \"parallel_ms\": " << l.parallel_ms
              << ", \"ok\": " << (l.ok() ? "true" : "false") << ", \"error\": \"" << json_escape(l.error)
              << "\", \"mismatches\": [";
    for (size_t j = 0; j < l.mismatches.size(); ++j)
      std::cout << (j ? ", " : "") << '"' << json_escape(l.mismatches[j]) << '"';
    std::cout << "]}";
  }
  std::cout << "], \"passed\": " << passed << ", \"failed\": " << failed << "}\n";
}

void run_replay(const ReplayOptions& opts) {
  std::vector<ReplayLine> lines;
  size_t passed = 0, failed = 0;
  for (const std::string& dir : expand_snapshot_dirs(opts.dirs)) {
    lines.push_back(replay_one(dir, opts.threads));
    (lines.back().ok() ? passed : failed) += 1;
    if (!opts.json) print_text(lines.back());
  }
  if (opts.json)
    print_json(lines, passed, failed);
  else
    std::cout << passed << " passed, " << failed << " failed\n";
  set_exit_code(failed == 0 ? 0 : 1);
}

}  // namespace

void add_replay_command(CLI::App& app) {
  auto opts = std::make_shared<ReplayOptions>();
  auto* cmd = app.add_subcommand("replay", "Execute mainnet block snapshots and verify them against their headers");
  cmd->add_option("dirs", opts->dirs, "Snapshot folders, or folders of snapshot folders")->required();
  cmd->add_flag("--json", opts->json, "Print the results as JSON");
  cmd->add_option("--threads", opts->threads, "Also execute in parallel on N threads and require identical results")
      ->check(CLI::PositiveNumber);
  cmd->callback([opts] { run_replay(*opts); });
}

}  // namespace paraevm::tools
