// The third-party contracts of the test data ($PARAEVM_DATA/contracts/*.hex, see
// ../shared/data/README.md): runtime bytecode of an OpenZeppelin-style ERC-20, WETH9 and
// Uniswap V3 (factory, pool, SwapRouter, a swap helper). Their constructors are never run: the
// code is written into accounts with its immutables (placeholder addresses and hashes inside
// the hex) replaced, and storage is filled by hand.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace paraevm::workload {

/// The placeholders that the compiled code holds for its immutables (lower-case hex).
namespace placeholder {
inline constexpr std::string_view kFactorySelf = "0b748751e6f8b1a38c9386a19d9f8966b3593a9e";
inline constexpr std::string_view kPoolToken0 = "261d8c5e9742e6f7f1076fa1f560894524e19cad";
inline constexpr std::string_view kPoolToken1 = "ce3478a9e0167a6bc5716dc39dbbbfac38f27623";
inline constexpr std::string_view kPoolFactory = "cba6b9a951749b8735c603e7ffc5151849248772";
inline constexpr std::string_view kPoolSelf = "d495d5e5cab2567777fff988c4fcd71328b17c9d";
inline constexpr std::string_view kRouterWeth9 = "6509f2a854ba7441039fce3b959d5badd2ffcfcd";
inline constexpr std::string_view kRouterFactory = "d787a42ee3ac477c46dd6c912e7af795d44453d5";
inline constexpr std::string_view kRouterPoolInitCodeHash =
    "636fcf59d7fdf3a03833dba1c6d936c9d7c6730057c8c4c8e5059feaeab60e04";
inline constexpr std::string_view kSingleSwapRouter = "e7cfcccb38ce07ba9d8d13431afe8cf6172de031";
}  // namespace placeholder

/// The runtime code of each contract as hex (no 0x, validated), placeholders still in.
struct ThirdPartyContracts {
  std::string erc20_token;
  std::string weth9;
  std::string factory;
  std::string pool;
  std::string router;
  std::string single_swap;
};

/// Reads `dir`/{ERC20Token,WETH9,UniswapV3Factory,UniswapV3Pool,SwapRouter,SingleSwap}.hex.
/// Throws std::runtime_error naming the folder or the file at fault: missing, unreadable, not
/// hex, or without the placeholders its immutables need.
ThirdPartyContracts load_third_party_contracts(const std::filesystem::path& dir);

/// One immutable: its placeholder and the lower-case hex of its value (same length).
struct Immutable {
  std::string_view placeholder;
  std::string value;
};

/// Replaces every occurrence of each placeholder (at byte boundaries) and decodes the hex.
/// Throws std::invalid_argument when a placeholder does not occur or a value has the wrong
/// length. The code hash must be computed from the result.
Bytes instantiate(std::string_view hex, std::initializer_list<Immutable> immutables);

/// The lower-case hex of `bytes` without 0x (an Immutable's value).
std::string immutable_value(BytesView bytes);

}  // namespace paraevm::workload
