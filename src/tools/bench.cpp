// `paraevm bench`: sequential vs parallel execution of generated dApp workloads
// (--workload) or mainnet snapshots (--blocks), with a check that both give identical results,
// and the ideal speedup that the block's dependencies would allow on more threads.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "base/hex.hpp"
#include "chain/block_executor.hpp"
#include "chain/block_fingerprint.hpp"
#include "chain/chain_config.hpp"
#include "parallel/evm_block_executor.hpp"
#include "tools/block_verification.hpp"
#include "tools/commands.hpp"
#include "tools/mainnet_snapshot.hpp"
#include "workload/third_party.hpp"
#include "workload/workload.hpp"

namespace paraevm::tools {
namespace {

struct BenchOptions {
  std::string workload;
  std::vector<std::string> blocks;
  size_t txs = 0;
  uint64_t gas = 0;
  double hot = 0;
  uint64_t seed = 1;
  std::vector<unsigned> threads{1, 2};
  unsigned repeat = 3;
  bool json = false;
  bool pin = false;
  bool every_block = false;
  bool optimistic = false;
  size_t conflicts = 0;  // locations and contracts listed per block; 0: no conflict report
};

/// One block to benchmark.
struct BenchCase {
  std::string name;
  Revision rev = Revision::Prague;
  BlockEnv env;
  const InMemoryState* pre = nullptr;
  std::span<const Transaction> txs;
  std::span<const Address> senders;
  std::span<const workload::AddressName> names;  // what the workload's addresses are, for reports
};

struct Row {
  std::string name;
  size_t txs = 0;
  uint64_t gas = 0;
  unsigned threads = 1;
  double sequential_ms = 0;
  double parallel_ms = 0;
  uint64_t reexecutions = 0;
  uint64_t validation_failures = 0;
  bool identical = false;
  double ideal = 1;
  /// How the automatic mode ran the block (last timed run): "in-order", "transfers" (a block
  /// of plain transfers, parallel/transfer_block.hpp), "optimistic" (the optimistic round,
  /// parallel/optimistic_block.hpp) or "engine"; and its probe's prediction.
  std::string mode{};
  double probe_prediction = 0;
  double speedup() const { return parallel_ms > 0 ? sequential_ms / parallel_ms : 0; }
};

std::string machine_cpu() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

double ms(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

/// One timed run of `run(state)` on a fresh copy of the pre-state (the copy not timed).
template <class Run>
double time_once(const BenchCase& c, Run&& run) {
  InMemoryState state = *c.pre;
  const auto start = std::chrono::steady_clock::now();
  run(state);
  return ms(std::chrono::steady_clock::now() - start);
}

/// What the profiled run found about a block: the ideal speedups at 2..64 threads and, with
/// --conflicts, where its transactions conflict.
struct CaseProfile {
  std::vector<double> ideal_at;
  std::optional<parallel::ConflictReport> conflicts;
};

std::vector<Row> bench_case(const BenchCase& c, const BenchOptions& opts, CaseProfile& profile) {
  // Reference: in-order execution.
  InMemoryState seq_state = *c.pre;
  const BlockExecution seq = execute_transactions(seq_state, c.env, c.rev, c.txs, c.senders);
  const BlockFingerprint expected = fingerprint(seq, seq_state);

  // Ideal speedups (and conflicts) from a profiled run at the largest thread count, the second
  // of two: the first pays for cold caches and code analysis (a mainnet block's summed
  // execution time read about a fifth higher there).
  const unsigned max_threads = *std::max_element(opts.threads.begin(), opts.threads.end());
  // The profiled run goes through the engine whatever the automatic mode would choose.
  parallel::ExecutorOptions profile_options =
      parallel::ExecutorOptions::every_block(std::max(2u, max_threads));
  profile_options.profile = true;
  parallel::ParallelBlockExecutor profiler(profile_options, parallel::AutomaticMode::off());
  for (int warm = 0; warm < 2; ++warm) {
    InMemoryState profiled = *c.pre;
    (void)profiler.execute(profiled, c.env, c.rev, c.txs, c.senders);
  }
  const parallel::DependencyGraph graph = profiler.dependency_graph();
  profile.ideal_at.clear();
  for (unsigned t : {2u, 4u, 8u, 16u, 32u, 64u}) profile.ideal_at.push_back(parallel::ideal_speedup(graph, t));
  if (opts.conflicts > 0)
    profile.conflicts = parallel::build_conflict_report(graph, profiler.conflict_edges(), opts.conflicts);

  // One executor per thread count, each checked against in-order execution once.
  std::vector<std::unique_ptr<parallel::ParallelBlockExecutor>> executors;
  std::vector<Row> rows;
  for (unsigned threads : opts.threads) {
    parallel::ExecutorOptions options =
        opts.every_block || opts.optimistic ? parallel::ExecutorOptions::every_block(threads)
                                            : parallel::ExecutorOptions{};
    options.threads = threads;
    options.pin_threads = opts.pin;
    const parallel::AutomaticMode automatic = opts.every_block  ? parallel::AutomaticMode::off()
                                              : opts.optimistic ? parallel::AutomaticMode::optimistic_only()
                                                                : parallel::AutomaticMode{};
    auto& executor =
        *executors.emplace_back(std::make_unique<parallel::ParallelBlockExecutor>(options, automatic));
    Row row{c.name, c.txs.size(), seq.gas_used, threads};
    InMemoryState state = *c.pre;
    const BlockExecution par = executor.execute(state, c.env, c.rev, c.txs, c.senders);
    row.identical = fingerprint(par, state) == expected;
    row.reexecutions = executor.stats().executions - std::min<uint64_t>(executor.stats().executions, c.txs.size());
    row.validation_failures = executor.stats().aborts;
    row.ideal = threads <= 1 ? 1.0 : parallel::ideal_speedup(graph, threads);
    row.sequential_ms = row.parallel_ms = 1e300;
    rows.push_back(row);
  }
  // Timed runs interleaved (in order, then each thread count, `repeat` times; best kept), so
  // that drift of the machine or of the allocator's state over the runs weighs on all alike.
  // A block that takes microseconds is run more often (up to about 20 ms of in-order time, 200
  // rounds at most): the best of five such runs still varied by a tenth.
  double seq_ms = 1e300;
  unsigned rounds = opts.repeat;
  for (unsigned r = 0; r < rounds; ++r) {
    seq_ms = std::min(seq_ms, time_once(c, [&](InMemoryState& s) {
                        (void)execute_transactions(s, c.env, c.rev, c.txs, c.senders);
                      }));
    for (size_t k = 0; k < executors.size(); ++k)
      rows[k].parallel_ms = std::min(rows[k].parallel_ms, time_once(c, [&](InMemoryState& s) {
                                       (void)executors[k]->execute(s, c.env, c.rev, c.txs, c.senders);
                                     }));
    if (r == 0) {
      constexpr double kTargetMs = 20;
      constexpr unsigned kMaxRounds = 200;
      const double wanted = kTargetMs / std::max(seq_ms, 1e-3);
      if (wanted > rounds) rounds = std::min<unsigned>(kMaxRounds, static_cast<unsigned>(wanted));
    }
  }
  for (size_t k = 0; k < executors.size(); ++k) {
    rows[k].sequential_ms = seq_ms;
    const parallel::ExecutionStats st = executors[k]->stats();
    rows[k].mode = st.transfer_block ? "transfers"
                   : st.optimistic   ? "optimistic"
                   : st.sequential   ? "in-order"
                                     : "engine";
    rows[k].probe_prediction = st.probe_prediction;
  }
  return rows;
}

/// What `address` is, when the workload named it; empty otherwise.
std::string name_of(const Address& address, std::span<const workload::AddressName> names) {
  for (const workload::AddressName& n : names)
    if (n.address == address) return n.name;
  return {};
}

void print_conflicts_text(const parallel::ConflictReport& r, std::span<const workload::AddressName> names) {
  auto address = [&](const Address& a) {
    const std::string name = name_of(a, names);
    return to_hex(a) + (name.empty() ? "" : " (" + name + ")");
  };
  const double total_ms = static_cast<double>(r.total_ns) / 1e6;
  const double critical_ms = static_cast<double>(r.critical_path_ns) / 1e6;
  std::cout << "  conflicts: " << r.dependent_transactions << " of " << r.transactions
            << " transactions read what an earlier one wrote; critical path " << std::setprecision(3) << critical_ms
            << " ms of " << total_ms << " ms (" << r.critical_path_transactions << " transactions: at most "
            << std::setprecision(2) << (critical_ms > 0 ? total_ms / critical_ms : 1.0)
            << "x on any number of threads); ideal on " << r.ideal_threads << " threads " << r.ideal << "x\n";
  if (r.locations.empty()) return;
  std::cout << "  locations with the most dependencies (dependencies, reading transactions, critical-path ms, ideal on "
            << r.ideal_threads << " threads without them):\n";
  for (const parallel::LocationConflict& l : r.locations)
    std::cout << "    " << address(l.key.address) << ' ' << parallel::describe_location(l.key) << "  " << l.dependencies
              << "  " << l.readers << "  " << std::setprecision(3) << static_cast<double>(l.critical_path_ns) / 1e6
              << "  " << std::setprecision(2) << l.ideal_without << "x\n";
  std::cout << "  addresses with the most dependencies (dependencies, reading transactions, critical-path ms, locations, "
               "ideal without them):\n";
  for (const parallel::ContractConflict& c : r.contracts)
    std::cout << "    " << address(c.address) << "  " << c.dependencies << "  " << c.readers << "  " << std::setprecision(3)
              << static_cast<double>(c.critical_path_ns) / 1e6 << "  " << c.locations << "  " << std::setprecision(2)
              << c.ideal_without << "x\n";
}

void print_rows_text(const std::vector<Row>& rows, const std::vector<double>& ideal_at) {
  for (const Row& r : rows) {
    std::cout << std::left << std::setw(14) << r.name << std::right << " txs " << std::setw(6) << r.txs << "  gas "
              << std::setw(11) << r.gas << "  threads " << std::setw(2) << r.threads << "  seq " << std::fixed
              << std::setprecision(2) << std::setw(9) << r.sequential_ms << " ms  par " << std::setw(9) << r.parallel_ms
              << " ms  speedup " << std::setw(5) << r.speedup() << "x  " << std::setprecision(3)
              << (r.gas / (r.parallel_ms * 1e6)) << " Ggas/s  reexec " << r.reexecutions << "  aborts "
              << r.validation_failures << "  ideal " << std::setprecision(2) << r.ideal << "x  measured/ideal "
              << (r.speedup() / r.ideal) << "  " << r.mode;
    if (r.probe_prediction > 0) std::cout << " (probe predicted " << std::setprecision(2) << r.probe_prediction << "x)";
    std::cout << "  " << (r.identical ? "identical" : "DIFFERENT") << '\n';
  }
  std::cout << "  ideal speedup at 2/4/8/16/32/64 threads:";
  for (double v : ideal_at) std::cout << ' ' << std::setprecision(2) << v << 'x';
  std::cout << '\n';
}

void print_conflicts_json(std::ostream& os, const std::string& name, const parallel::ConflictReport& r,
                          std::span<const workload::AddressName> names) {
  // "address" and, when the workload named it, "contract".
  auto address = [&](const Address& a) {
    const std::string what = name_of(a, names);
    return "\"address\": \"" + to_hex(a) + "\"" + (what.empty() ? "" : ", \"contract\": \"" + what + "\"");
  };
  os << "{\"name\": \"" << name << "\", \"transactions\": " << r.transactions
     << ", \"dependent_transactions\": " << r.dependent_transactions
     << ", \"total_ms\": " << static_cast<double>(r.total_ns) / 1e6
     << ", \"critical_path_ms\": " << static_cast<double>(r.critical_path_ns) / 1e6
     << ", \"critical_path_transactions\": " << r.critical_path_transactions
     << ", \"ideal_threads\": " << r.ideal_threads << ", \"ideal_speedup\": " << r.ideal << ", \"locations\": [";
  for (size_t i = 0; i < r.locations.size(); ++i) {
    const parallel::LocationConflict& l = r.locations[i];
    os << (i ? ", " : "") << "{" << address(l.key.address) << ", \"location\": \""
       << parallel::describe_location(l.key) << "\", \"dependencies\": " << l.dependencies
       << ", \"readers\": " << l.readers << ", \"critical_path_ms\": " << static_cast<double>(l.critical_path_ns) / 1e6
       << ", \"ideal_speedup_without\": " << l.ideal_without << "}";
  }
  os << "], \"addresses\": [";
  for (size_t i = 0; i < r.contracts.size(); ++i) {
    const parallel::ContractConflict& c = r.contracts[i];
    os << (i ? ", " : "") << "{" << address(c.address) << ", \"dependencies\": " << c.dependencies
       << ", \"readers\": " << c.readers << ", \"critical_path_ms\": " << static_cast<double>(c.critical_path_ns) / 1e6
       << ", \"locations\": " << c.locations << ", \"ideal_speedup_without\": " << c.ideal_without << "}";
  }
  os << "]}";
}

void print_json(const std::vector<Row>& rows, const std::vector<CaseProfile>& profiles,
                std::span<const BenchCase> cases, const std::vector<size_t>& case_of_row, double geomean,
                double min_speedup) {
  std::ostringstream os;
  os << std::setprecision(6) << "{\"machine\": {\"nproc\": " << std::thread::hardware_concurrency()
     << ", \"cpu\": \"" << machine_cpu() << "\"}, \"results\": [";
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    os << (i ? ", " : "") << "{\"name\": \"" << r.name << "\", \"txs\": " << r.txs << ", \"gas\": " << r.gas
       << ", \"threads\": " << r.threads << ", \"sequential_ms\": " << r.sequential_ms
       << ", \"parallel_ms\": " << r.parallel_ms << ", \"speedup\": " << r.speedup()
       << ", \"reexecutions\": " << r.reexecutions << ", \"validation_failures\": " << r.validation_failures
       << ", \"identical\": " << (r.identical ? "true" : "false") << ", \"ideal_speedup\": " << r.ideal
       << ", \"measured_over_ideal\": " << r.speedup() / r.ideal << ", \"mode\": \"" << r.mode
       << "\", \"probe_prediction\": " << r.probe_prediction << ", \"ideal_speedup_at\": {";
    const auto& ideal = profiles[case_of_row[i]].ideal_at;
    const unsigned ts[] = {2, 4, 8, 16, 32, 64};
    for (size_t k = 0; k < ideal.size(); ++k) os << (k ? ", " : "") << '"' << ts[k] << "\": " << ideal[k];
    os << "}}";
  }
  os << "], \"geomean_speedup\": " << geomean << ", \"min_speedup\": " << min_speedup;
  bool any_conflicts = false;
  for (size_t k = 0; k < profiles.size(); ++k) {
    if (!profiles[k].conflicts) continue;
    os << (any_conflicts ? ", " : ", \"conflicts\": [");
    print_conflicts_json(os, cases[k].name, *profiles[k].conflicts, cases[k].names);
    any_conflicts = true;
  }
  if (any_conflicts) os << "]";
  os << "}";
  std::cout << os.str() << '\n';
}

/// Loads the cases: one generated workload, or the mainnet snapshots.
struct Cases {
  std::vector<workload::Workload> workloads;
  std::vector<MainnetSnapshot> snapshots;
  std::vector<BenchCase> list;
};

void load_cases(const BenchOptions& opts, Cases& cases) {
  if (const auto kind = workload::third_party_kind_from_name(opts.workload)) {
    const size_t txs = opts.txs == 0 && opts.gas == 0 ? 2000 : opts.txs;
    cases.workloads.push_back(workload::build_third_party(
        {*kind, txs, opts.gas, opts.hot, opts.seed, workload::third_party_contracts_dir()}));
    const workload::Workload& w = cases.workloads.back();
    cases.list.push_back({w.name, w.rev, w.env, &w.pre, w.txs, w.senders, w.names});
    return;
  }
  if (!opts.workload.empty()) {
    const auto kind = workload::kind_from_name(opts.workload);
    if (!kind) throw std::invalid_argument("--workload: unknown workload " + opts.workload);
    workload::Spec spec{*kind, opts.txs, opts.gas, opts.hot, opts.seed};
    if (spec.txs == 0 && spec.gas == 0) spec.txs = 2000;
    cases.workloads.push_back(workload::build(spec));
    const workload::Workload& w = cases.workloads.back();
    cases.list.push_back({w.name, w.rev, w.env, &w.pre, w.txs, w.senders, w.names});
    return;
  }
  for (const std::string& dir : expand_snapshot_dirs(opts.blocks)) cases.snapshots.push_back(load_mainnet_snapshot(dir));
  for (const MainnetSnapshot& s : cases.snapshots) {
    const BlockHeader& h = s.block.header;
    const Revision rev = mainnet_revision(h.number, h.timestamp);
    cases.list.push_back({std::to_string(h.number), rev, block_env_from_header(h, rev, U256(1)), &s.pre_state,
                          s.block.transactions, s.senders, {}});
  }
}

void run_bench(const BenchOptions& opts) {
  if (opts.workload.empty() == opts.blocks.empty()) throw std::invalid_argument("bench: give either --workload or --blocks");
  Cases cases;
  load_cases(opts, cases);
  const unsigned max_threads = *std::max_element(opts.threads.begin(), opts.threads.end());
  std::vector<Row> rows;
  std::vector<size_t> case_of_row;
  std::vector<CaseProfile> profiles(cases.list.size());
  double log_sum = 0, min_speedup = 1e300;
  size_t counted = 0;
  bool all_identical = true;
  for (size_t i = 0; i < cases.list.size(); ++i) {
    const std::vector<Row> case_rows = bench_case(cases.list[i], opts, profiles[i]);
    if (!opts.json) {
      print_rows_text(case_rows, profiles[i].ideal_at);
      if (profiles[i].conflicts) print_conflicts_text(*profiles[i].conflicts, cases.list[i].names);
    }
    for (const Row& r : case_rows) {
      all_identical = all_identical && r.identical;
      if (r.threads == max_threads && r.txs > 0) {
        log_sum += std::log(r.speedup());
        min_speedup = std::min(min_speedup, r.speedup());
        ++counted;
      }
      rows.push_back(r);
      case_of_row.push_back(i);
    }
  }
  const double geomean = counted ? std::exp(log_sum / counted) : 1.0;
  if (counted == 0) min_speedup = 1.0;
  if (opts.json) {
    print_json(rows, profiles, cases.list, case_of_row, geomean, min_speedup);
  } else {
    std::cout << "geometric-mean speedup at " << max_threads << " threads: " << std::setprecision(3) << geomean
              << "x, slowest: " << min_speedup << "x; results "
              << (all_identical ? "identical to sequential" : "DIFFER from sequential") << '\n';
  }
  set_exit_code(all_identical ? 0 : 1);
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto opts = std::make_shared<BenchOptions>();
  auto* cmd = app.add_subcommand("bench", "Sequential vs parallel execution of workloads or mainnet blocks");
  cmd->add_option("--workload", opts->workload, "raw|erc20|amm|nft|game|mixed|erc20-oz|uniswap3 (the last two: third-party "
                  "contracts from $PARAEVM_DATA/contracts)");
  cmd->add_option("--blocks", opts->blocks, "Mainnet snapshot folders (or folders of them)");
  cmd->add_option("--txs", opts->txs, "Transactions in the generated block");
  cmd->add_option("--gas", opts->gas, "Target gas of the generated block (instead of --txs)");
  cmd->add_option("--hot", opts->hot, "Share of transactions hitting one hot account/pool/slot (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--seed", opts->seed, "Seed of the generated workload");
  cmd->add_option("--threads", opts->threads, "Thread counts, e.g. 1,2,4")->delimiter(',');
  cmd->add_option("--repeat", opts->repeat, "Runs per measurement (best is kept)")->check(CLI::PositiveNumber);
  cmd->add_flag("--json", opts->json, "Print JSON");
  cmd->add_option("--conflicts", opts->conflicts,
                  "Also report where each block's transactions conflict: the N locations and addresses "
                  "with the most dependencies, and their share of the critical path");
  cmd->add_flag("--pin", opts->pin, "Bind each worker thread to its own CPU");
  auto* every_block = cmd->add_flag("--every-block", opts->every_block,
                                    "Run every block on the engine (no automatic in-order mode)");
  cmd->add_flag("--optimistic", opts->optimistic,
                "Run every block through the optimistic round, never handing it to the engine")
      ->excludes(every_block);
  cmd->callback([opts] {
    try {
      run_bench(*opts);
    } catch (const std::exception& e) {
      std::cerr << "bench: " << e.what() << '\n';
      set_exit_code(2);
    }
  });
}

}  // namespace paraevm::tools
