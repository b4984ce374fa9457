#include "workload/workload.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <stdexcept>

#include "chain/block_executor.hpp"
#include "chain/transaction_codec.hpp"
#include "crypto/secp256k1.hpp"
#include "workload/abi.hpp"
#include "workload/contract_code.hpp"
#include "workload/setup_chain.hpp"
#include "workload/signing.hpp"

namespace paraevm::workload {
namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"raw", "erc20", "amm", "nft", "game", "mixed"};
const U256 kEther = U256{1'000'000'000'000'000'000ULL};

/// Everything a kind's generator needs: the setup chain, users, a seeded RNG, the block.
struct Context {
  Workload& out;
  SetupChain chain;
  KeyPair deployer;
  std::vector<KeyPair> users;  // one sender per transaction, in block order
  std::mt19937_64 rng;
  double hot;
  uint64_t seed;

  bool roll_hot() { return std::uniform_real_distribution<double>(0, 1)(rng) < hot; }
  /// A fresh address that no sender uses (independent recipients).
  Address fresh_address(uint64_t index) { return derive_key(seed ^ 0xfeedULL, index).address; }
  /// Appends a signed EIP-1559 transaction from users[i].
  void add_tx(size_t i, std::optional<Address> to, Bytes data, uint64_t gas, const U256& value = {});
};

void Context::add_tx(size_t i, std::optional<Address> to, Bytes data, uint64_t gas, const U256& value) {
  out.txs.push_back(signed_call(out.env, users[i], chain.nonce_of(users[i].address), to,
                                std::move(data), gas, value));
  out.senders.push_back(users[i].address);
}

std::vector<U256> words(std::span<const KeyPair> keys) {
  std::vector<U256> out;
  for (const KeyPair& k : keys) out.push_back(abi::word(k.address));
  return out;
}

/// Credits `amount` of `token` to every user, in batches that fit a transaction.
void mint_to_users(Context& c, const Address& token, std::span<const KeyPair> users, const U256& amount) {
  constexpr size_t kBatch = 400;
  for (size_t at = 0; at < users.size(); at += kBatch) {
    const auto batch = users.subspan(at, std::min(kBatch, users.size() - at));
    c.chain.call(c.deployer.address, token, abi::encode_call("mintBatch(address[],uint256)", {words(batch), amount}));
  }
}

/// Deploys and names a contract of the workload.
Address deploy_named(Context& c, std::string name, std::string_view creation_hex, const Bytes& args = {}) {
  const Address at = c.chain.deploy(c.deployer.address, creation_hex, args);
  c.out.names.push_back({at, std::move(name)});
  return at;
}

Address deploy_token(Context& c, std::string_view symbol) {
  return deploy_named(c, "ERC-20 token " + std::string(symbol), contract_code::kParaToken,
                      abi::encode_two_strings("Para Token", symbol));
}

