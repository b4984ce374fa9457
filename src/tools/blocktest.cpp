// `paraevm blocktest [--threads N] [--known-failures FILE] PATH...`: runs blockchain-test
// fixtures (files, or folders searched recursively for .json) and prints one line per failure
// (file, test, block index, what differed), then "N passed, M failed, K skipped".
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "tools/blocktest_runner.hpp"
#include "tools/commands.hpp"
#include "tools/statetest_known_failures.hpp"

namespace paraevm::tools {

namespace {

namespace fs = std::filesystem;

struct BlockTestCli {
  BlockTestOptions run;
  std::string known_failures;
  std::vector<std::string> paths;
};

struct Totals {
  size_t passed = 0, failed = 0, skipped = 0, known = 0;
  std::vector<std::string> fixed;
};

void fail(const std::string& line, Totals& t) {
  ++t.failed;
  std::cout << "FAIL " << line << '\n';
}

std::vector<std::string> collect(const std::vector<std::string>& paths, Totals& t) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".json")
          found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      fail(p + ": no such file or folder", t);
    }
  }
  return files;
}

void run_file(const std::string& file, simdjson::dom::parser& parser, const BlockTestCli& opt,
              const KnownFailures* known, Totals& t) {
  simdjson::dom::element doc;
  if (auto err = parser.load(file).get(doc)) {
    fail(file + ": " + simdjson::error_message(err), t);
    return;
  }
  simdjson::dom::object tests;
  if (doc.get_object().get(tests)) {
    fail(file + ": top level is not an object", t);
    return;
  }
  for (auto [name, fixture] : tests) {
    const std::string test(name);
    BlockTestReport r;
    try {
      r = run_block_test(name, fixture, opt.run);
    } catch (const std::exception& e) {
      r.test = test;
      r.failures.push_back(std::string("malformed fixture: ") + e.what());
    }
    const bool listed = known && known->contains(test);
    if (r.skipped) {
      ++t.skipped;
    } else if (r.failures.empty()) {
      ++t.passed;
      if (listed) t.fixed.push_back(test);
    } else if (listed) {
      ++t.known;
    } else {
      std::string line = file + ": " + test;
      for (const std::string& f : r.failures) line += ": " + f;
      fail(line, t);
    }
  }
}

void run_blocktest(const BlockTestCli& opt) {
  std::optional<KnownFailures> known;
  Totals t;
  if (!opt.known_failures.empty()) {
    try {
      known = KnownFailures::load(opt.known_failures);
    } catch (const std::exception& e) {
      std::cerr << e.what() << '\n';
      set_exit_code(2);
      return;
    }
  }
  simdjson::dom::parser parser;
  for (const std::string& file : collect(opt.paths, t))
    run_file(file, parser, opt, known ? &*known : nullptr, t);
  for (const std::string& f : t.fixed)
    std::cout << "FIXED " << f << " (listed as a known failure, passes)\n";
  if (t.known) std::cout << t.known << " known failures\n";
  std::cout << t.passed << " passed, " << t.failed << " failed, " << t.skipped << " skipped\n";
  set_exit_code(t.failed == 0 && t.fixed.empty() ? 0 : 1);
}

}  // namespace

void add_blocktest_command(CLI::App& app) {
  auto opts = std::make_shared<BlockTestCli>();
  auto* cmd = app.add_subcommand("blocktest", "Run blockchain-test fixtures (files or folders)");
  cmd->add_option("paths", opts->paths, "Fixture files or folders")->required();
  cmd->add_option("--threads", opts->run.threads,
                  "Also execute each block's transactions in parallel on N threads (on the engine "
                  "and through the optimistic round) and require identical results")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--known-failures", opts->known_failures,
                  "File listing expected failures with reasons");
  cmd->callback([opts] { run_blocktest(*opts); });
}

}  // namespace paraevm::tools
