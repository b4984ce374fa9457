// Random blocks with controlled conflicts over a small universe of accounts, for the
// parallel == sequential differential test. Everything is derived from one seed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "chain/transition.hpp"
#include "evm/revision.hpp"
#include "state/host.hpp"
#include "state/in_memory_state.hpp"
#include "random_block_contract.hpp"

namespace paraevm::random_block {

struct RandomBlock {
  Revision rev = Revision::Prague;
  BlockEnv env;
  InMemoryState pre;
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  std::string summary;  // one line per transaction, for failure reports
};

inline constexpr Revision kRevisions[] = {Revision::Frontier, Revision::SpuriousDragon, Revision::Byzantium,
                                          Revision::Berlin,   Revision::London,         Revision::Shanghai,
                                          Revision::Cancun,   Revision::Prague};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  RandomBlock build(Revision rev) {
    RandomBlock b;
    b.rev = rev;
    setup_universe(b);
    ops_ = choose_ops();
    const size_t n = 1 + pick(40);
    // At most one invalid transaction, in about a third of the blocks: the block is invalid
    // from there on, so more would only shorten blocks.
    const size_t invalid_at = chance(0.3) ? pick(n) : n;
    for (size_t i = 0; i < n; ++i) add_transaction(b, i == invalid_at);
    return b;
  }

 private:
  static Address addr(uint8_t tag, uint8_t i) {
    Address a;
    a[0] = tag;
    a[19] = static_cast<uint8_t>(i + 1);
    return a;
  }
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T>
  const T& any(const std::vector<T>& v) { return v[pick(v.size())]; }

  bool has(Revision since) const { return at_least(rev_, since); }

  void setup_universe(RandomBlock& b) {
    rev_ = b.rev;
    eoas_.clear();
    contracts_.clear();
    targets_.clear();
    nonces_.clear();
    for (uint8_t i = 0; i < 5; ++i) eoas_.push_back(addr(0xee, i));
    for (uint8_t i = 0; i < 2; ++i) contracts_.push_back(addr(0xcc, i));
    // Two contracts live where the first one's CREATE2 (salts 0 and 1, deploying init code)
    // puts them: once self-destructed (before Cancun) they can be re-created in the block, and
    // their pre-block storage must then read as zero.
    for (uint8_t salt = 0; salt < 2; ++salt)
      contracts_.push_back(create2_address(contracts_[0], salt_of(salt), init_code(Init::Deploy)));
    for (size_t i = 0; i < eoas_.size(); ++i) {
      // The last EOA is poor: a large gas limit or value makes its transaction invalid.
      b.pre.set_account(eoas_[i], 0, i + 1 == eoas_.size() ? U256(8'000'000) : U256(kEther), {});
      nonces_.push_back(0);
    }
    for (size_t i = 0; i < contracts_.size(); ++i) {
      std::unordered_map<U256, U256, U256Hash> storage;
      for (uint64_t s = 0; s < 4; ++s)
        if (chance(0.6)) storage[U256(s)] = U256(1 + pick(3));
      b.pre.set_account(contracts_[i], 1, U256(pick(3) * 1'000'000), interpreter_code(), storage);
    }
    const Address empty = addr(0xe0, 0);  // exists, empty: EIP-161 deletes it when touched
    b.pre.set_account(empty, 0, U256(0), {});

    targets_ = eoas_;
    targets_.insert(targets_.end(), contracts_.begin(), contracts_.end());
    targets_.push_back(empty);
    for (uint8_t i = 0; i < 2; ++i) targets_.push_back(addr(0xf0, i));  // never exist before the block
    for (uint8_t p : {1, 3, 4}) targets_.push_back(addr(0, p - 1));     // precompiles (RIPEMD-160 is 3)
    // Addresses the block may create: CREATE from the contracts, CREATE2 with small salts,
    // creation transactions of the first EOAs.
    for (const Address& c : contracts_) {
      for (uint64_t n = 1; n <= 2; ++n) targets_.push_back(create_address(c, n));
      for (uint8_t salt = 0; salt < 2; ++salt)
        for (Init k : {Init::Deploy, Init::Empty})
          targets_.push_back(create2_address(c, salt_of(salt), init_code(k)));
    }
    for (size_t e = 0; e < 2; ++e)
      for (uint64_t n = 0; n < 3; ++n) targets_.push_back(create_address(eoas_[e], n));

    // The coinbase: an EOA that also sends, a fresh address, a contract, or the empty account.
    const size_t c = pick(10);
    b.env.coinbase = c < 5 ? eoas_[pick(2)] : c < 7 ? addr(0xf0, 0) : c < 9 ? contracts_[0] : empty;
    targets_.push_back(b.env.coinbase);

    b.env.number = 1000;
    b.env.timestamp = 1'700'000'000;
    b.env.gas_limit = chance(0.05) ? 1'000'000 + pick(3'000'000) : 30'000'000;
    b.env.difficulty = U256(131072);
    b.env.prev_randao = U256(42);
    if (has(Revision::London)) b.env.base_fee = U256(7);
    if (has(Revision::Cancun)) {
      b.env.excess_blob_gas = 0;
      b.env.blob_base_fee = U256(1);
    }
  }