void build_raw(Context& c, size_t begin, size_t end) {
  const Address hot = c.fresh_address(0);
  if (c.hot > 0) c.out.names.push_back({hot, "hot recipient"});
  for (size_t i = begin; i < end; ++i)
    c.add_tx(i, c.roll_hot() ? hot : c.fresh_address(i + 1), {}, 21'000, U256(1'000'000));
}

void build_erc20(Context& c, size_t begin, size_t end) {
  const Address token = deploy_token(c, "PT");
  const std::span<const KeyPair> users(c.users.data() + begin, end - begin);
  mint_to_users(c, token, users, kEther * 1000);
  const Address hot = c.fresh_address(0);
  for (size_t i = begin; i < end; ++i) {
    const Address to = c.roll_hot() ? hot : c.fresh_address(i + 1);
    c.add_tx(i, token, abi::encode_call("transfer(address,uint256)", {abi::word(to), kEther}), 80'000);
  }
}

Address word_to_address(const Bytes& output) {
  if (output.size() != 32) throw std::runtime_error("workload setup: expected one ABI word");
  return Address::from_view(BytesView(output.data() + 12, 20));
}

/// Pools over a set of shared tokens: swaps on different pools touch different balance slots,
/// swaps on the same pool conflict on its reserves.
void build_amm(Context& c, size_t begin, size_t end) {
  const size_t n = end - begin;
  const size_t token_count = std::clamp<size_t>(n / 8, 2, 32);
  const size_t pool_target = std::max<size_t>(1, n / 4);
  std::vector<Address> tokens;
  for (size_t t = 0; t < token_count; ++t) {
    std::string symbol = std::to_string(t);
    symbol.insert(symbol.begin(), 'T');  // not "T" + ...: a GCC 12 -Wrestrict false positive
    tokens.push_back(deploy_token(c, symbol));
  }
  const Address factory = deploy_named(c, "AMM factory", contract_code::kParaFactory);
  const Address router =
      deploy_named(c, "AMM router", contract_code::kParaRouter, abi::encode_arguments({abi::word(factory)}));
  const KeyPair deployer_only[] = {c.deployer};
  for (const Address& token : tokens) mint_to_users(c, token, deployer_only, kEther * 1'000'000'000);

  struct Pool { Address token_a, token_b, pair; };
  std::vector<Pool> pools;
  for (size_t a = 0; a < token_count && pools.size() < pool_target; ++a) {
    for (size_t b = a + 1; b < token_count && pools.size() < pool_target; ++b) {
      const Address ta = tokens[a], tb = tokens[b];
      c.chain.call(c.deployer.address, factory,
                   abi::encode_call("createPair(address,address)", {abi::word(ta), abi::word(tb)}));
      const Address pair = word_to_address(c.chain.call(
          c.deployer.address, factory, abi::encode_call("getPair(address,address)", {abi::word(ta), abi::word(tb)})));
      for (const Address& t : {ta, tb})
        c.chain.call(c.deployer.address, t,
                     abi::encode_call("transfer(address,uint256)", {abi::word(pair), kEther * 1'000'000}));
      c.chain.call(c.deployer.address, pair, abi::encode_call("mint(address)", {abi::word(c.deployer.address)}));
      c.out.names.push_back({pair, "AMM pair T" + std::to_string(a) + "/T" + std::to_string(b)});
      pools.push_back({ta, tb, pair});
    }
  }
  // Each user sells one token on one pool (pool 0 when hot): fund and approve it in setup.
  std::vector<std::pair<size_t, bool>> choice(n);  // pool index, sells token_a
  std::vector<std::vector<KeyPair>> holders(tokens.size());
  for (size_t k = 0; k < n; ++k) {
    const size_t pool = c.roll_hot() ? 0 : k % pools.size();
    choice[k] = {pool, (k / pools.size()) % 2 == 0};
    const Address& sold = choice[k].second ? pools[pool].token_a : pools[pool].token_b;
    const size_t t = std::find(tokens.begin(), tokens.end(), sold) - tokens.begin();
    holders[t].push_back(c.users[begin + k]);
  }
  for (size_t t = 0; t < tokens.size(); ++t) mint_to_users(c, tokens[t], holders[t], kEther * 100);
  for (size_t k = 0; k < n; ++k) {
    const Pool& pool = pools[choice[k].first];
    const Address& sold = choice[k].second ? pool.token_a : pool.token_b;
    c.chain.call(c.users[begin + k].address, sold,
                 abi::encode_call("approve(address,uint256)", {abi::word(router), U256::max()}));
  }
  for (size_t k = 0; k < n; ++k) {
    const Pool& pool = pools[choice[k].first];
    const bool sells_a = choice[k].second;
    const std::vector<U256> path = {abi::word(sells_a ? pool.token_a : pool.token_b),
                                    abi::word(sells_a ? pool.token_b : pool.token_a)};
    c.add_tx(begin + k, router,
             abi::encode_call("swapExactTokensForTokens(uint256,uint256,address[],address)",
                              {kEther, U256(1), path, abi::word(c.users[begin + k].address)}),
             250'000);
  }
}

void build_nft(Context& c, size_t begin, size_t end) {
  const Address nft = deploy_named(c, "ERC-721", contract_code::kParaNFT);
  // Odd users own a token from setup and transfer it; even users mint a new id (or, when hot,
  // from the shared counter).
  for (size_t i = begin + 1; i < end; i += 2)
    c.chain.call(c.deployer.address, nft,
                 abi::encode_call("mint(address,uint256)", {abi::word(c.users[i].address), U256(i)}));
  for (size_t i = begin; i < end; ++i) {
    const Address me = c.users[i].address;
    if ((i - begin) % 2 == 1) {
      c.add_tx(i, nft, abi::encode_call("transferFrom(address,address,uint256)",
                                        {abi::word(me), abi::word(c.fresh_address(i + 1)), U256(i)}), 120'000);
    } else if (c.roll_hot()) {
      c.add_tx(i, nft, abi::encode_call("mintNext(address)", {abi::word(me)}), 150'000);
    } else {
      c.add_tx(i, nft, abi::encode_call("mint(address,uint256)", {abi::word(me), U256(1'000'000 + i)}), 150'000);
    }
  }
}

void build_game(Context& c, size_t begin, size_t end) {
  const Address game = deploy_named(c, "game", contract_code::kParaGame);
  for (size_t i = begin; i < end; ++i) c.chain.call(c.users[i].address, game, abi::encode_call("join()", {}));
  for (size_t i = begin; i < end; ++i) {
    if (c.roll_hot()) {
      c.add_tx(i, game, abi::encode_call("submitScore()", {}), 200'000);
    } else {
      const int64_t dx = static_cast<int64_t>(c.rng() % 7) - 3, dy = static_cast<int64_t>(c.rng() % 7) - 3;
      c.add_tx(i, game, abi::encode_call("move(int64,int64,uint256)",
                                         {abi::word_signed(dx), abi::word_signed(dy), U256(c.rng())}), 120'000);
    }
  }
}

using Builder = void (*)(Context&, size_t, size_t);
constexpr std::array<Builder, 5> kBuilders = {build_raw, build_erc20, build_amm, build_nft, build_game};

void build_kind(Context& c, Kind kind, size_t count) {
  if (kind != Kind::Mixed) {
    kBuilders[static_cast<size_t>(kind)](c, 0, count);
    return;
  }
  // Mixed: contiguous shares per kind, then interleaved so that every stretch of the block
  // carries all kinds (each sender still has exactly one transaction).
  for (size_t k = 0; k < kBuilders.size(); ++k)
    kBuilders[k](c, count * k / kBuilders.size(), count * (k + 1) / kBuilders.size());
  std::vector<size_t> order(c.out.txs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), c.rng);
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  for (size_t i : order) {
    txs.push_back(std::move(c.out.txs[i]));
    senders.push_back(c.out.senders[i]);
  }
  c.out.txs = std::move(txs);
  c.out.senders = std::move(senders);
}

Workload build_with_count(const Spec& spec, size_t count) {
  Workload out;
  out.name = std::string(kind_name(spec.kind));
  out.rev = Revision::Prague;
  out.env = benchmark_env(spec.seed);
  Context c{out, SetupChain(out.rev, out.env, out.pre), derive_key(spec.seed, 0), {}, std::mt19937_64(spec.seed),
            spec.hot, spec.seed};
  out.pre.set_account(c.deployer.address, 0, kEther * 1'000'000'000, {});
  for (size_t i = 0; i < count; ++i) {
    c.users.push_back(derive_key(spec.seed, i + 1));
    out.pre.set_account(c.users.back().address, 0, kEther * 1000, {});
  }
  build_kind(c, spec.kind, count);
  return out;
}

}  // namespace

std::optional<Kind> kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<Kind>(i);
  return std::nullopt;
}

std::string_view kind_name(Kind kind) { return kKindNames[static_cast<size_t>(kind)]; }

Workload build(const Spec& spec) {
  if (spec.txs != 0) return build_with_count(spec, spec.txs);
  if (spec.gas == 0) throw std::runtime_error("workload: give a transaction count or a gas target");
  // Calibrate gas per transaction on a small block of the same shape, then size the block.
  constexpr size_t kSample = 64;
  Workload sample = build_with_count(spec, kSample);
  const BlockExecution run = execute_transactions(sample.pre, sample.env, sample.rev, sample.txs, sample.senders);
  if (!run.valid() || run.gas_used == 0) throw std::runtime_error("workload: calibration block failed");
  const uint64_t per_tx = run.gas_used / kSample;
  return build_with_count(spec, static_cast<size_t>((spec.gas + per_tx - 1) / per_tx));
}

}  // namespace paraevm::workload
