#include "tools/statetest_bench.hpp"

#include <algorithm>
#include <chrono>

namespace paraevm::tools {
namespace {

using Clock = std::chrono::steady_clock;

// Repeat until both bounds are met (or the cap): enough samples for a stable median, and long
// enough that timer resolution and cache warm-up do not dominate.
constexpr size_t kMinRepetitions = 10;
constexpr double kMinSeconds = 0.5;
constexpr size_t kMaxRepetitions = 100000;

BenchResult time_run(const PreparedRun& run, InMemoryState& pre, std::string name) {
  std::vector<double> samples;
  uint64_t gas = 0;
  double total = 0;
  while (samples.size() < kMaxRepetitions &&
         (samples.size() < kMinRepetitions || total < kMinSeconds)) {
    const auto start = Clock::now();
    const TxOutcome out = apply_transaction(pre, run.env, run.rev, run.tx, run.sender, nullptr,
                                            run.gas_left);
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    gas = out.valid() ? out.receipt.gas_used : 0;
    samples.push_back(s);
    total += s;
  }
  std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
  BenchResult r;
  r.name = std::move(name);
  r.gas = gas;
  r.median_us = samples[samples.size() / 2] * 1e6;
  r.mgas_per_s = r.median_us > 0 ? static_cast<double>(gas) / r.median_us : 0;
  r.repetitions = samples.size();
  return r;
}

}  // namespace

BenchFileResult bench_state_test_file(const std::string& path, const StateTestOptions& options,
                                      simdjson::dom::parser& parser) {
  BenchFileResult out;
  out.report.file = path;
  simdjson::dom::element doc;
  simdjson::dom::object tests;
  if (parser.load(path).get(doc) != simdjson::SUCCESS || doc.get_object().get(tests) != simdjson::SUCCESS) {
    out.report.runs.push_back({"", "", {}, Verdict::Fail, "bad JSON or not an object of fixtures"});
    return out;
  }
  for (auto [name, fixture] : tests) {
    try {
      const StateTest test = parse_state_test(name, fixture, JsonPath{}.child(name));
      std::vector<RunReport> problems;
      const std::vector<PreparedRun> runs = prepare_runs(test, options, problems);
      for (RunReport& p : problems) out.report.runs.push_back(std::move(p));
      InMemoryState pre = build_state(test.pre);
      for (const PreparedRun& run : runs) {
        RunReport check = check_run(run, pre, options);
        const std::string id = runs.size() > 1 ? check.id() : test.name;
        out.report.runs.push_back(std::move(check));
        if (run.unencodable) continue;
        // apply_transaction over the view leaves `pre` untouched: every repetition is fresh.
        out.results.push_back(time_run(run, pre, id));
      }
    } catch (const std::exception& e) {
      out.report.runs.push_back({std::string(name), "", {}, Verdict::Fail, e.what()});
    }
  }
  return out;
}

}  // namespace paraevm::tools