  static Bytes32 salt_of(uint8_t s) {
    Bytes32 out;
    out[31] = s;
    return out;
  }

  /// The ops of this block's programs, repeated by weight. Half the blocks draw their own
  /// weights, so that some concentrate on a few ops (many self-destructs and re-creations).
  std::vector<Op> choose_ops() {
    std::vector<Op> base = {kSstoreAdd, kSstoreAdd, kSstore, kSloadLog, kBalanceLog, kBalanceLog, kCall, kCall,
                            kCall,      kCreate,    kExtCodeSize, kCoinbaseBalance, kSelfDestruct, kSelfDestruct};
    if (has(Revision::Istanbul)) base.push_back(kSelfBalanceLog);
    if (has(Revision::Constantinople)) base.insert(base.end(), {kCreate2, kCreate2, kExtCodeHash});
    if (has(Revision::Cancun)) base.push_back(kTransient);
    if (chance(0.5)) return base;
    std::vector<Op> ops;
    for (Op op : base)
      for (size_t n = pick(4) * pick(3); n > 0; --n) ops.push_back(op);
    if (ops.empty()) ops.push_back(kSloadLog);
    return ops;
  }

  static void put_word(Bytes& out, const U256& v) {
    uint8_t w[32];
    v.to_be(w);
    out.insert(out.end(), w, w + 32);
  }
  static U256 word_of(const Address& a) { return U256::from_be(a.view()); }

  void command(Bytes& out, uint64_t w0, const U256& a, const U256& b, const U256& c) {
    put_word(out, U256(w0));
    put_word(out, a);
    put_word(out, b);
    put_word(out, c);
  }

  U256 small_value() {
    static constexpr uint64_t kValues[] = {0, 0, 1, 1000, 1'000'000, 5'000'000};
    return U256(kValues[pick(std::size(kValues))]);
  }

