#include "tools/statetest_runner.hpp"

#include <iostream>

#include "base/hex.hpp"
#include "chain/blob_gas.hpp"
#include "crypto/secp256k1.hpp"
#include "evm/tracer.hpp"
#include "state/log.hpp"
#include "tools/statetest_checks.hpp"

namespace paraevm::tools {
namespace {

/// The fixture's `sender`, or the address of its `secretKey`.
Address resolve_sender(const TxTemplate& tx) {
  if (tx.sender) return *tx.sender;
  auto addr = address_from_private_key(*tx.secret_key);
  if (!addr) fixture_error(JsonPath{}.child("transaction").child("secretKey"), "invalid private key");
  return *addr;
}

/// The fork's blob schedule: the fixture's `config.blobSchedule` entry, else the revision's.
std::optional<BlobSchedule> blob_schedule_for(const StateTest& test, std::string_view fork,
                                              Revision rev) {
  if (!at_least(rev, Revision::Cancun)) return std::nullopt;
  if (auto it = test.blob_schedules.find(fork); it != test.blob_schedules.end()) return it->second;
  return default_blob_schedule(rev);
}

void compare(std::string& detail, const char* what, const Hash& want, const Hash& got) {
  if (want == got) return;
  if (!detail.empty()) detail += "; ";
  detail += std::string(what) + " expected " + to_hex(want) + " got " + to_hex(got);
}

RunReport problem(const StateTest& test, std::string fork, const TxIndexes& ix, Verdict v,
                  std::string detail) {
  return RunReport{test.name, std::move(fork), ix, v, std::move(detail)};
}

}  // namespace

std::string RunReport::id() const {
  if (fork.empty()) return test;
  return test + "|" + fork + "|" + std::to_string(indexes.data) + "/" + std::to_string(indexes.gas) +
         "/" + std::to_string(indexes.value);
}

InMemoryState build_state(const FixtureAlloc& alloc) {
  InMemoryState state;
  for (const FixtureAccount& acc : alloc) {
    std::unordered_map<U256, U256, U256Hash> storage(acc.storage.begin(), acc.storage.end());
    state.set_account(acc.address, acc.nonce, acc.balance, acc.code, storage);
  }
  return state;
}

std::vector<PreparedRun> prepare_runs(const StateTest& test, const StateTestOptions& options,
                                      std::vector<RunReport>& problems) {
  std::vector<PreparedRun> runs;
  std::optional<Address> sender;
  for (const ForkPost& post : test.post) {
    if (!options.fork.empty() && post.fork != options.fork) continue;
    const auto rev = revision_from_name(post.fork);
    if (!rev) {
      for (const PostEntry& e : post.entries)
        problems.push_back(problem(test, post.fork, e.indexes, Verdict::Skip, "unsupported fork"));
      continue;
    }
    BlockEnv env = test.env;
    BlockGasLeft gas_left{static_cast<uint64_t>(env.gas_limit), 0};
    if (auto sched = blob_schedule_for(test, post.fork, *rev)) {
      env.blob_base_fee = blob_base_fee(env.excess_blob_gas.value_or(0), *sched);
      env.max_blobs_per_block = sched->max;
      gas_left.blob_gas = sched->max_blob_gas();
    }
    for (const PostEntry& e : post.entries) {
      try {
        if (!sender) sender = resolve_sender(test.tx);
        PreparedRun run{&test, &e, post.fork, *rev, env, gas_left, {}, *sender, false};
        run.tx = instantiate(test.tx, e.indexes, env.chain_id, run.unencodable);
        runs.push_back(std::move(run));
      } catch (const FixtureError& err) {
        problems.push_back(problem(test, post.fork, e.indexes, Verdict::Fail,
                                   std::string("malformed fixture: ") + err.what()));
      }
    }
  }
  return runs;
}

RunReport check_run(const PreparedRun& run, const InMemoryState& pre, const StateTestOptions& options) {
  RunReport report = problem(*run.test, run.fork, run.entry->indexes, Verdict::Pass, "");
  std::string detail;
  if (run.entry->txbytes) detail = check_txbytes(run, to_view(*run.entry->txbytes));

  InMemoryState state = pre;
  std::optional<JsonTracer> tracer;
  if (options.trace) tracer.emplace(std::cerr);
  std::vector<Log> logs;
  std::string rejection;  // why the transaction was rejected; "" when included
  if (run.unencodable) {
    rejection = "value above 2^256 - 1";
  } else {
    TxOutcome out = apply_transaction(state, run.env, run.rev, run.tx, run.sender,
                                      tracer ? &*tracer : nullptr, run.gas_left);
    if (out.valid()) {
      state.apply(out.receipt.diff);
      logs = std::move(out.receipt.logs);
    } else {
      rejection = tx_error_name(*out.error, run.tx.type);
    }
  }

  const Hash root = state.state_root();
  const bool root_differs = root != run.entry->state_root;
  compare(detail, "root", run.entry->state_root, root);
  compare(detail, "logs", run.entry->logs_hash, logs_hash(logs));
  if (run.entry->expects_exception() == rejection.empty()) {
    if (!detail.empty()) detail += "; ";
    detail += "exception expected " +
              (run.entry->expects_exception() ? run.entry->expect_exception : std::string("none")) +
              " got " + (rejection.empty() ? std::string("none") : rejection);
  }
  if (root_differs && run.entry->expected_state)
    detail += " [" + describe_state_difference(state, *run.entry->expected_state) + "]";
  if (!detail.empty()) {
    report.verdict = Verdict::Fail;
    report.detail = std::move(detail);
  }
  return report;
}

FileReport run_state_test_file(const std::string& path, const StateTestOptions& options,
                               simdjson::dom::parser& parser) {
  FileReport report{path, {}};
  simdjson::dom::element doc;
  if (auto err = parser.load(path).get(doc); err != simdjson::SUCCESS) {
    report.runs.push_back({"", "", {}, Verdict::Fail, std::string("bad JSON: ") + simdjson::error_message(err)});
    return report;
  }
  simdjson::dom::object tests;
  if (doc.get_object().get(tests) != simdjson::SUCCESS) {
    report.runs.push_back({"", "", {}, Verdict::Fail, "malformed fixture: top level is not an object"});
    return report;
  }
  for (auto [name, fixture] : tests) {
    try {
      const StateTest test = parse_state_test(name, fixture, JsonPath{}.child(name));
      std::vector<RunReport> problems;
      const std::vector<PreparedRun> runs = prepare_runs(test, options, problems);
      for (RunReport& p : problems) report.runs.push_back(std::move(p));
      if (runs.empty()) continue;
      const InMemoryState pre = build_state(test.pre);
      for (const PreparedRun& run : runs) report.runs.push_back(check_run(run, pre, options));
    } catch (const FixtureError& e) {
      report.runs.push_back({std::string(name), "", {}, Verdict::Fail,
                             std::string("malformed fixture: ") + e.what()});
    } catch (const std::exception& e) {  // a bug surfacing as an exception: report, go on
      report.runs.push_back({std::string(name), "", {}, Verdict::Fail,
                             std::string("internal error: ") + e.what()});
    }
  }
  return report;
}

}  // namespace paraevm::tools
