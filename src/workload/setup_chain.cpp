#include "workload/setup_chain.hpp"

#include <stdexcept>
#include <string>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "crypto/secp256k1.hpp"

namespace paraevm::workload {

KeyPair derive_key(uint64_t seed, uint64_t index) {
  uint8_t material[32] = {'p', 'a', 'r', 'a', 'e', 'v', 'm'};
  for (int i = 0; i < 8; ++i) {
    material[16 + i] = static_cast<uint8_t>(seed >> (8 * i));
    material[24 + i] = static_cast<uint8_t>(index >> (8 * i));
  }
  KeyPair pair;
  pair.key = keccak256(BytesView(material, sizeof(material)));
  const auto address = address_from_private_key(pair.key);
  // keccak output is a valid key except with negligible probability (>= n or zero).
  if (!address) throw std::runtime_error("derive_key: invalid secp256k1 key");
  pair.address = *address;
  return pair;
}

uint64_t SetupChain::nonce_of(const Address& addr) {
  const auto info = state_.read_account(addr);
  return info ? info->nonce : 0;
}

TxReceipt SetupChain::run(const Address& from, std::optional<Address> to, Bytes data, const U256& value) {
  Transaction tx;
  tx.type = TxType::DynamicFee;
  tx.chain_id = env_.chain_id;
  tx.nonce = nonce_of(from);
  tx.max_fee_per_gas = tx.gas_price = env_.base_fee;
  tx.gas_limit = 30'000'000;
  tx.to = to;
  tx.value = value;
  tx.data = std::move(data);
  TxOutcome outcome = apply_transaction(state_, env_, rev_, tx, from);
  if (!outcome.valid()) throw std::runtime_error("workload setup: transaction rejected");
  if (!outcome.receipt.success())
    throw std::runtime_error("workload setup: transaction failed, output " + to_hex(outcome.receipt.output));
  state_.apply(outcome.receipt.diff);
  return std::move(outcome.receipt);
}

Address SetupChain::deploy(const Address& from, std::string_view creation_hex, const Bytes& args) {
  auto code = from_hex(creation_hex);
  if (!code) throw std::runtime_error("workload setup: bad contract bytecode");
  code->insert(code->end(), args.begin(), args.end());
  const TxReceipt receipt = run(from, std::nullopt, std::move(*code), {});
  if (!receipt.contract_address) throw std::runtime_error("workload setup: no contract created");
  return *receipt.contract_address;
}

Bytes SetupChain::call(const Address& from, const Address& to, const Bytes& data, const U256& value) {
  return run(from, to, data, value).output;
}

}  // namespace paraevm::workload
