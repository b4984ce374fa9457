#include "workload/third_party.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "base/keccak.hpp"
#include "chain/block_executor.hpp"
#include "workload/erc20_token_state.hpp"
#include "workload/signing.hpp"
#include "workload/uniswap_v3_state.hpp"

namespace paraevm::workload {
namespace {

constexpr std::array<std::string_view, 2> kKindNames = {"erc20-oz", "uniswap3"};
const U256 kToken{1'000'000'000'000'000'000ULL};  // 1 token of 18 decimals, also 1 ether
constexpr uint64_t kTransferGasLimit = 35'000;
constexpr uint64_t kSwapGasLimit = 200'000;
constexpr size_t kSendersPerPool = 8;

/// What both kinds' generators need: the block being built, the code, users and a seeded RNG.
struct Builder {
  Workload& out;
  const ThirdPartyContracts& code;
  const ThirdPartySpec& spec;
  std::vector<KeyPair> users;  // one sender per transaction, in block order
  std::mt19937_64 rng;

  bool roll_hot() { return std::uniform_real_distribution<double>(0, 1)(rng) < spec.hot; }
  /// A fresh address for the `index`-th contract or holder called `label`.
  Address address_of(std::string_view label, uint64_t index) const {
    Bytes material(label.begin(), label.end());
    for (uint64_t v : {spec.seed, index})
      for (int i = 0; i < 8; ++i) material.push_back(static_cast<uint8_t>(v >> (8 * i)));
    return Address::from_view(keccak256(material));
  }
  /// Appends users[i]'s one transaction.
  void add_call(size_t i, const Address& to, Bytes data, uint64_t gas_limit) {
    out.txs.push_back(signed_call(out.env, users[i], 0, to, std::move(data), gas_limit));
    out.senders.push_back(users[i].address);
  }
};

/// One token; every sender holds 1 token and sends 1..255 units to its own recipient, which
/// holds 1 token too (a non-zero balance written, as the 35,000 gas limit needs), or to the one
/// hot recipient.
void build_erc20_oz(Builder& b) {
  const Address token = b.address_of("erc20-oz token", 0);
  Erc20TokenState state("Gold Token", "GLD");
  std::vector<Address> recipients;
  for (size_t i = 0; i < b.users.size(); ++i) {
    recipients.push_back(b.address_of("erc20-oz recipient", i));
    state.set_balance(b.users[i].address, kToken);
    state.set_balance(recipients.back(), kToken);
  }
  state.install(b.out.pre, token, instantiate(b.code.erc20_token, {}));
  for (size_t i = 0; i < b.users.size(); ++i) {
    const Address& to = b.roll_hot() ? recipients[0] : recipients[i];
    const U256 amount = 1 + b.rng() % 255;
    b.add_call(i, token, Erc20TokenState::transfer_call(to, amount), kTransferGasLimit);
  }
}

/// One pool per eight senders, each over two fresh tokens and with its own SingleSwap; the
/// router, factory and WETH9 are shared. Sender k swaps on pool k mod P (pool 0 when hot); each
/// pool's senders take the rotation in turn. Every pool starts with sellToken0, as pevm's
/// benchmark does: an exact-output swap down from exactly tick 0 (the pools' initial price)
/// needs more than the 200,000 gas limit.
void build_uniswap3(Builder& b) {
  const size_t n = b.users.size();
  const size_t pool_count = std::max<size_t>(1, n / kSendersPerPool);
  const UniswapV3Shared shared{
      .weth9 = b.address_of("weth9", 0),
      .factory = b.address_of("uniswap factory", 0),
      .router = b.address_of("swap router", 0),
      .factory_owner = b.address_of("factory owner", 0),
      .position_owner = b.address_of("position manager", 0),
      // Any hash will do: the pools are written, not created (pevm picks a random one).
      .pool_init_code_hash = keccak256(b.address_of("pool init code", 0)),
      .created_at = static_cast<uint32_t>(b.out.env.timestamp)};
  std::vector<UniswapV3PoolAccounts> pools;
  for (size_t p = 0; p < pool_count; ++p) {
    Address t0 = b.address_of("token a", p), t1 = b.address_of("token b", p);
    if (t1 < t0) std::swap(t0, t1);
    pools.push_back(
        {t0, t1, uniswap_v3_pool_address(shared, t0, t1), b.address_of("single swap", p)});
  }
  std::vector<size_t> pool_of(n);
  std::vector<std::vector<size_t>> senders_of(pool_count);
  for (size_t k = 0; k < n; ++k) {
    pool_of[k] = b.roll_hot() ? 0 : k % pool_count;
    senders_of[pool_of[k]].push_back(k);
  }
  install_uniswap_v3_shared(b.out.pre, b.code, shared, pools);
  const Bytes token_code = instantiate(b.code.erc20_token, {});
  for (size_t p = 0; p < pool_count; ++p) {
    install_uniswap_v3_pool(b.out.pre, b.code, shared, pools[p]);
    const std::string tag = std::to_string(p);
    for (const Address* token : {&pools[p].token0, &pools[p].token1}) {
      Erc20TokenState state("Token " + tag, token == &pools[p].token0 ? "A" + tag : "B" + tag);
      state.set_balance(pools[p].pool, uniswap_pool_reserve());
      for (size_t k : senders_of[p]) {
        state.set_balance(b.users[k].address, kToken);
        state.set_allowance(b.users[k].address, pools[p].single_swap, kToken);
      }
      state.install(b.out.pre, *token, token_code);
    }
  }
  std::vector<size_t> turn(pool_count, 0);
  for (size_t k = 0; k < n; ++k) {
    const size_t p = pool_of[k];
    const auto call = static_cast<SingleSwapCall>(turn[p]++ % 4);
    b.add_call(k, pools[p].single_swap, single_swap_calldata(call), kSwapGasLimit);
  }
}

Workload build_with_count(const ThirdPartySpec& spec, const ThirdPartyContracts& code,
                          size_t count) {
  Workload out;
  out.name = std::string(third_party_kind_name(spec.kind));
  out.rev = Revision::Prague;
  out.env = benchmark_env(spec.seed);
  Builder b{out, code, spec, {}, std::mt19937_64(spec.seed)};
  for (size_t i = 0; i < count; ++i) {
    b.users.push_back(derive_key(spec.seed, i + 1));
    out.pre.set_account(b.users.back().address, 0, kToken * 1000, {});
  }
  if (spec.kind == ThirdPartyKind::Erc20Oz) {
    build_erc20_oz(b);
  } else {
    build_uniswap3(b);
  }
  return out;
}

}  // namespace

std::optional<ThirdPartyKind> third_party_kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<ThirdPartyKind>(i);
  return std::nullopt;
}

