#include "tools/mainnet_snapshot.hpp"

#include <cstdint>
#include <unordered_map>

#include "base/keccak.hpp"
#include "chain/chain_config.hpp"
#include "chain/dao_fork.hpp"
#include "tools/fixture_json.hpp"

namespace paraevm::tools {
namespace {

AccessList parse_access_list(JsonElement e, const JsonPath& path) {
  AccessList list;
  size_t i = 0;
  for (JsonElement item : as_array(e, path)) {
    const JsonPath at = path.at(i++);
    const JsonObject entry = as_object(item, at);
    AccessListEntry out;
    out.address = parse_address(get_field(entry, "address", at), at.child("address"));
    const JsonPath keys_path = at.child("storageKeys");
    size_t k = 0;
    for (JsonElement key : as_array(get_field(entry, "storageKeys", at), keys_path))
      out.storage_keys.push_back(U256::from_be(parse_hash(key, keys_path.at(k++))));
    list.push_back(std::move(out));
  }
  return list;
}

std::vector<Authorization> parse_authorizations(JsonElement e, const JsonPath& path) {
  std::vector<Authorization> list;
  size_t i = 0;
  for (JsonElement item : as_array(e, path)) {
    const JsonPath at = path.at(i++);
    const JsonObject a = as_object(item, at);
    auto u256 = [&](std::string_view key) {
      return parse_u256(get_field(a, key, at), at.child(key));
    };
    Authorization auth;
    auth.chain_id = u256("chainId");
    auth.address = parse_address(get_field(a, "address", at), at.child("address"));
    auth.nonce = parse_u64(get_field(a, "nonce", at), at.child("nonce"));
    auth.y_parity = u256("yParity");
    auth.r = u256("r");
    auth.s = u256("s");
    list.push_back(auth);
  }
  return list;
}

/// The keys a transaction of `type` must have beyond the common ones (EIP-2930, EIP-1559,
/// EIP-4844, EIP-7702): without them its encoding, and so its hash and sender, are unknown.
void require_type_fields(JsonObject t, TxType type, const JsonPath& path) {
  auto need = [&](std::string_view key, TxType since) {
    if (type >= since && !find_field(t, key))
      fixture_error(path, "missing key \"" + std::string(key) + "\" (required for type " +
                              std::to_string(static_cast<int>(type)) + ")");
  };
  need("chainId", TxType::AccessList);
  need("accessList", TxType::AccessList);
  need("maxFeePerGas", TxType::DynamicFee);
  need("maxPriorityFeePerGas", TxType::DynamicFee);
  if (type == TxType::Blob) {
    need("maxFeePerBlobGas", TxType::Blob);
    need("blobVersionedHashes", TxType::Blob);
  }
  if (type == TxType::SetCode) need("authorizationList", TxType::SetCode);
}

Transaction parse_transaction(JsonObject t, const JsonPath& path) {
  auto field = [&](std::string_view key) { return get_field(t, key, path); };
  Transaction tx;
  const uint64_t type = parse_u64(field("type"), path.child("type"));
  if (type > 4)
    fixture_error(path.child("type"), "unknown transaction type " + std::to_string(type));
  tx.type = static_cast<TxType>(type);
  require_type_fields(t, tx.type, path);
  if (auto id = find_field(t, "chainId")) tx.chain_id = parse_u256(*id, path.child("chainId"));
  tx.nonce = parse_u64(field("nonce"), path.child("nonce"));
  tx.gas_price = parse_u256(field("gasPrice"), path.child("gasPrice"));
  if (auto fee = find_field(t, "maxFeePerGas")) {
    tx.max_fee_per_gas = parse_u256(*fee, path.child("maxFeePerGas"));
    tx.max_priority_fee_per_gas = parse_u256(field("maxPriorityFeePerGas"), path.child("maxPriorityFeePerGas"));
    tx.gas_price = tx.max_fee_per_gas;  // the RPC's gasPrice is the effective price
  } else {
    tx.max_fee_per_gas = tx.max_priority_fee_per_gas = tx.gas_price;
  }
  tx.gas_limit = parse_u64(field("gas"), path.child("gas"));
  if (auto to = find_field(t, "to")) tx.to = parse_address(*to, path.child("to"));
  tx.value = parse_u256(field("value"), path.child("value"));
  tx.data = parse_bytes(field("input"), path.child("input"));
  if (auto list = find_field(t, "accessList")) tx.access_list = parse_access_list(*list, path.child("accessList"));
  if (auto fee = find_field(t, "maxFeePerBlobGas"))
    tx.max_fee_per_blob_gas = parse_u256(*fee, path.child("maxFeePerBlobGas"));
  if (auto hashes = find_field(t, "blobVersionedHashes")) {
    const JsonPath hp = path.child("blobVersionedHashes");
    size_t i = 0;
    for (JsonElement h : as_array(*hashes, hp)) tx.blob_versioned_hashes.push_back(parse_hash(h, hp.at(i++)));
  }
  if (auto list = find_field(t, "authorizationList"))
    tx.authorizations = parse_authorizations(*list, path.child("authorizationList"));
  tx.v = parse_u256(field("v"), path.child("v"));
  tx.r = parse_u256(field("r"), path.child("r"));
  tx.s = parse_u256(field("s"), path.child("s"));
  return tx;
}

BlockHeader parse_header(JsonObject b, const JsonPath& path) {
  auto field = [&](std::string_view key) { return get_field(b, key, path); };
  auto hash = [&](std::string_view key) { return parse_hash(field(key), path.child(key)); };
  auto u64 = [&](std::string_view key) { return parse_u64(field(key), path.child(key)); };
  BlockHeader h;
  h.parent_hash = hash("parentHash");
  h.ommers_hash = hash("sha3Uncles");
  h.coinbase = parse_address(field("miner"), path.child("miner"));
  h.state_root = hash("stateRoot");
  h.transactions_root = hash("transactionsRoot");
  h.receipts_root = hash("receiptsRoot");
  const Bytes bloom = parse_bytes(field("logsBloom"), path.child("logsBloom"));
  if (bloom.size() != Bloom::size()) fixture_error(path.child("logsBloom"), "expected 256 bytes");
  h.logs_bloom = Bloom::from_view(bloom);
  h.difficulty = parse_u256(field("difficulty"), path.child("difficulty"));
  h.number = u64("number");
  h.gas_limit = u64("gasLimit");
  // Gas is signed 64-bit in the EVM (EIP-1985): no valid block has a larger limit.
  if (h.gas_limit > static_cast<uint64_t>(INT64_MAX))
    fixture_error(path.child("gasLimit"), "above 2^63 - 1");
  h.gas_used = u64("gasUsed");
  h.timestamp = u64("timestamp");
  h.extra_data = parse_bytes(field("extraData"), path.child("extraData"));
  h.mix_hash = hash("mixHash");
  const Bytes nonce = parse_bytes(field("nonce"), path.child("nonce"));
  if (nonce.size() != 8) fixture_error(path.child("nonce"), "expected 8 bytes");
  h.nonce = FixedBytes<8>::from_view(nonce);
  if (auto f = find_field(b, "baseFeePerGas")) h.base_fee = parse_u256(*f, path.child("baseFeePerGas"));
  if (find_field(b, "withdrawalsRoot")) h.withdrawals_root = hash("withdrawalsRoot");
  if (find_field(b, "blobGasUsed")) h.blob_gas_used = u64("blobGasUsed");
  if (find_field(b, "excessBlobGas")) h.excess_blob_gas = u64("excessBlobGas");
  if (find_field(b, "parentBeaconBlockRoot")) h.parent_beacon_block_root = hash("parentBeaconBlockRoot");
  if (find_field(b, "requestsHash")) h.requests_hash = hash("requestsHash");
  return h;
}

std::vector<Withdrawal> parse_withdrawals(JsonElement e, const JsonPath& path) {
  std::vector<Withdrawal> out;
  size_t i = 0;
  for (JsonElement item : as_array(e, path)) {
    const JsonPath at = path.at(i++);
    const JsonObject w = as_object(item, at);
    auto u64 = [&](std::string_view key) { return parse_u64(get_field(w, key, at), at.child(key)); };
    out.push_back({u64("index"), u64("validatorIndex"),
                   parse_address(get_field(w, "address", at), at.child("address")), u64("amount")});
  }
  return out;
}

/// Runs `parse` on the JSON document at `path`, prefixing any error with the file name.
template <typename Parse>
void with_document(simdjson::dom::parser& parser, const std::filesystem::path& path, Parse&& parse) {
  if (!std::filesystem::is_regular_file(path)) throw FixtureError(path.string() + ": no such file");
  JsonElement doc;
  if (auto err = parser.load(path.string()).get(doc); err)
    throw FixtureError(path.string() +
                       ": not valid JSON (truncated or corrupt?): " + simdjson::error_message(err));
  try {
    parse(doc);
  } catch (const FixtureError& e) {
    throw FixtureError(path.string() + ": " + e.what());
  }
}

void load_block(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  with_document(parser, snap.dir / "block.json", [&](JsonElement doc) {
    const JsonPath root;
    const JsonObject b = as_object(doc, root);
    snap.block.header = parse_header(b, root);
    snap.block_hash = parse_hash(get_field(b, "hash", root), root.child("hash"));
    const JsonPath txs_path = root.child("transactions");
    size_t i = 0;
    for (JsonElement item : as_array(get_field(b, "transactions", root), txs_path)) {
      const JsonPath at = txs_path.at(i++);
      const JsonObject t = as_object(item, at);
      snap.block.transactions.push_back(parse_transaction(t, at));
      snap.senders.push_back(parse_address(get_field(t, "from", at), at.child("from")));
      snap.tx_hashes.push_back(parse_hash(get_field(t, "hash", at), at.child("hash")));
    }
    if (auto w = find_field(b, "withdrawals")) snap.block.withdrawals = parse_withdrawals(*w, root.child("withdrawals"));
  });
}

/// bytecodes.json: code hash -> code (the first original_len bytes of the padded bytecode).
std::unordered_map<Hash, Bytes, FixedBytesHasher> load_codes(const std::filesystem::path& path,
                                                             simdjson::dom::parser& parser) {
  std::unordered_map<Hash, Bytes, FixedBytesHasher> codes;
  with_document(parser, path, [&](JsonElement doc) {
    const JsonPath root;
    for (auto [key, value] : as_object(doc, root)) {
      const JsonPath at = root.child(key);
      const JsonObject entry = as_object(value, at);
      Bytes code = parse_bytes(get_field(entry, "bytecode", at), at.child("bytecode"));
      const uint64_t len = parse_u64(get_field(entry, "original_len", at), at.child("original_len"));
      if (len > code.size()) fixture_error(at.child("original_len"), "exceeds the bytecode");
      code.resize(len);
      const Hash hash = keccak256(code);
      if (U256::from_be(hash) != parse_u256_key(key, at)) fixture_error(at, "code does not hash to its key");
      codes.emplace(hash, std::move(code));
    }
  });
  return codes;
}

void load_pre_state(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  auto codes = load_codes(snap.dir / "bytecodes.json", parser);
  with_document(parser, snap.dir / "pre_state.json", [&](JsonElement doc) {
    const JsonPath root;
    for (auto [key, value] : as_object(doc, root)) {
      const JsonPath at = root.child(key);
      const Address addr = parse_address_key(key, at);
      const JsonObject account = as_object(value, at);
      const JsonPath basic_path = at.child("basic");
      const JsonObject basic = as_object(get_field(account, "basic", at), basic_path);
      Bytes code;
      if (auto code_hash = find_field(account, "code_hash")) {
        const auto it = codes.find(parse_hash(*code_hash, at.child("code_hash")));
        if (it == codes.end()) fixture_error(at.child("code_hash"), "not in bytecodes.json");
        code = it->second;
      }
      std::unordered_map<U256, U256, U256Hash> storage;
      const JsonPath storage_path = at.child("storage");
      for (auto [slot, slot_value] : as_object(get_field(account, "storage", at), storage_path)) {
        const JsonPath slot_path = storage_path.child(slot);
        storage.emplace(parse_u256_key(slot, slot_path), parse_u256(slot_value, slot_path));
      }
      snap.pre_state.set_account(addr, parse_u64(get_field(basic, "nonce", basic_path), basic_path.child("nonce")),
                                 parse_u256(get_field(basic, "balance", basic_path), basic_path.child("balance")),
                                 std::move(code), storage);
    }
  });
}

void load_block_hashes(MainnetSnapshot& snap, simdjson::dom::parser& parser) {
  const auto path = snap.dir / "block_hashes.json";
  if (!std::filesystem::exists(path)) return;
  with_document(parser, path, [&](JsonElement doc) {
    const JsonPath root;
    for (auto [key, value] : as_object(doc, root)) {
      const JsonPath at = root.child(key);
      const U256 number = parse_u256_key(key, at);
      if (!number.fits_u64()) fixture_error(at, "not a block number");
      snap.pre_state.set_block_hash(number.low64(), parse_hash(value, at));
    }
  });
}

}  // namespace

MainnetSnapshot load_mainnet_snapshot(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw FixtureError(dir.string() + ": not a directory");
  if (!std::filesystem::exists(dir / "block.json"))
    throw FixtureError(dir.string() +
                       ": no block.json (neither a snapshot folder nor a folder of them)");
  MainnetSnapshot snap;
  snap.dir = dir;
  simdjson::dom::parser parser;
  load_block(snap, parser);
  load_pre_state(snap, parser);
  load_block_hashes(snap, parser);
  if (snap.block.header.number == kMainnetDaoForkBlock) apply_dao_fork(snap.pre_state);
  return snap;
}

}  // namespace paraevm::tools
