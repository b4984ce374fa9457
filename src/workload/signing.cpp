#include "workload/signing.hpp"

#include <stdexcept>

#include "chain/transaction_codec.hpp"
#include "crypto/secp256k1.hpp"

namespace paraevm::workload {

Transaction signed_call(const BlockEnv& env, const KeyPair& from, uint64_t nonce, const Address& to,
                        Bytes data, uint64_t gas_limit) {
  const U256 gwei{1'000'000'000};
  Transaction tx;
  tx.type = TxType::DynamicFee;
  tx.chain_id = env.chain_id;
  tx.nonce = nonce;
  tx.max_priority_fee_per_gas = gwei;
  tx.max_fee_per_gas = tx.gas_price = env.base_fee + gwei;
  tx.gas_limit = gas_limit;
  tx.to = to;
  tx.data = std::move(data);
  const auto sig = sign(signing_hash(tx), from.key);
  if (!sig) throw std::runtime_error("workload: signing failed");
  tx.r = sig->r;
  tx.s = sig->s;
  tx.v = sig->recovery_id;
  return tx;
}

}  // namespace paraevm::workload
