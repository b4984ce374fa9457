// Blocks: header, withdrawals, and the block with its transactions.
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "chain/bloom.hpp"
#include "chain/transaction.hpp"

namespace paraevm {

/// EIP-4895 withdrawal (amount in gwei).
struct Withdrawal {
  uint64_t index = 0;
  uint64_t validator_index = 0;
  Address address;
  uint64_t amount_gwei = 0;
};

/// Block header; the optional fields appear fork by fork in this order.
struct BlockHeader {
  Hash parent_hash;
  Hash ommers_hash;
  Address coinbase;
  Hash state_root;
  Hash transactions_root;
  Hash receipts_root;
  Bloom logs_bloom;
  U256 difficulty;
  uint64_t number = 0;
  uint64_t gas_limit = 0;
  uint64_t gas_used = 0;
  uint64_t timestamp = 0;
  Bytes extra_data;
  Hash mix_hash;  // PREVRANDAO from Paris
  FixedBytes<8> nonce;
  std::optional<U256> base_fee;                 // London (EIP-1559)
  std::optional<Hash> withdrawals_root;         // Shanghai (EIP-4895)
  std::optional<uint64_t> blob_gas_used;        // Cancun (EIP-4844)
  std::optional<uint64_t> excess_blob_gas;      // Cancun
  std::optional<Hash> parent_beacon_block_root; // Cancun (EIP-4788)
  std::optional<Hash> requests_hash;            // Prague (EIP-7685)
};

struct Block {
  BlockHeader header;
  std::vector<Transaction> transactions;
  std::vector<BlockHeader> ommers;
  std::optional<std::vector<Withdrawal>> withdrawals;
};

}  // namespace paraevm
