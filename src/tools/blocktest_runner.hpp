// Runs one blockchain-test fixture (ethereum/tests BlockchainTests, EEST blockchain_tests):
// genesis from `pre`, blocks imported in order (a block with `expectException` must be
// rejected), then `lastblockhash` and `postState` / `postStateHash` are compared.
#pragma once

#include <string>
#include <vector>

#include "tools/fixture_json.hpp"

namespace paraevm::tools {

struct BlockTestOptions {
  /// Above 1: also execute each block's transactions with the parallel executor on this many
  /// threads and fail on any difference from the sequential execution.
  unsigned threads = 1;
};

/// One failure of a test ("" detail list means it passed).
struct BlockTestReport {
  std::string test;
  std::string network;
  bool skipped = false;
  std::vector<std::string> failures;
};

/// Runs the test `name` whose fixture is `fixture`. Throws FixtureError on malformed input.
BlockTestReport run_block_test(std::string_view name, JsonElement fixture,
                               const BlockTestOptions& options);

}  // namespace paraevm::tools
