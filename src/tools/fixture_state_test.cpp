#include "tools/fixture_state_test.hpp"

namespace paraevm::tools {
namespace {

template <typename T, typename F>
std::vector<T> parse_list(JsonElement e, const JsonPath& path, F&& parse_one) {
  std::vector<T> out;
  size_t i = 0;
  for (JsonElement item : as_array(e, path)) {
    const JsonPath p = path.at(i++);
    out.push_back(parse_one(item, p));
  }
  return out;
}

FixtureAccount parse_account(std::string_view key, JsonElement value, const JsonPath& path) {
  FixtureAccount acc;
  acc.address = parse_address_key(key, path);
  JsonObject obj = as_object(value, path);
  acc.nonce = parse_u64(get_field(obj, "nonce", path), path.child("nonce"));
  acc.balance = parse_u256(get_field(obj, "balance", path), path.child("balance"));
  acc.code = parse_bytes(get_field(obj, "code", path), path.child("code"));
  const JsonPath sp = path.child("storage");
  if (auto storage = find_field(obj, "storage")) {
    for (auto [slot, val] : as_object(*storage, sp)) {
      const JsonPath p = sp.child(slot);
      acc.storage.emplace_back(parse_u256_key(slot, p), parse_u256(val, p));
    }
  }
  return acc;
}

Authorization parse_authorization(JsonElement e, const JsonPath& path) {
  JsonObject obj = as_object(e, path);
  Authorization a;
  a.chain_id = parse_u256(get_field(obj, "chainId", path), path.child("chainId"));
  a.address = parse_address(get_field(obj, "address", path), path.child("address"));
  a.nonce = parse_u64(get_field(obj, "nonce", path), path.child("nonce"));
  // EEST writes both `v` and `yParity` (equal); prefer yParity.
  if (auto y = find_field(obj, "yParity"))
    a.y_parity = parse_u256(*y, path.child("yParity"));
  else
    a.y_parity = parse_u256(get_field(obj, "v", path), path.child("v"));
  a.r = parse_u256(get_field(obj, "r", path), path.child("r"));
  a.s = parse_u256(get_field(obj, "s", path), path.child("s"));
  return a;
}

PostEntry parse_post_entry(JsonElement e, const JsonPath& path) {
  JsonObject obj = as_object(e, path);
  PostEntry p;
  const JsonPath ip = path.child("indexes");
  JsonObject idx = as_object(get_field(obj, "indexes", path), ip);
  p.indexes.data = parse_u64(get_field(idx, "data", ip), ip.child("data"));
  p.indexes.gas = parse_u64(get_field(idx, "gas", ip), ip.child("gas"));
  p.indexes.value = parse_u64(get_field(idx, "value", ip), ip.child("value"));
  p.state_root = parse_hash(get_field(obj, "hash", path), path.child("hash"));
  p.logs_hash = parse_hash(get_field(obj, "logs", path), path.child("logs"));
  if (auto tb = find_field(obj, "txbytes")) p.txbytes = parse_bytes(*tb, path.child("txbytes"));
  if (auto ex = find_field(obj, "expectException"))
    p.expect_exception = std::string(as_string(*ex, path.child("expectException")));
  p.expected_state = find_field(obj, "state");
  return p;
}

/// A transaction value; nullopt when it is well-formed hex above 2^256 - 1.
std::optional<U256> parse_value(JsonElement e, const JsonPath& path) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    if (s.starts_with("0x:bigint ")) s.remove_prefix(10);
    if (s.starts_with("0x") && s.size() > 2 &&
        s.find_first_not_of("0123456789abcdefABCDEF", 2) == std::string_view::npos &&
        !U256::from_string(s))
      return std::nullopt;
  }
  return parse_u256(e, path);
}

// The transaction type follows from the fields present, newest type first.
TxType infer_type(JsonObject obj) {
  if (find_field(obj, "authorizationList")) return TxType::SetCode;
  if (find_field(obj, "blobVersionedHashes")) return TxType::Blob;
  if (find_field(obj, "maxFeePerGas")) return TxType::DynamicFee;
  if (find_field(obj, "accessLists")) return TxType::AccessList;
  return TxType::Legacy;
}

