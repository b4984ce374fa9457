#include "tools/mainnet_snapshot.hpp"

#include <unordered_map>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "tools/json_fields.hpp"

namespace paraevm::tools {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

AccessList parse_access_list(const element& e) {
  AccessList list;
  for (element item : as_array(e, "accessList")) {
    const object entry = as_object(item, "accessList[]");
    AccessListEntry out;
    out.address = as_address(require(entry, "address"), "accessList[].address");
    for (element key : as_array(require(entry, "storageKeys"), "storageKeys"))
      out.storage_keys.push_back(U256::from_be(as_hash(key, "storageKeys[]")));
    list.push_back(std::move(out));
  }
  return list;
}

Transaction parse_transaction(const object& t) {
  Transaction tx;
  tx.type = static_cast<TxType>(as_u64(require(t, "type"), "type"));
  if (static_cast<uint8_t>(tx.type) > 4) throw InputError("type: unknown transaction type");
  if (auto id = optional_field(t, "chainId")) tx.chain_id = as_u256(*id, "chainId");
  tx.nonce = as_u64(require(t, "nonce"), "nonce");
  tx.gas_price = as_u256(require(t, "gasPrice"), "gasPrice");
  if (auto fee = optional_field(t, "maxFeePerGas")) {
    tx.max_fee_per_gas = as_u256(*fee, "maxFeePerGas");
    tx.max_priority_fee_per_gas = as_u256(require(t, "maxPriorityFeePerGas"), "maxPriorityFeePerGas");
    tx.gas_price = tx.max_fee_per_gas;  // the RPC's gasPrice is the effective price
  } else {
    tx.max_fee_per_gas = tx.max_priority_fee_per_gas = tx.gas_price;
  }
  tx.gas_limit = as_u64(require(t, "gas"), "gas");
  if (auto to = optional_field(t, "to")) tx.to = as_address(*to, "to");
  tx.value = as_u256(require(t, "value"), "value");
  tx.data = as_bytes(require(t, "input"), "input");
  if (auto list = optional_field(t, "accessList")) tx.access_list = parse_access_list(*list);
  if (auto fee = optional_field(t, "maxFeePerBlobGas")) tx.max_fee_per_blob_gas = as_u256(*fee, "maxFeePerBlobGas");
  if (auto hashes = optional_field(t, "blobVersionedHashes"))
    for (element h : as_array(*hashes, "blobVersionedHashes"))
      tx.blob_versioned_hashes.push_back(as_hash(h, "blobVersionedHashes[]"));
  tx.v = as_u256(require(t, "v"), "v");
  tx.r = as_u256(require(t, "r"), "r");
  tx.s = as_u256(require(t, "s"), "s");
  return tx;
}

BlockHeader parse_header(const object& b) {
  BlockHeader h;
  h.parent_hash = as_hash(require(b, "parentHash"), "parentHash");
  h.ommers_hash = as_hash(require(b, "sha3Uncles"), "sha3Uncles");
  h.coinbase = as_address(require(b, "miner"), "miner");
  h.state_root = as_hash(require(b, "stateRoot"), "stateRoot");
  h.transactions_root = as_hash(require(b, "transactionsRoot"), "transactionsRoot");
  h.receipts_root = as_hash(require(b, "receiptsRoot"), "receiptsRoot");
  const Bytes bloom = as_bytes(require(b, "logsBloom"), "logsBloom");
  if (bloom.size() != Bloom::size()) throw InputError("logsBloom: expected 256 bytes");
  h.logs_bloom = Bloom::from_view(bloom);
  h.difficulty = as_u256(require(b, "difficulty"), "difficulty");
  h.number = as_u64(require(b, "number"), "number");
  h.gas_limit = as_u64(require(b, "gasLimit"), "gasLimit");
  h.gas_used = as_u64(require(b, "gasUsed"), "gasUsed");
  h.timestamp = as_u64(require(b, "timestamp"), "timestamp");
  h.extra_data = as_bytes(require(b, "extraData"), "extraData");
  h.mix_hash = as_hash(require(b, "mixHash"), "mixHash");
  const Bytes nonce = as_bytes(require(b, "nonce"), "nonce");
  if (nonce.size() != 8) throw InputError("nonce: expected 8 bytes");
  h.nonce = FixedBytes<8>::from_view(nonce);
  if (auto f = optional_field(b, "baseFeePerGas")) h.base_fee = as_u256(*f, "baseFeePerGas");
  if (auto f = optional_field(b, "withdrawalsRoot")) h.withdrawals_root = as_hash(*f, "withdrawalsRoot");
  if (auto f = optional_field(b, "blobGasUsed")) h.blob_gas_used = as_u64(*f, "blobGasUsed");
  if (auto f = optional_field(b, "excessBlobGas")) h.excess_blob_gas = as_u64(*f, "excessBlobGas");
  if (auto f = optional_field(b, "parentBeaconBlockRoot"))
    h.parent_beacon_block_root = as_hash(*f, "parentBeaconBlockRoot");
  if (auto f = optional_field(b, "requestsHash")) h.requests_hash = as_hash(*f, "requestsHash");
  return h;
}

std::vector<Withdrawal> parse_withdrawals(const element& e) {
  std::vector<Withdrawal> out;
  for (element item : as_array(e, "withdrawals")) {
    const object w = as_object(item, "withdrawals[]");
    out.push_back({as_u64(require(w, "index"), "withdrawals[].index"),
                   as_u64(require(w, "validatorIndex"), "withdrawals[].validatorIndex"),
                   as_address(require(w, "address"), "withdrawals[].address"),
                   as_u64(require(w, "amount"), "withdrawals[].amount")});
  }
  return out;
}

/// Runs `parse` on the JSON document at `path`, prefixing any error with the file name.
template <typename Parse>
void with_document(simdjson::dom::parser& parser, const std::filesystem::path& path, Parse&& parse) {
  simdjson::dom::element doc;
  if (auto err = parser.load(path.string()).get(doc); err)
    throw InputError(path.string() + ": " + simdjson::error_message(err));
  try {
    parse(doc);
  } catch (const InputError& e) {
    throw InputError(path.string() + ": " + e.what());
  }
}

void load_block(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  with_document(parser, snap.dir / "block.json", [&](const element& doc) {
    const object b = as_object(doc, "block");
    snap.block.header = parse_header(b);
    snap.block_hash = as_hash(require(b, "hash"), "hash");
    size_t index = 0;
    for (element item : as_array(require(b, "transactions"), "transactions")) {
      const object t = as_object(item, "transactions[]");
      try {
        snap.block.transactions.push_back(parse_transaction(t));
        snap.senders.push_back(as_address(require(t, "from"), "from"));
        snap.tx_hashes.push_back(as_hash(require(t, "hash"), "hash"));
      } catch (const InputError& e) {
        throw InputError("transactions[" + std::to_string(index) + "]." + e.what());
      }
      ++index;
    }
    if (auto w = optional_field(b, "withdrawals")) snap.block.withdrawals = parse_withdrawals(*w);
  });
}

/// bytecodes.json: code hash -> code (the first original_len bytes of the padded bytecode).
std::unordered_map<Hash, Bytes, FixedBytesHasher> load_codes(const std::filesystem::path& path,
                                                             simdjson::dom::parser& parser) {
  std::unordered_map<Hash, Bytes, FixedBytesHasher> codes;
  with_document(parser, path, [&](const element& doc) {
    for (auto [key, value] : as_object(doc, "bytecodes")) {
      const auto parsed = fixed_from_hex<32>(key);
      if (!parsed || key.size() != 66) throw InputError(std::string(key) + ": not a 32-byte code hash");
      const Hash hash = *parsed;
      const object entry = as_object(value, "bytecodes entry");
      Bytes code = as_bytes(require(entry, "bytecode"), "bytecode");
      const uint64_t len = as_u64(require(entry, "original_len"), "original_len");
      if (len > code.size()) throw InputError(std::string(key) + ": original_len exceeds the bytecode");
      code.resize(len);
      if (keccak256(code) != hash) throw InputError(std::string(key) + ": code does not hash to its key");
      codes.emplace(hash, std::move(code));
    }
  });
  return codes;
}

void load_pre_state(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  auto codes = load_codes(snap.dir / "bytecodes.json", parser);
  with_document(parser, snap.dir / "pre_state.json", [&](const element& doc) {
    for (auto [key, value] : as_object(doc, "pre_state")) {
      const std::string where(key);
      try {
        const auto addr = fixed_from_hex<20>(key);
        if (!addr || key.size() != 42) throw InputError("not an address");
        const object account = as_object(value, "account");
        const object basic = as_object(require(account, "basic"), "basic");
        Bytes code;
        if (auto code_hash = optional_field(account, "code_hash")) {
          const auto it = codes.find(as_hash(*code_hash, "code_hash"));
          if (it == codes.end()) throw InputError("code_hash: not in bytecodes.json");
          code = it->second;
        }
        std::unordered_map<U256, U256, U256Hash> storage;
        for (auto [slot, slot_value] : as_object(require(account, "storage"), "storage")) {
          const auto k = U256::from_string(slot);
          if (!k) throw InputError("storage: bad slot " + std::string(slot));
          storage.emplace(*k, as_u256(slot_value, "storage value"));
        }
        snap.pre_state.set_account(*addr, as_u64(require(basic, "nonce"), "nonce"),
                                   as_u256(require(basic, "balance"), "balance"), std::move(code), storage);
      } catch (const InputError& e) {
        throw InputError(where + "." + e.what());
      }
    }
  });
}

void load_block_hashes(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  const auto path = snap.dir / "block_hashes.json";
  if (!std::filesystem::exists(path)) return;
  with_document(parser, path, [&](const element& doc) {
    for (auto [key, value] : as_object(doc, "block_hashes")) {
      const auto number = U256::from_string(key);
      if (!number || !number->fits_u64()) throw InputError(std::string(key) + ": not a block number");
      snap.pre_state.set_block_hash(number->low64(), as_hash(value, key));
    }
  });
}

}  // namespace

MainnetSnapshot load_mainnet_snapshot(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw InputError(dir.string() + ": not a directory");
  MainnetSnapshot snap;
  snap.dir = dir;
  simdjson::dom::parser parser;
  load_block(snap, parser);
  load_pre_state(snap, parser);
  load_block_hashes(snap, parser);
  return snap;
}

}  // namespace paraevm::tools
