// `paraevm statetest --bench`: per run, the median time of executing its transaction (state
// setup excluded: each repetition starts from a fresh State over the same pre-state view).
#pragma once

#include <string>
#include <vector>

#include "tools/statetest_runner.hpp"

namespace paraevm::tools {

struct BenchResult {
  std::string name;  // test name, plus "|fork|d/g/v" when the fixture has several runs
  uint64_t gas = 0;
  double median_us = 0;
  double mgas_per_s = 0;
  size_t repetitions = 0;
};

/// Checks then times every selected run in `path`. Check failures are returned as reports.
struct BenchFileResult {
  FileReport report;
  std::vector<BenchResult> results;
};
BenchFileResult bench_state_test_file(const std::string& path, const StateTestOptions& options,
                                      simdjson::dom::parser& parser);

}  // namespace paraevm::tools