void parse_fee_fields(JsonObject obj, const JsonPath& path, TxTemplate& t) {
  if (t.type == TxType::Legacy || t.type == TxType::AccessList) {
    t.gas_price = parse_u256(get_field(obj, "gasPrice", path), path.child("gasPrice"));
    return;
  }
  t.max_fee_per_gas = parse_u256(get_field(obj, "maxFeePerGas", path), path.child("maxFeePerGas"));
  t.max_priority_fee_per_gas = parse_u256(get_field(obj, "maxPriorityFeePerGas", path),
                                          path.child("maxPriorityFeePerGas"));
  t.gas_price = t.max_fee_per_gas;
}

}  // namespace

FixtureAlloc parse_alloc(JsonElement alloc, const JsonPath& path) {
  FixtureAlloc out;
  for (auto [key, value] : as_object(alloc, path)) out.push_back(parse_account(key, value, path.child(key)));
  return out;
}

AccessList parse_access_list(JsonElement list, const JsonPath& path) {
  AccessList out;
  size_t i = 0;
  for (JsonElement item : as_array(list, path)) {
    const JsonPath p = path.at(i++);
    JsonObject obj = as_object(item, p);
    AccessListEntry entry;
    entry.address = parse_address(get_field(obj, "address", p), p.child("address"));
    const JsonPath kp = p.child("storageKeys");
    entry.storage_keys = parse_list<U256>(get_field(obj, "storageKeys", p), kp,
                                          [](JsonElement k, const JsonPath& pp) {
                                            return U256::from_be(parse_hash(k, pp));
                                          });
    out.push_back(std::move(entry));
  }
  return out;
}

BlockEnv parse_state_test_env(JsonElement env, const JsonPath& path) {
  JsonObject obj = as_object(env, path);
  auto field = [&](std::string_view k) { return get_field(obj, k, path); };
  BlockEnv b;
  b.coinbase = parse_address(field("currentCoinbase"), path.child("currentCoinbase"));
  b.number = static_cast<int64_t>(parse_u64(field("currentNumber"), path.child("currentNumber")));
  b.timestamp =
      static_cast<int64_t>(parse_u64(field("currentTimestamp"), path.child("currentTimestamp")));
  b.gas_limit =
      static_cast<int64_t>(parse_u64(field("currentGasLimit"), path.child("currentGasLimit")));
  if (auto d = find_field(obj, "currentDifficulty"))
    b.difficulty = parse_u256(*d, path.child("currentDifficulty"));
  if (auto r = find_field(obj, "currentRandom"))
    b.prev_randao = parse_u256(*r, path.child("currentRandom"));
  if (auto f = find_field(obj, "currentBaseFee"))
    b.base_fee = parse_u256(*f, path.child("currentBaseFee"));
  if (auto x = find_field(obj, "currentExcessBlobGas"))
    b.excess_blob_gas = parse_u64(*x, path.child("currentExcessBlobGas"));
  return b;
}

TxTemplate parse_tx_template(JsonElement tx, const JsonPath& path) {
  JsonObject obj = as_object(tx, path);
  TxTemplate t;
  t.type = infer_type(obj);
  t.nonce = parse_u64(get_field(obj, "nonce", path), path.child("nonce"));
  parse_fee_fields(obj, path, t);
  std::string_view to = as_string(get_field(obj, "to", path), path.child("to"));
  if (!to.empty() && to != "0x") t.to = parse_address(get_field(obj, "to", path), path.child("to"));
  t.data = parse_list<Bytes>(get_field(obj, "data", path), path.child("data"), parse_bytes);
  t.gas_limits =
      parse_list<uint64_t>(get_field(obj, "gasLimit", path), path.child("gasLimit"), parse_u64);
  t.values = parse_list<std::optional<U256>>(get_field(obj, "value", path), path.child("value"),
                                             parse_value);
  if (auto al = find_field(obj, "accessLists"))
    t.access_lists = parse_list<std::optional<AccessList>>(
        *al, path.child("accessLists"),
        [](JsonElement e, const JsonPath& p) -> std::optional<AccessList> {
          if (e.is_null()) return std::nullopt;
          return parse_access_list(e, p);
        });
  if (auto f = find_field(obj, "maxFeePerBlobGas"))
    t.max_fee_per_blob_gas = parse_u256(*f, path.child("maxFeePerBlobGas"));
  if (auto h = find_field(obj, "blobVersionedHashes"))
    t.blob_versioned_hashes = parse_list<Hash>(*h, path.child("blobVersionedHashes"), parse_hash);
  if (auto a = find_field(obj, "authorizationList"))
    t.authorizations =
        parse_list<Authorization>(*a, path.child("authorizationList"), parse_authorization);
  if (auto s = find_field(obj, "sender")) t.sender = parse_address(*s, path.child("sender"));
  if (auto k = find_field(obj, "secretKey")) t.secret_key = parse_hash(*k, path.child("secretKey"));
  if (!t.sender && !t.secret_key) fixture_error(path, "neither \"sender\" nor \"secretKey\"");
  return t;
}

