// Uniswap V3 written by hand from the third-party runtime code (no constructors run): WETH9,
// the factory, the SwapRouter, and pools (fee 3000, price 1, one wide position) each with its
// own SingleSwap helper (RISE's op-test-bench), as pevm's swap benchmark sets them up.
#pragma once

#include <cstdint>
#include <span>

#include "state/in_memory_state.hpp"
#include "workload/third_party_contracts.hpp"

namespace paraevm::workload {

inline constexpr uint32_t kUniswapPoolFee = 3000;

/// The contracts that all pools share, and who owns what.
struct UniswapV3Shared {
  Address weth9, factory, router;
  Address factory_owner;
  /// Owner of every pool's one position (the NonfungiblePositionManager's role).
  Address position_owner;
  /// The pool init-code hash that the router (and the pools' CREATE2 addresses) use.
  Hash pool_init_code_hash;
  /// When the pools' positions were minted: the timestamp of their one oracle observation and
  /// of the lower tick's secondsOutside. The block's own timestamp means that a swap which
  /// moves the tick writes no new observation (as in pevm, whose blocks and pools both sit at
  /// time 1); otherwise the first swap down from tick 0 needs more than 200,000 gas.
  uint32_t created_at = 1;
};

/// One pool and its swap helper. token0 < token1 (Uniswap's order).
struct UniswapV3PoolAccounts {
  Address token0, token1, pool, single_swap;
};

/// The pool's address: CREATE2 from the factory with salt keccak256(token0, token1, fee).
Address uniswap_v3_pool_address(const UniswapV3Shared& shared, const Address& token0,
                                const Address& token1);

/// Writes WETH9, the factory (owner, fee tiers, getPool both ways for every pool) and the
/// router.
void install_uniswap_v3_shared(InMemoryState& state, const ThirdPartyContracts& code,
                               const UniswapV3Shared& shared,
                               std::span<const UniswapV3PoolAccounts> pools);

/// Writes one pool (sqrtPriceX96 = 2^96 i.e. price 1, tick 0, one position [-600000, 600000]
/// with its two ticks and bitmap bits, liquidity for kUniswapPoolReserve of each token) and its
/// SingleSwap helper. The tokens, which hold the pool's reserves, are the caller's.
void install_uniswap_v3_pool(InMemoryState& state, const ThirdPartyContracts& code,
                             const UniswapV3Shared& shared, const UniswapV3PoolAccounts& pool);

/// What each pool holds of each of its tokens: 111,111 tokens of 18 decimals.
U256 uniswap_pool_reserve();

/// The four entry points of SingleSwap, in the benchmark's rotation.
enum class SingleSwapCall : uint8_t { SellToken0, SellToken1, BuyToken0, BuyToken1 };

/// Calldata: sellToken{0,1}(2000), buyToken{0,1}(amountOut 1000, amountInMaximum 2000).
Bytes single_swap_calldata(SingleSwapCall call);

}  // namespace paraevm::workload
