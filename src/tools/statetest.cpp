// `paraevm statetest [--fork NAME] [--trace] [--bench] [--json] [--known-failures FILE]
// [--jobs N] PATH...`: runs state-test fixtures (files, or folders searched recursively for
// .json) and prints one line per failure, then "N passed, M failed, K skipped". Files run on
// `--jobs` threads; output keeps the file order.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "tools/commands.hpp"
#include "tools/statetest_bench.hpp"
#include "tools/statetest_known_failures.hpp"
#include "tools/statetest_runner.hpp"

namespace paraevm::tools {
namespace {

namespace fs = std::filesystem;

struct CliOptions {
  StateTestOptions run;
  bool bench = false;
  bool json = false;
  std::string known_failures;
  unsigned jobs = 2;
  std::vector<std::string> paths;
};

struct Totals {
  size_t passed = 0, failed = 0, skipped = 0, known = 0;
  std::vector<std::string> known_lines;  // expected failures, printed after the failures
  std::vector<std::string> fixed;        // listed as known failures but passing now
};

/// The .json files under the paths, sorted per folder; a missing path is an error report.
std::vector<std::string> collect_files(const std::vector<std::string>& paths,
                                       std::vector<FileReport>& errors) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      errors.push_back({p, {{"", "", {}, Verdict::Fail, "no such file or folder"}}});
    }
  }
  return files;
}

std::string failure_line(const std::string& file, const RunReport& r) {
  std::ostringstream os;
  os << file;
  if (!r.test.empty()) os << ": " << r.test;
  if (!r.fork.empty())
    os << " " << r.fork << " d=" << r.indexes.data << " g=" << r.indexes.gas << " v=" << r.indexes.value;
  os << ": " << r.detail;
  return os.str();
}

/// Where reports go: stdout, or stderr when stdout carries JSON.
std::ostream* g_report = &std::cout;

void tally(const FileReport& f, const KnownFailures* known, Totals& t) {
  for (const RunReport& r : f.runs) {
    const bool listed = known && !r.test.empty() && known->contains(r.id());
    if (r.verdict == Verdict::Skip) {
      ++t.skipped;
    } else if (r.verdict == Verdict::Pass) {
      ++t.passed;
      if (listed) t.fixed.push_back(r.id());
    } else if (listed) {
      ++t.known;
      t.known_lines.push_back(failure_line(f.file, r) + " (known: " + known->reason(r.id()) + ")");
    } else {
      ++t.failed;
      *g_report << "FAIL " << failure_line(f.file, r) << '\n';
    }
  }
  g_report->flush();
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

void print_bench(const std::vector<BenchResult>& results, bool json) {
  if (json) {
    std::cout << "{\"results\": [";
    for (size_t i = 0; i < results.size(); ++i) {
      const BenchResult& r = results[i];
      std::cout << (i ? ",\n  " : "\n  ") << "{\"name\": \"" << json_escape(r.name) << "\", \"gas\": "
                << r.gas << ", \"median_us\": " << std::fixed << std::setprecision(3) << r.median_us
                << ", \"mgas_per_s\": " << r.mgas_per_s << "}";
    }
    std::cout << "\n]}\n";
    return;
  }
  for (const BenchResult& r : results)
    std::cout << std::left << std::setw(40) << r.name << std::right << " gas " << std::setw(11)
              << r.gas << "  median " << std::fixed << std::setprecision(1) << std::setw(10)
              << r.median_us << " us  " << std::setprecision(1) << std::setw(8) << r.mgas_per_s
              << " Mgas/s  (" << r.repetitions << " runs)\n";
}

/// Runs `work(i, parser)` for every file index on `jobs` threads (one JSON parser each, reused
/// across files) and hands the results to `emit` in index order as each prefix completes.
template <typename Result, typename Work, typename Emit>
void run_ordered(size_t count, unsigned jobs, Work&& work, Emit&& emit) {
  std::vector<std::optional<Result>> results(count);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    simdjson::dom::parser parser;
    for (size_t i; (i = next.fetch_add(1)) < count;) {
      Result r = work(i, parser);
      std::lock_guard lock(mu);
      results[i] = std::move(r);
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < std::max(1u, jobs); ++j) threads.emplace_back(worker);
  if (threads.empty()) {
    worker();
  } else {
    threads.emplace_back(worker);
  }
  for (size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return results[i].has_value(); });
    Result r = std::move(*results[i]);
    results[i].reset();
    lock.unlock();
    emit(r);
  }
  for (std::thread& t : threads) t.join();
}

int run(const CliOptions& opt) {
  std::optional<KnownFailures> known;
  if (!opt.known_failures.empty()) {
    try {
      known = KnownFailures::load(opt.known_failures);
    } catch (const std::exception& e) {
      std::cerr << "statetest: " << e.what() << '\n';
      return 2;
    }
  }
  if (opt.bench && opt.json) g_report = &std::cerr;
  std::vector<FileReport> missing;
  const std::vector<std::string> files = collect_files(opt.paths, missing);
  Totals totals;
  for (const FileReport& f : missing) tally(f, nullptr, totals);
  const unsigned jobs = opt.run.trace ? 1 : opt.jobs;  // one trace stream at a time
  std::vector<BenchResult> bench;
  if (opt.bench) {
    run_ordered<BenchFileResult>(
        files.size(), 1,  // timings on an otherwise idle machine
        [&](size_t i, simdjson::dom::parser& parser) {
          return bench_state_test_file(files[i], opt.run, parser);
        },
        [&](BenchFileResult& r) {
          tally(r.report, known ? &*known : nullptr, totals);
          bench.insert(bench.end(), r.results.begin(), r.results.end());
        });
    print_bench(bench, opt.json);
  } else {
    run_ordered<FileReport>(
        files.size(), jobs,
        [&](size_t i, simdjson::dom::parser& parser) {
          return run_state_test_file(files[i], opt.run, parser);
        },
        [&](FileReport& r) { tally(r, known ? &*known : nullptr, totals); });
  }
  std::sort(totals.fixed.begin(), totals.fixed.end());
  totals.fixed.erase(std::unique(totals.fixed.begin(), totals.fixed.end()), totals.fixed.end());
  std::ostream& rep = *g_report;
  for (const std::string& l : totals.known_lines) rep << "KNOWN " << l << '\n';
  for (const std::string& id : totals.fixed) rep << "FIXED (remove from known failures) " << id << '\n';
  if (totals.known) rep << totals.known << " known failures\n";
  rep << totals.passed << " passed, " << totals.failed << " failed, " << totals.skipped
            << " skipped\n";
  return totals.failed == 0 ? 0 : 1;
}

}  // namespace

void add_statetest_command(CLI::App& app) {
  auto opt = std::make_shared<CliOptions>();
  auto* cmd = app.add_subcommand("statetest", "Run state-test fixtures (files or folders of .json)");
  cmd->add_option("--fork", opt->run.fork, "Only run this fork's post entries (e.g. Cancun)");
  cmd->add_flag("--trace", opt->run.trace, "EIP-3155 JSON trace of every run to stderr");
  cmd->add_flag("--bench", opt->bench, "Time each transaction (median over repetitions)");
  cmd->add_flag("--json", opt->json, "With --bench: results as JSON");
  cmd->add_option("--known-failures", opt->known_failures,
                  "File of test ids expected to fail (one per line, '# reason')");
  cmd->add_option("--jobs,-j", opt->jobs, "Files run in parallel (default 2)");
  cmd->add_option("paths", opt->paths, "Fixture files or folders")->required();
  cmd->callback([opt] { set_exit_code(run(*opt)); });
}

}  // namespace paraevm::tools
