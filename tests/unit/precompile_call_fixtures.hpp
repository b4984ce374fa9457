// Precompile calls extracted from EEST state tests whose target contract forwards its calldata
// to a precompile and stores the outcome: code
//   CALLDATACOPY(0, 0, CALLDATASIZE); CALL(gas, addr, 0, 0, CALLDATASIZE, 0, outsize);
//   SSTORE(0, success) ...
// The post state's slot 0 is then the expected success flag for input = transaction data.
// Tests of other shapes are left to the state-test runner.
#pragma once

#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm::test {

struct PrecompileCall {
  std::string name;
  uint8_t address = 0;
  int64_t gas = 0;
  Bytes input;
  bool expect_success = false;
  std::map<std::string, std::string> storage;  // post storage of the calling contract
};

inline Bytes fixture_hex(std::string_view hex) {
  if (hex.substr(0, 2) == "0x") hex.remove_prefix(2);
  Bytes out(hex.size() / 2);
  auto nib = [](char c) { return uint8_t(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10); };
  for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(nib(hex[2 * i]) << 4 | nib(hex[2 * i + 1]));
  return out;
}

/// The EEST data folder, or nullopt when PARAEVM_DATA is unset.
inline std::optional<std::filesystem::path> eest_state_dir(const std::string& sub) {
  const char* root = std::getenv("PARAEVM_DATA");
  if (root == nullptr || *root == 0) return std::nullopt;
  return std::filesystem::path(root) / "eest/state_tests" / sub;
}

/// Every matching call of every post entry of `file` for the forks listed.
inline std::vector<PrecompileCall> load_precompile_calls(const std::filesystem::path& file,
                                                          const std::vector<std::string>& forks) {
  static const std::regex kShape(
      "^0x366000600037(60[0-9a-f]{2})6000366000600060([0-9a-f]{2})"
      "(61[0-9a-f]{4}|62[0-9a-f]{6}|63[0-9a-f]{8})f1600055");
  simdjson::dom::parser parser;
  std::vector<PrecompileCall> out;
  for (auto [name, test] : parser.load(file.string()).get_object()) {
    std::string_view to_view;
    if (test["transaction"]["to"].get(to_view) != simdjson::SUCCESS) continue;
    const std::string to(to_view);
    std::string_view code;
    if (test["pre"][to]["code"].get(code) != simdjson::SUCCESS) continue;
    std::cmatch m;
    const std::string code_str(code);
    if (!std::regex_search(code_str.c_str(), m, kShape)) continue;
    const uint8_t address = uint8_t(std::stoul(m[2].str(), nullptr, 16));
    const int64_t gas = int64_t(std::stoull(m[3].str().substr(2), nullptr, 16));
    for (const auto& fork : forks) {
      simdjson::dom::array posts;
      if (test["post"][fork].get(posts) != simdjson::SUCCESS) continue;
      for (auto post : posts) {
        std::string_view exception;
        if (post["expectException"].get(exception) == simdjson::SUCCESS) continue;
        const uint64_t d = post["indexes"]["data"];
        PrecompileCall call{std::string(name) + " [" + fork + "]", address, gas,
                            fixture_hex(std::string_view(test["transaction"]["data"].at(d))),
                            false, {}};
        simdjson::dom::object storage;
        if (post["state"][to]["storage"].get(storage) == simdjson::SUCCESS)
          for (auto [k, v] : storage) call.storage[std::string(k)] = std::string(std::string_view(v));
        call.expect_success = call.storage.count("0x00") && call.storage["0x00"] == "0x01";
        out.push_back(std::move(call));
      }
    }
  }
  return out;
}

}  // namespace paraevm::test