std::map<std::string, BlobSchedule, std::less<>> parse_blob_schedules(JsonElement config,
                                                                      const JsonPath& path) {
  std::map<std::string, BlobSchedule, std::less<>> out;
  auto bs = find_field(as_object(config, path), "blobSchedule");
  if (!bs) return out;
  const JsonPath bp = path.child("blobSchedule");
  for (auto [fork, value] : as_object(*bs, bp)) {
    const JsonPath p = bp.child(fork);
    JsonObject o = as_object(value, p);
    BlobSchedule s;
    s.target = parse_u64(get_field(o, "target", p), p.child("target"));
    s.max = parse_u64(get_field(o, "max", p), p.child("max"));
    s.base_fee_update_fraction =
        parse_u64(get_field(o, "baseFeeUpdateFraction", p), p.child("baseFeeUpdateFraction"));
    out.emplace(std::string(fork), s);
  }
  return out;
}

StateTest parse_state_test(std::string_view name, JsonElement fixture, const JsonPath& path) {
  JsonObject obj = as_object(fixture, path);
  StateTest t;
  t.name = std::string(name);
  t.env = parse_state_test_env(get_field(obj, "env", path), path.child("env"));
  t.pre = parse_alloc(get_field(obj, "pre", path), path.child("pre"));
  t.tx = parse_tx_template(get_field(obj, "transaction", path), path.child("transaction"));
  if (auto config = find_field(obj, "config")) {
    const JsonPath cp = path.child("config");
    t.blob_schedules = parse_blob_schedules(*config, cp);
    if (auto id = find_field(as_object(*config, cp), "chainid"))
      t.env.chain_id = parse_u256(*id, cp.child("chainid"));
  }
  const JsonPath pp = path.child("post");
  for (auto [fork, entries] : as_object(get_field(obj, "post", path), pp)) {
    const JsonPath fp = pp.child(fork);
    t.post.push_back({std::string(fork), parse_list<PostEntry>(entries, fp, parse_post_entry)});
  }
  return t;
}

Transaction instantiate(const TxTemplate& tmpl, const TxIndexes& ix, const U256& chain_id,
                        bool& unencodable) {
  const JsonPath root;
  const JsonPath ip = root.child("indexes");
  if (ix.data >= tmpl.data.size()) fixture_error(ip.child("data"), "index out of range");
  if (ix.gas >= tmpl.gas_limits.size()) fixture_error(ip.child("gas"), "index out of range");
  if (ix.value >= tmpl.values.size()) fixture_error(ip.child("value"), "index out of range");
  Transaction tx;
  tx.type = tmpl.type;
  if (tx.type == TxType::AccessList && ix.data < tmpl.access_lists.size() &&
      !tmpl.access_lists[ix.data])
    tx.type = TxType::Legacy;
  if (tx.type != TxType::Legacy) tx.chain_id = chain_id;
  tx.nonce = tmpl.nonce;
  tx.gas_price = tmpl.gas_price;
  tx.max_fee_per_gas = tmpl.max_fee_per_gas;
  tx.max_priority_fee_per_gas = tmpl.max_priority_fee_per_gas;
  tx.gas_limit = tmpl.gas_limits[ix.gas];
  tx.to = tmpl.to;
  unencodable = !tmpl.values[ix.value].has_value();
  tx.value = tmpl.values[ix.value].value_or(U256{});
  tx.data = tmpl.data[ix.data];
  if (!tmpl.access_lists.empty()) {
    if (ix.data >= tmpl.access_lists.size())
      fixture_error(root.child("transaction").child("accessLists"), "fewer lists than data");
    tx.access_list = tmpl.access_lists[ix.data].value_or(AccessList{});
  }
  tx.max_fee_per_blob_gas = tmpl.max_fee_per_blob_gas;
  tx.blob_versioned_hashes = tmpl.blob_versioned_hashes;
  tx.authorizations = tmpl.authorizations;
  return tx;
}

}  // namespace paraevm::tools
