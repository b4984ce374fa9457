// Ethereum transactions of every type: 0 legacy (EIP-155), 1 access list (EIP-2930), 2 dynamic
// fee (EIP-1559), 3 blob (EIP-4844), 4 set-code (EIP-7702).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm {

enum class TxType : uint8_t { Legacy = 0, AccessList = 1, DynamicFee = 2, Blob = 3, SetCode = 4 };

struct AccessListEntry {
  Address address;
  std::vector<U256> storage_keys;
};
using AccessList = std::vector<AccessListEntry>;

/// EIP-7702 authorization tuple [chain_id, address, nonce, y_parity, r, s].
struct Authorization {
  U256 chain_id;
  Address address;
  uint64_t nonce = 0;
  U256 y_parity;  // kept wide: the spec rejects (not fails to decode) values > 255 later
  U256 r;
  U256 s;
};

struct Transaction {
  TxType type = TxType::Legacy;
  /// EIP-155 chain id; nullopt for pre-EIP-155 legacy transactions.
  std::optional<U256> chain_id;
  uint64_t nonce = 0;
  /// Legacy and type 1: gas_price. Types 2-4: max_fee_per_gas (gas_price mirrors it).
  U256 gas_price;
  U256 max_priority_fee_per_gas;
  U256 max_fee_per_gas;
  uint64_t gas_limit = 0;
  /// nullopt = contract creation.
  std::optional<Address> to;
  U256 value;
  Bytes data;
  AccessList access_list;
  U256 max_fee_per_blob_gas;
  std::vector<Hash> blob_versioned_hashes;
  std::vector<Authorization> authorizations;
  /// Signature: legacy v (27/28 or chain_id*2+35/36), typed y_parity in v.
  U256 v;
  U256 r;
  U256 s;

  bool is_create() const { return !to.has_value(); }
};

}  // namespace paraevm
