// Subcommand registration. Each subcommand lives in its own file and sets the exit code through
// set_exit_code from its callback.
#pragma once

#include <CLI/CLI.hpp>

namespace paraevm::tools {

void register_commands(CLI::App& app);
void set_exit_code(int code);
int exit_code();

// One registration function per subcommand file.
void add_statetest_command(CLI::App& app);
void add_blocktest_command(CLI::App& app);
void add_replay_command(CLI::App& app);
void add_bench_command(CLI::App& app);

}  // namespace paraevm::tools
