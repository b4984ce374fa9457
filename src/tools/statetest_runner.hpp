// Running state-test fixtures: each `post.<fork>[i]` entry becomes one run (a transaction built
// from the template, the fork's BlockEnv, the `pre` state) whose state root, logs hash and
// validity are compared with the fixture. Used by `paraevm statetest` (check and --bench).
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "chain/transition.hpp"
#include "state/in_memory_state.hpp"
#include "tools/fixture_state_test.hpp"

namespace paraevm::tools {

struct StateTestOptions {
  /// Only runs of this fork (fixture name, e.g. "Cancun"); all when empty.
  std::string fork;
  /// EIP-3155 trace of every run to stderr.
  bool trace = false;
};

/// Everything one run needs, ready to execute.
struct PreparedRun {
  const StateTest* test = nullptr;
  const PostEntry* entry = nullptr;
  std::string fork;
  Revision rev = Revision::Frontier;
  BlockEnv env;
  BlockGasLeft gas_left;
  Transaction tx;
  Address sender;
  /// The template's transaction cannot exist (a value above 2^256 - 1): it counts as rejected
  /// without being executed.
  bool unencodable = false;
};

enum class Verdict : uint8_t { Pass, Fail, Skip };

/// The outcome of one run (or of a fixture that could not be run at all).
struct RunReport {
  std::string test;
  std::string fork;  // empty for a whole-fixture or whole-file error
  TxIndexes indexes;
  Verdict verdict = Verdict::Pass;
  /// What differed (expected vs got), or why the run was skipped or could not run.
  std::string detail;

  /// "<test>|<fork>|d/g/v" (the known-failures key; shorter prefixes match whole tests/forks).
  std::string id() const;
};

struct FileReport {
  std::string file;
  std::vector<RunReport> runs;
};

/// The backing state of a fixture allocation.
InMemoryState build_state(const FixtureAlloc& alloc);

/// The runs of `test` selected by `options`, in fixture order. Runs that cannot be prepared
/// (unknown fork, index out of range) come back as reports in `problems`.
std::vector<PreparedRun> prepare_runs(const StateTest& test, const StateTestOptions& options,
                                      std::vector<RunReport>& problems);

/// Executes `run` on a copy of `pre` and compares with the fixture.
RunReport check_run(const PreparedRun& run, const InMemoryState& pre, const StateTestOptions& options);

/// Loads `path` and checks every selected run of every fixture in it. Malformed JSON or
/// fixtures become failed reports naming file and key; never throws.
FileReport run_state_test_file(const std::string& path, const StateTestOptions& options,
                               simdjson::dom::parser& parser);

}  // namespace paraevm::tools
