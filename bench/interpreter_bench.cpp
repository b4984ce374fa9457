// Interpreter throughput (reported as gas/s): synthetic loops (arithmetic, KECCAK256,
// MSTORE/MLOAD) and, when PARAEVM_DATA is set, the programs of the standard evm-benchmarks
// suite (blake2b, sha1, snailtracer, ...) run directly on the interpreter with a minimal host.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "base/hex.hpp"
#include "evm/interpreter.hpp"
#include "evm/opcodes.hpp"

namespace paraevm {
namespace {

/// A single-contract world: storage of the running contract, nothing else.
class BenchHost : public Host {
 public:
  std::unordered_map<Hash, U256, FixedBytesHasher> storage;
  TxContext tx;

  bool account_exists(const Address&) override { return true; }
  U256 get_storage(const Address&, const U256& k) override {
    auto it = storage.find(k.to_be32());
    return it == storage.end() ? U256{} : it->second;
  }
  StorageStatus set_storage(const Address&, const U256& k, const U256& v) override {
    storage[k.to_be32()] = v;
    return StorageStatus::Assigned;
  }
  U256 get_balance(const Address&) override { return {}; }
  size_t get_code_size(const Address&) override { return 0; }
  Hash get_code_hash(const Address&) override { return {}; }
  size_t copy_code(const Address&, size_t, uint8_t*, size_t) override { return 0; }
  bool selfdestruct(const Address&, const Address&) override { return true; }
  Result call(const Message& msg) override {
    Result r;
    r.gas_left = msg.gas;  // nested calls are outside this benchmark
    return r;
  }
  const TxContext& get_tx_context() override { return tx; }
  Hash get_block_hash(int64_t) override { return {}; }
  void emit_log(const Address&, BytesView, std::span<const U256>) override {}
  AccessStatus access_account(const Address&) override { return AccessStatus::Warm; }
  AccessStatus access_storage(const Address&, const U256&) override { return AccessStatus::Warm; }
  U256 get_transient_storage(const Address&, const U256&) override { return {}; }
  void set_transient_storage(const Address&, const U256&, const U256&) override {}
};

void run_code(benchmark::State& state, const AnalyzedCode& code, const Bytes& input,
              Revision rev = Revision::Cancun, int64_t gas = 1'000'000'000) {
  BenchHost host;
  Message msg;
  msg.gas = gas;
  msg.input = input;
  int64_t total_gas = 0;
  for (auto _ : state) {
    host.storage.clear();
    Result r = execute(host, rev, msg, code);
    if (r.status != StatusCode::Success) {
      state.SkipWithError("execution failed");
      return;
    }
    total_gas += gas - r.gas_left;
  }
  state.counters["gas/s"] = benchmark::Counter(static_cast<double>(total_gas),
                                               benchmark::Counter::kIsRate);
  state.counters["gas/iter"] =
      static_cast<double>(total_gas) / static_cast<double>(state.iterations());
}

/// `prefix`, then `counter` iterations of `body`: PUSH3 counter, loop: body, counter-1, JUMPI
/// back while non-zero. `prefix` must not jump.
Bytes loop(uint32_t counter, const Bytes& body, const Bytes& prefix = {}) {
  const auto target = static_cast<uint8_t>(prefix.size() + 4);
  Bytes c = prefix;
  const Bytes head = {OP_PUSH3, static_cast<uint8_t>(counter >> 16), static_cast<uint8_t>(counter >> 8),
             static_cast<uint8_t>(counter), OP_JUMPDEST};
  c.insert(c.end(), head.begin(), head.end());
  c.insert(c.end(), body.begin(), body.end());
  const Bytes tail = {OP_PUSH1, 1, OP_SWAP1, OP_SUB, OP_DUP1, OP_PUSH1, target, OP_JUMPI, OP_STOP};
  c.insert(c.end(), tail.begin(), tail.end());
  return c;
}

void BM_ArithmeticLoop(benchmark::State& state) {
  // x = (x * counter + counter) ^ (x >> 3), with x kept below the counter on the stack.
  const Bytes body = {OP_SWAP1, OP_DUP2,   OP_MUL, OP_DUP2, OP_ADD,  OP_DUP1,  OP_PUSH1, 3,
                      OP_SHR,   OP_XOR,    OP_DUP1, OP_PUSH1, 7,     OP_AND,   OP_ADD,   OP_SWAP1};
  const AnalyzedCode analyzed(loop(100000, body, {OP_PUSH1, 1}));
  run_code(state, analyzed, {});
}
BENCHMARK(BM_ArithmeticLoop);

void BM_Keccak256Loop(benchmark::State& state) {
  // keccak256 of 64 bytes of memory, stored back at 0.
  const Bytes body = {OP_PUSH1, 64, OP_PUSH1, 0, OP_KECCAK256, OP_PUSH1, 0, OP_MSTORE};
  const AnalyzedCode analyzed(loop(20000, body));
  run_code(state, analyzed, {});
}
BENCHMARK(BM_Keccak256Loop);

void BM_MemoryLoop(benchmark::State& state) {
  // MSTORE the counter at (counter & 0x3ff), MLOAD it back.
  const Bytes body = {OP_DUP1,  OP_DUP1, OP_PUSH2, 0x03, 0xff, OP_AND, OP_MSTORE,
                      OP_DUP1, OP_PUSH2, 0x03, 0xff, OP_AND, OP_MLOAD, OP_POP};
  const AnalyzedCode analyzed(loop(100000, body));
  run_code(state, analyzed, {});
}
BENCHMARK(BM_MemoryLoop);

// ---- evm-benchmarks suite ----

/// Reads the JSON string value following `key` at or after `pos` (a fixed-layout state test).
std::string string_after(const std::string& text, const std::string& key, size_t& pos) {
  pos = text.find(key, pos);
  if (pos == std::string::npos) return {};
  size_t open = text.find('"', text.find(':', pos) + 1);
  size_t close = text.find('"', open + 1);
  pos = close + 1;
  return text.substr(open + 1, close - open - 1);
}

struct SuiteProgram {
  std::string name;
  std::shared_ptr<const AnalyzedCode> code;
  Bytes input;
};

/// The contract with the longest code and each transaction input of a benchmark file.
std::vector<SuiteProgram> load_suite_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::string longest;
  for (size_t pos = 0;;) {
    std::string code = string_after(text, "\"code\"", pos);
    if (pos == std::string::npos) break;
    if (code.size() > longest.size()) longest = code;
  }
  auto code = from_hex(longest);
  size_t pos = text.find("\"transaction\"");
  pos = text.find("\"data\"", pos);
  size_t end = text.find(']', pos);
  std::vector<SuiteProgram> out;
  if (!code || pos == std::string::npos) {
    std::cerr << path << ": no contract code or transaction data found\n";
    return out;
  }
  auto analyzed = analyze(*code);
  for (int i = 0;; ++i) {
    size_t open = text.find('"', text.find_first_of("[,", pos) + 1);
    if (open == std::string::npos || open > end) break;
    size_t close = text.find('"', open + 1);
    auto input = from_hex(text.substr(open + 1, close - open - 1));
    if (!input) {
      std::cerr << path << ": transaction data " << i << " is not hex\n";
      break;
    }
    out.push_back({path.stem().string() + "/" + std::to_string(i), analyzed, std::move(*input)});
    pos = close + 1;
  }
  return out;
}

void register_suite() {
  const char* data = std::getenv("PARAEVM_DATA");
  if (data == nullptr) {
    std::cerr << "PARAEVM_DATA unset: evm-benchmarks suite skipped\n";
    return;
  }
  for (const char* dir : {"main", "micro"}) {
    std::filesystem::path root = std::filesystem::path(data) / "evm-benchmarks" / dir;
    if (!std::filesystem::exists(root)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(root)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      for (auto& p : load_suite_file(f)) {
        auto prog = std::make_shared<SuiteProgram>(std::move(p));
        benchmark::RegisterBenchmark(("suite/" + prog->name).c_str(),
                                     [prog](benchmark::State& s) {
                                       run_code(s, *prog->code, prog->input, Revision::London);
                                     })
            ->Unit(benchmark::kMicrosecond);
      }
  }
}

const int kRegistered = (register_suite(), 0);

}  // namespace
}  // namespace paraevm