std::string_view third_party_kind_name(ThirdPartyKind kind) {
  return kKindNames[static_cast<size_t>(kind)];
}

std::filesystem::path third_party_contracts_dir() {
  const char* data = std::getenv("PARAEVM_DATA");
  if (data == nullptr || *data == '\0')
    throw std::runtime_error(
        "PARAEVM_DATA is not set: the third-party workloads read their contracts from "
        "$PARAEVM_DATA/contracts");
  const std::filesystem::path dir = std::filesystem::path(data) / "contracts";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw std::runtime_error(dir.string() + " not found: the third-party workloads need the " +
                             "contracts folder of the test data");
  return dir;
}

Workload build_third_party(const ThirdPartySpec& spec) {
  const ThirdPartyContracts code = load_third_party_contracts(spec.contracts);
  if (spec.txs != 0) return build_with_count(spec, code, spec.txs);
  if (spec.gas == 0) throw std::runtime_error("workload: give a transaction count or a gas target");
  // Calibrate gas per transaction on a small block of the same shape, then size the block. Every
  // calibration transaction must succeed: a revert means the hand-written state is wrong.
  constexpr size_t kSample = 64;
  Workload sample = build_with_count(spec, code, kSample);
  const BlockExecution run =
      execute_transactions(sample.pre, sample.env, sample.rev, sample.txs, sample.senders);
  const bool all_succeeded = std::all_of(run.receipts.begin(), run.receipts.end(),
                                         [](const TxReceipt& r) { return r.success(); });
  if (!run.valid() || run.gas_used == 0 || !all_succeeded)
    throw std::runtime_error("workload " + sample.name + ": a calibration transaction failed");
  const uint64_t per_tx = run.gas_used / kSample;
  return build_with_count(spec, code, static_cast<size_t>((spec.gas + per_tx - 1) / per_tx));
}

}  // namespace paraevm::workload
