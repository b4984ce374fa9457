#include "workload/signing.hpp"

#include <stdexcept>

#include "chain/transaction_codec.hpp"
#include "crypto/secp256k1.hpp"

namespace paraevm::workload {

Transaction signed_call(const BlockEnv& env, const KeyPair& from, uint64_t nonce,
                        std::optional<Address> to, Bytes data, uint64_t gas_limit,
                        const U256& value) {
  const U256 gwei{1'000'000'000};
  Transaction tx;
  tx.type = TxType::DynamicFee;
  tx.chain_id = env.chain_id;
  tx.nonce = nonce;
  tx.max_priority_fee_per_gas = gwei;
  tx.max_fee_per_gas = tx.gas_price = env.base_fee + gwei;
  tx.gas_limit = gas_limit;
  tx.to = to;
  tx.value = value;
  tx.data = std::move(data);
  const auto sig = sign(signing_hash(tx), from.key);
  if (!sig) throw std::runtime_error("workload: signing failed");
  tx.r = sig->r;
  tx.s = sig->s;
  tx.v = sig->recovery_id;
  return tx;
}

BlockEnv benchmark_env(uint64_t seed) {
  BlockEnv env;
  env.coinbase = derive_key(seed, ~0ULL).address;
  env.number = 20'000'000;
  env.timestamp = 1'750'000'000;
  env.gas_limit = 1'000'000'000'000LL;
  env.base_fee = U256{1'000'000'000};
  env.prev_randao = U256(seed);
  env.excess_blob_gas = 0;
  env.blob_base_fee = 1;
  return env;
}

}  // namespace paraevm::workload
