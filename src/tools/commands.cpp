#include "tools/commands.hpp"

namespace paraevm::tools {
namespace {
int g_exit_code = 0;
}

void set_exit_code(int code) { g_exit_code = code; }
int exit_code() { return g_exit_code; }

void register_commands(CLI::App& app) {
  add_statetest_command(app);
  add_blocktest_command(app);
  add_replay_command(app);
  add_bench_command(app);
}

}  // namespace paraevm::tools
