// Benchmark blocks over third-party contracts: the OpenZeppelin-style ERC20Token and Uniswap V3
// of the test data ($PARAEVM_DATA/contracts), set up as pevm's benchmarks set them up (runtime
// code written into accounts, storage filled by hand) rather than by running constructors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "workload/workload.hpp"

namespace paraevm::workload {

enum class ThirdPartyKind : uint8_t {
  /// Token transfers: every sender holds 1 token and sends a few units to its own recipient
  /// (which holds 1 token too) with transfer(address,uint256), gas limit 35,000.
  Erc20Oz,
  /// Swaps through SingleSwap -> SwapRouter -> UniswapV3Pool on one pool per eight senders:
  /// each sender holds 1 of each of its pool's tokens and sends one call of the rotation
  /// sellToken0, sellToken1, buyToken0, buyToken1, gas limit 200,000.
  Uniswap3,
};

std::optional<ThirdPartyKind> third_party_kind_from_name(std::string_view name);
std::string_view third_party_kind_name(ThirdPartyKind kind);

/// The contracts folder of the test data, $PARAEVM_DATA/contracts. Throws std::runtime_error
/// naming what is missing: the variable, or the folder.
std::filesystem::path third_party_contracts_dir();

struct ThirdPartySpec {
  ThirdPartyKind kind = ThirdPartyKind::Erc20Oz;
  /// Number of transactions; when zero, `gas` decides.
  size_t txs = 0;
  /// Target gas of the block (used when txs == 0).
  uint64_t gas = 0;
  /// Share (0..1) of transactions sent to one hot recipient (Erc20Oz) or to pool 0 (Uniswap3).
  double hot = 0.0;
  uint64_t seed = 1;
  /// The folder of the .hex files (third_party_contracts_dir()).
  std::filesystem::path contracts;
};

/// Builds the workload deterministically from the spec (same spec and files, same block).
/// Throws std::runtime_error for a missing or malformed contracts file (naming it), and when a
/// transaction of the calibration block (used with `gas`) does not succeed.
Workload build_third_party(const ThirdPartySpec& spec);

}  // namespace paraevm::workload
