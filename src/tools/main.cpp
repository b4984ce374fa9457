// paraevm command-line entry point: one subcommand per file in src/tools/.
#include <CLI/CLI.hpp>

#include "tools/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"paraevm: parallel EVM block execution engine"};
  app.require_subcommand(1);
  paraevm::tools::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return paraevm::tools::exit_code();
}