  /// A random command program (a sequence of 128-byte commands) for a frame at `depth`.
  Bytes program(unsigned depth) {
    Bytes out;
    const std::vector<Op>& ops = ops_;
    const size_t n = 1 + pick(depth == 0 ? 6 : 3);
    for (size_t i = 0; i < n; ++i) {
      const Op op = any(ops);
      const U256 slot(pick(5));
      switch (op) {
        case kCall: {
          if (depth >= 3) break;
          static constexpr uint64_t kGas[] = {0, 3000, 40000, 0xffffff};
          const Bytes inner = chance(0.8) ? program(depth + 1) : Bytes{};
          command(out, kCall | kGas[pick(4)] << 8, word_of(any(targets_)), small_value(), U256(inner.size() / 128));
          out.insert(out.end(), inner.begin(), inner.end());
          break;
        }
        case kCreate:
        case kCreate2: {
          // Mostly deploying code, so that re-created contracts run (and read old slots).
          const Init kind = chance(0.5) ? Init::Deploy : static_cast<Init>(pick(static_cast<size_t>(Init::kCount)));
          const Bytes init = init_code(kind);
          command(out, op, small_value(), U256(pick(2)), U256(init.size() / 128));
          out.insert(out.end(), init.begin(), init.end());
          break;
        }
        case kSelfDestruct:
          if (!chance(0.5)) break;  // ends the frame: rarer
          command(out, op, word_of(any(targets_)), {}, {});
          return out;
        default:
          command(out, op, op == kSstore || op == kSstoreAdd || op == kSloadLog || op == kTransient
                               ? slot : word_of(any(targets_)),
                  U256(pick(5)), U256(pick(3)));
      }
    }
    // Sometimes end the frame abnormally.
    const size_t end = pick(20);
    if (end == 0) command(out, kRevert, {}, {}, {});
    else if (end == 1) command(out, kInvalid, {}, {}, {});
    else if (end == 2) command(out, kBurn, {}, {}, {});
    else if (end == 3) command(out, kStop, {}, {}, {});
    return out;
  }

  void set_fees(Transaction& tx) {
    if (has(Revision::London)) {
      tx.type = chance(0.3) ? TxType::AccessList : TxType::DynamicFee;
      if (tx.type == TxType::AccessList) {
        tx.gas_price = U256(7 + pick(3));
      } else {
        tx.max_priority_fee_per_gas = U256(pick(3));  // 0: the coinbase is touched with nothing
        tx.max_fee_per_gas = tx.gas_price = U256(7 + pick(4));
      }
    } else {
      tx.type = has(Revision::Berlin) && chance(0.3) ? TxType::AccessList : TxType::Legacy;
      tx.gas_price = U256(pick(3));  // 0: no fee at all
    }
    if (tx.type == TxType::AccessList && chance(0.5))
      tx.access_list.push_back({any(contracts_), {U256(pick(5))}});
    if (has(Revision::SpuriousDragon) || tx.type != TxType::Legacy) tx.chain_id = U256(1);
  }

