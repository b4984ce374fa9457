#include "workload/uniswap_v3_state.hpp"

#include <algorithm>

#include "base/keccak.hpp"
#include "workload/abi.hpp"
#include "workload/solidity_storage.hpp"

namespace paraevm::workload {
namespace {

using solidity::mapping_slot;
using solidity::packed;
using solidity::word;

constexpr int32_t kTickSpacing = 60;
constexpr int32_t kTickLower = -600'000, kTickUpper = 600'000;
/// The position's liquidity: at price 1 a position [-600000, 600000] of liquidity L holds
/// L * (1 - 1.0001^-300000) of each token, so L = floor(111,111e18 / (1 - 1.0001^-300000)).
const U256 kLiquidity = *U256::from_string("111111000000010412955141");

// UniswapV3Factory slots (v3-core, after the pool deployer's parameters at 0-2).
constexpr uint64_t kFactoryOwner = 3, kFactoryFeeTickSpacing = 4, kFactoryGetPool = 5;
// UniswapV3Pool slots.
constexpr uint64_t kPoolSlot0 = 0, kPoolLiquidity = 4, kPoolTicks = 5, kPoolTickBitmap = 6,
                   kPoolPositions = 7, kPoolObservations = 8;

U256 mask(unsigned bits) { return (U256(1) << bits) - U256(1); }

/// slot0: sqrtPriceX96 (160 bits), tick (int24), observationIndex, observationCardinality,
/// observationCardinalityNext (uint16 each), feeProtocol (uint8), unlocked (bool).
U256 initial_slot0() {
  return packed(U256(1) << 96, 0) | packed(0, 160) | packed(0, 184) | packed(1, 200) |
         packed(1, 216) | packed(0, 232) | packed(1, 240);
}

/// Tick.Info, four slots: liquidityGross (uint128) | liquidityNet (int128); fee growth outside
/// for each token; tickCumulativeOutside (int56) | secondsPerLiquidityOutsideX128 (uint160) |
/// secondsOutside (uint32) | initialized (bool).
void write_tick(solidity::Storage& s, int32_t tick, bool is_lower, uint32_t created_at) {
  const U256 net = is_lower ? kLiquidity : (-kLiquidity) & mask(128);
  const U256 base = mapping_slot(kPoolTicks, abi::word_signed(tick));
  s[base] = packed(kLiquidity, 0) | packed(net, 128);
  // Outside values start at the global ones for a tick at or below the current tick (0).
  s[base + U256(3)] = packed(is_lower ? created_at : 0, 216) | packed(1, 248);
  // tickBitmap[int16 word] bit of the compressed tick (arithmetic shift, low byte).
  const int32_t compressed = tick / kTickSpacing;
  const U256 bitmap_slot = mapping_slot(kPoolTickBitmap, abi::word_signed(compressed >> 8));
  s[bitmap_slot] = s[bitmap_slot] | (U256(1) << static_cast<unsigned>(compressed & 0xff));
}

/// positions[keccak256(abi.encodePacked(owner, int24 tickLower, int24 tickUpper))].liquidity.
void write_position(solidity::Storage& s, const Address& owner) {
  uint8_t key[26];
  std::copy(owner.begin(), owner.end(), key);
  for (int i = 0; i < 3; ++i) {
    key[20 + i] = static_cast<uint8_t>(static_cast<uint32_t>(kTickLower) >> (8 * (2 - i)));
    key[23 + i] = static_cast<uint8_t>(static_cast<uint32_t>(kTickUpper) >> (8 * (2 - i)));
  }
  s[mapping_slot(kPoolPositions, U256::from_be(keccak256(BytesView(key, sizeof(key)))))] =
      kLiquidity;
}

std::string hex_of(const Address& a) { return immutable_value(a.view()); }

}  // namespace

U256 uniswap_pool_reserve() { return U256(111'111) * U256(1'000'000'000'000'000'000ULL); }

Address uniswap_v3_pool_address(const UniswapV3Shared& shared, const Address& token0,
                                const Address& token1) {
  const Bytes salt_input =
      abi::encode_arguments({word(token0), word(token1), U256(kUniswapPoolFee)});
  const Hash salt = keccak256(salt_input);
  Bytes input{0xff};
  input.insert(input.end(), shared.factory.begin(), shared.factory.end());
  input.insert(input.end(), salt.begin(), salt.end());
  input.insert(input.end(), shared.pool_init_code_hash.begin(), shared.pool_init_code_hash.end());
  return Address::from_view(keccak256(input));
}

void install_uniswap_v3_shared(InMemoryState& state, const ThirdPartyContracts& code,
                               const UniswapV3Shared& shared,
                               std::span<const UniswapV3PoolAccounts> pools) {
  // WETH9: name, symbol, decimals at 0-2; never called by the swaps.
  state.set_account(
      shared.weth9, 1, {}, instantiate(code.weth9, {}),
      {{0, solidity::short_string("Wrapped Ether")}, {1, solidity::short_string("WETH")}, {2, 18}});

  solidity::Storage factory;
  factory[kFactoryOwner] = word(shared.factory_owner);
  factory[mapping_slot(kFactoryFeeTickSpacing, U256(500))] = 10;
  factory[mapping_slot(kFactoryFeeTickSpacing, U256(3000))] = 60;
  factory[mapping_slot(kFactoryFeeTickSpacing, U256(10000))] = 200;
  for (const UniswapV3PoolAccounts& p : pools) {
    factory[mapping_slot(kFactoryGetPool, {word(p.token0), word(p.token1), kUniswapPoolFee})] =
        word(p.pool);
    factory[mapping_slot(kFactoryGetPool, {word(p.token1), word(p.token0), kUniswapPoolFee})] =
        word(p.pool);
  }
  state.set_account(
      shared.factory, 1, {},
      instantiate(code.factory, {{placeholder::kFactorySelf, hex_of(shared.factory)}}), factory);

  // SwapRouter: amountInCached (slot 0) rests at its default, 2^256 - 1.
  state.set_account(shared.router, 1, {},
                    instantiate(code.router, {{placeholder::kRouterWeth9, hex_of(shared.weth9)},
                                              {placeholder::kRouterFactory, hex_of(shared.factory)},
                                              {placeholder::kRouterPoolInitCodeHash,
                                               immutable_value(shared.pool_init_code_hash)}}),
                    {{0, U256::max()}});
}

void install_uniswap_v3_pool(InMemoryState& state, const ThirdPartyContracts& code,
                             const UniswapV3Shared& shared, const UniswapV3PoolAccounts& pool) {
  solidity::Storage s;
  s[kPoolSlot0] = initial_slot0();
  s[kPoolLiquidity] = kLiquidity;
  write_tick(s, kTickLower, true, shared.created_at);
  write_tick(s, kTickUpper, false, shared.created_at);
  write_position(s, shared.position_owner);
  // observations[0]: blockTimestamp (uint32) | tickCumulative | secondsPerLiquidity | initialized.
  s[kPoolObservations] = packed(shared.created_at, 0) | packed(1, 248);
  state.set_account(pool.pool, 1, {},
                    instantiate(code.pool, {{placeholder::kPoolToken0, hex_of(pool.token0)},
                                            {placeholder::kPoolToken1, hex_of(pool.token1)},
                                            {placeholder::kPoolFactory, hex_of(shared.factory)},
                                            {placeholder::kPoolSelf, hex_of(pool.pool)}}),
                    s);

  // SingleSwap: token0 at slot 0; token1 at slot 1 with the fee (uint24) packed at byte 20.
  state.set_account(
      pool.single_swap, 1, {},
      instantiate(code.single_swap, {{placeholder::kSingleSwapRouter, hex_of(shared.router)}}),
      {{0, word(pool.token0)}, {1, word(pool.token1) | packed(kUniswapPoolFee, 160)}});
}

Bytes single_swap_calldata(SingleSwapCall call) {
  switch (call) {
    case SingleSwapCall::SellToken0: return abi::encode_call("sellToken0(uint256)", {U256(2000)});
    case SingleSwapCall::SellToken1: return abi::encode_call("sellToken1(uint256)", {U256(2000)});
    case SingleSwapCall::BuyToken0:
      return abi::encode_call("buyToken0(uint256,uint256)", {U256(1000), U256(2000)});
    case SingleSwapCall::BuyToken1:
      return abi::encode_call("buyToken1(uint256,uint256)", {U256(1000), U256(2000)});
  }
  return {};
}

}  // namespace paraevm::workload
