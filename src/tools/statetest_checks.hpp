// Consistency checks of a state-test run beyond root and logs: the signed `txbytes` against the
// transaction built from the template, and a readable account-by-account difference between
// the computed post-state and the fixture's expected `state` (for failure reports).
#pragma once

#include <string>

#include "state/in_memory_state.hpp"
#include "tools/statetest_runner.hpp"

namespace paraevm::tools {

/// "" when `txbytes` decodes to the template's transaction (same type and fields; legacy chain
/// id aside, which the template does not carry) signed by the run's sender; otherwise what
/// differs. A decoding failure is acceptable when the fixture expects an exception.
std::string check_txbytes(const PreparedRun& run, BytesView txbytes);

/// Up to `max_items` differences between `state` and the expected post-state JSON, e.g.
/// "0x…aa balance expected 0x5 got 0x6".
std::string describe_state_difference(const InMemoryState& state, JsonElement expected,
                                      size_t max_items = 4);

}  // namespace paraevm::tools
