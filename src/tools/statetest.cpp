// `paraevm statetest`: placeholder until the state-test runner lands (owned by the chain work).
#include <iostream>

#include "tools/commands.hpp"

namespace paraevm::tools {

void add_statetest_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("statetest", "Run state-test fixtures");
  cmd->callback([] {
    std::cerr << "statetest: not implemented yet\n";
    set_exit_code(2);
  });
}

}  // namespace paraevm::tools