  void add_transaction(RandomBlock& b, bool make_invalid) {
    // Two hot senders send most transactions, so nonces chain within the block.
    const size_t s = chance(0.6) ? pick(2) : pick(eoas_.size());
    Transaction tx;
    set_fees(tx);
    tx.nonce = nonces_[s];
    std::ostringstream line;
    line << "tx " << b.txs.size() << " from eoa" << s;
    const size_t kind = pick(20);
    uint64_t exec_gas = 30'000 + pick(4) * 150'000;
    if (kind < 11) {
      const Address& to = chance(0.8) ? any(contracts_) : any(targets_);
      tx.to = to;
      tx.data = program(0);
      tx.value = chance(0.2) ? small_value() : U256(0);
      line << " call " << to_hex_short(to) << " cmds " << tx.data.size() / 128;
    } else if (kind < 16) {
      tx.to = any(targets_);
      tx.value = small_value();
      exec_gas = chance(0.5) ? 0 : 30'000;
      line << " transfer to " << to_hex_short(*tx.to);
    } else if (kind < 18) {
      const Init k = static_cast<Init>(pick(static_cast<size_t>(Init::kCount)));
      tx.data = init_code(k);
      tx.value = small_value();
      exec_gas += 60'000;
      line << " create init " << static_cast<int>(k);
    } else {
      tx.to = b.env.coinbase;
      tx.value = small_value();
      line << " transfer to coinbase";
    }
    tx.gas_limit = 21'000 + data_gas(tx.data) + exec_gas + (tx.to ? 0 : 32'000) + 4300 * tx.access_list.size();
    // Invalid transactions: the block is invalid from this index on.
    const size_t invalid = make_invalid ? pick(3) : 3;
    if (invalid == 0) {
      tx.nonce += 1;
      line << " [nonce too high]";
    } else if (invalid == 1) {
      tx.value = U256(1) << 200;
      line << " [insufficient balance]";
    } else if (invalid == 2 && tx.nonce > 0) {
      tx.nonce -= 1;
      line << " [nonce too low]";
    } else {
      ++nonces_[s];
    }
    line << " gas " << tx.gas_limit << " value " << tx.value.low64() << '\n';
    b.summary += line.str();
    b.txs.push_back(std::move(tx));
    b.senders.push_back(eoas_[s]);
  }

  void scripted_call(RandomBlock& b, const Address& to, const Bytes& data) {
    Transaction tx;
    set_fees(tx);
    tx.nonce = nonces_[0]++;
    tx.to = to;
    tx.data = data;
    tx.gas_limit = 21'000 + data_gas(data) + 1'000'000;
    b.summary += "scripted call\n";
    b.txs.push_back(std::move(tx));
    b.senders.push_back(eoas_[0]);
  }

 public:
  /// A fixed block: a pre-existing contract with storage self-destructs, is re-created by
  /// CREATE2 at the same address, and is then read; then the cycle repeats.
  RandomBlock recreate_scenario(Revision rev) {
    RandomBlock b;
    b.rev = rev;
    setup_universe(b);
    const Address target = contracts_[2];  // CREATE2 of contracts_[0], salt 0, deploying init code
    for (uint64_t slot = 0; slot < 8; ++slot) b.pre.set_storage(target, U256(slot), U256(100 + slot));
    Bytes destruct, recreate, read;
    command(destruct, kSloadLog, U256(1), {}, {});
    command(destruct, kSelfDestruct, word_of(eoas_[1]), {}, {});
    const Bytes init = init_code(Init::Deploy);
    command(recreate, kCreate2, U256(0), U256(0), U256(init.size() / 128));
    recreate.insert(recreate.end(), init.begin(), init.end());
    for (uint64_t slot = 0; slot < 8; ++slot) command(read, kSloadLog, U256(slot), {}, {});
    command(read, kSstoreAdd, U256(2), U256(3), U256(1));
    command(read, kExtCodeSize, word_of(target), {}, {});
    for (int round = 0; round < 2; ++round) {
      scripted_call(b, contracts_[1], read);  // touches nothing of the target: reads it via code size
      scripted_call(b, target, destruct);
      scripted_call(b, contracts_[0], recreate);
      scripted_call(b, target, read);
    }
    return b;
  }

 private:
  /// Calldata gas, at least the EIP-7623 floor's share from Prague.
  uint64_t data_gas(const Bytes& data) const {
    uint64_t zeros = 0;
    for (uint8_t byte : data) zeros += byte == 0;
    const uint64_t nonzero = data.size() - zeros;
    const uint64_t nonzero_cost = has(Revision::Istanbul) ? 16 : 68;  // EIP-2028
    const uint64_t words = (data.size() + 31) / 32;                       // EIP-3860 init code words
    if (has(Revision::Prague)) return 10 * zeros + 40 * nonzero + 2 * words;
    return 4 * zeros + nonzero_cost * nonzero + 2 * words;
  }

  static std::string to_hex_short(const Address& a) {
    char text[16];
    std::snprintf(text, sizeof(text), "%02x%02x..%02x%02x", a[0], a[1], a[18], a[19]);
    return text;
  }

  static constexpr uint64_t kEther = 1'000'000'000'000'000'000ULL;

  std::mt19937_64 rng_;
  Revision rev_ = Revision::Prague;
  std::vector<Address> eoas_;
  std::vector<Address> contracts_;
  std::vector<Address> targets_;
  std::vector<uint64_t> nonces_;
  std::vector<Op> ops_;
};

}  // namespace paraevm::random_block
