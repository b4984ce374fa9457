#include "chain/transaction_codec.hpp"

#include <array>
#include <stdexcept>

#include "base/keccak.hpp"

namespace paraevm {
namespace {

/// A decoding failure naming the field at fault; caught at the API boundary.
class DecodeFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Field counts of the signed list, indexed by type (EIP-2718 type byte).
constexpr std::array<size_t, 5> kSignedFieldCount = {9, 11, 12, 14, 13};

/// Runs one field read, prefixing RLP errors with the field name.
template <typename F>
auto field(const char* name, F&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const RlpError& e) {
    throw DecodeFailure(std::string(name) + ": " + e.what());
  }
}

size_t count_items(RlpReader r) {  // by value: counting consumes the copy
  size_t n = 0;
  for (; !r.at_end(); ++n) r.read_item();
  return n;
}

void expect_count(const RlpReader& r, size_t expected, const char* what) {
  const size_t n = field(what, [&] { return count_items(r); });
  if (n != expected)
    throw DecodeFailure(std::string(what) + ": expected " + std::to_string(expected) +
                        " fields, found " + std::to_string(n));
}

std::optional<Address> read_to(RlpReader& r, bool allow_create) {
  const BytesView to = field("to", [&] { return r.read_bytes(); });
  if (to.empty() && allow_create) return std::nullopt;
  if (to.size() != 20)
    throw DecodeFailure("to: expected " + std::string(allow_create ? "0 or " : "") +
                        "20 bytes, found " + std::to_string(to.size()));
  return Address::from_view(to);
}

AccessList read_access_list(RlpReader& r) {
  AccessList out;
  RlpReader list = field("accessList", [&] { return r.read_list(); });
  while (!list.at_end()) {
    RlpReader entry = field("accessList entry", [&] { return list.read_list(); });
    expect_count(entry, 2, "accessList entry");
    AccessListEntry e;
    e.address = field("accessList address", [&] { return entry.read_address(); });
    RlpReader keys = field("accessList storageKeys", [&] { return entry.read_list(); });
    while (!keys.at_end())
      e.storage_keys.push_back(
          U256::from_be(field("accessList storage key", [&] { return keys.read_hash(); })));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Authorization> read_authorizations(RlpReader& r) {
  std::vector<Authorization> out;
  RlpReader list = field("authorizationList", [&] { return r.read_list(); });
  while (!list.at_end()) {
    RlpReader item = field("authorization", [&] { return list.read_list(); });
    expect_count(item, 6, "authorization");
    Authorization a;
    a.chain_id = field("authorization chainId", [&] { return item.read_u256(); });
    a.address = field("authorization address", [&] { return item.read_address(); });
    a.nonce = field("authorization nonce", [&] { return item.read_u64(); });
    a.y_parity = field("authorization yParity", [&] { return item.read_u256(); });
    a.r = field("authorization r", [&] { return item.read_u256(); });
    a.s = field("authorization s", [&] { return item.read_u256(); });
    out.push_back(a);
  }
  return out;
}

std::vector<Hash> read_blob_hashes(RlpReader& r) {
  std::vector<Hash> out;
  RlpReader list = field("blobVersionedHashes", [&] { return r.read_list(); });
  while (!list.at_end()) out.push_back(field("blobVersionedHash", [&] { return list.read_hash(); }));
  return out;
}

void read_signature(RlpReader& r, Transaction& tx) {
  tx.v = field(tx.type == TxType::Legacy ? "v" : "yParity", [&] { return r.read_u256(); });
  tx.r = field("r", [&] { return r.read_u256(); });
  tx.s = field("s", [&] { return r.read_u256(); });
}

Transaction decode_legacy(BytesView data) {
  RlpReader r = field("transaction", [&] { return RlpReader::open_list(data); });
  expect_count(r, kSignedFieldCount[0], "legacy transaction");
  Transaction tx;
  tx.type = TxType::Legacy;
  tx.nonce = field("nonce", [&] { return r.read_u64(); });
  tx.gas_price = field("gasPrice", [&] { return r.read_u256(); });
  tx.gas_limit = field("gasLimit", [&] { return r.read_u64(); });
  tx.to = read_to(r, true);
  tx.value = field("value", [&] { return r.read_u256(); });
  const BytesView data_field = field("data", [&] { return r.read_bytes(); });
  tx.data.assign(data_field.begin(), data_field.end());
  read_signature(r, tx);
  // EIP-155: v = chain_id * 2 + 35 + y_parity. Other values than 27/28 below 35 stay without a
  // chain id; sender recovery rejects them.
  if (tx.v >= U256{35}) tx.chain_id = (tx.v - U256{35}) >> 1;
  return tx;
}

// Reads the fields that types 1 to 4 share after the fee fields: gas limit, to, value, data and
// the access list.
void read_typed_body(RlpReader& r, Transaction& tx, bool allow_create) {
  tx.gas_limit = field("gasLimit", [&] { return r.read_u64(); });
  tx.to = read_to(r, allow_create);
  tx.value = field("value", [&] { return r.read_u256(); });
  const BytesView data_field = field("data", [&] { return r.read_bytes(); });
  tx.data.assign(data_field.begin(), data_field.end());
  tx.access_list = read_access_list(r);
}

Transaction decode_typed(uint8_t type, BytesView payload) {
  if (type < 1 || type > 4) throw DecodeFailure("unsupported transaction type " + std::to_string(type));
  RlpReader r = field("transaction", [&] { return RlpReader::open_list(payload); });
  expect_count(r, kSignedFieldCount[type], "typed transaction");
  Transaction tx;
  tx.type = static_cast<TxType>(type);
  tx.chain_id = field("chainId", [&] { return r.read_u256(); });
  tx.nonce = field("nonce", [&] { return r.read_u64(); });
  if (tx.type == TxType::AccessList) {
    tx.gas_price = field("gasPrice", [&] { return r.read_u256(); });
  } else {
    tx.max_priority_fee_per_gas = field("maxPriorityFeePerGas", [&] { return r.read_u256(); });
    tx.max_fee_per_gas = field("maxFeePerGas", [&] { return r.read_u256(); });
    tx.gas_price = tx.max_fee_per_gas;
  }
  // Blob and set-code transactions cannot create contracts: their `to` is a plain address.
  read_typed_body(r, tx, tx.type != TxType::Blob && tx.type != TxType::SetCode);
  if (tx.type == TxType::Blob) {
    tx.max_fee_per_blob_gas = field("maxFeePerBlobGas", [&] { return r.read_u256(); });
    tx.blob_versioned_hashes = read_blob_hashes(r);
  } else if (tx.type == TxType::SetCode) {
    tx.authorizations = read_authorizations(r);
  }
  read_signature(r, tx);
  if (tx.v > U256{1}) throw DecodeFailure("yParity: must be 0 or 1, found " + tx.v.to_hex());
  return tx;
}

Transaction decode_any(BytesView encoded) {
  if (encoded.empty()) throw DecodeFailure("empty input");
  const uint8_t first = encoded[0];
  if (first >= 0xc0) return decode_legacy(encoded);
  // 0x80..0xbf start an RLP string: neither a legacy list nor an EIP-2718 type byte.
  if (first >= 0x80) throw DecodeFailure("not a transaction: RLP string where a list or type byte is expected");
  return decode_typed(first, encoded.subspan(1));
}

// ---- encoding ----

enum class Sig : uint8_t { Signed, Unsigned };

void append_access_list(RlpEncoder& e, const AccessList& list) {
  const size_t outer = e.begin_list();
  for (const AccessListEntry& entry : list) {
    const size_t m = e.begin_list();
    e.append_address(entry.address);
    const size_t keys = e.begin_list();
    for (const U256& k : entry.storage_keys) e.append_hash(k.to_be32());
    e.end_list(keys);
    e.end_list(m);
  }
  e.end_list(outer);
}

void append_authorizations(RlpEncoder& e, const std::vector<Authorization>& auths) {
  const size_t outer = e.begin_list();
  for (const Authorization& a : auths) {
    const size_t m = e.begin_list();
    e.append_u256(a.chain_id).append_address(a.address).append_u64(a.nonce);
    e.append_u256(a.y_parity).append_u256(a.r).append_u256(a.s);
    e.end_list(m);
  }
  e.end_list(outer);
}

void append_to(RlpEncoder& e, const std::optional<Address>& to) {
  if (to)
    e.append_address(*to);
  else
    e.append_bytes({});
}

void append_legacy_list(RlpEncoder& e, const Transaction& tx, Sig sig) {
  const size_t m = e.begin_list();
  e.append_u64(tx.nonce).append_u256(tx.gas_price).append_u64(tx.gas_limit);
  append_to(e, tx.to);
  e.append_u256(tx.value).append_bytes(to_view(tx.data));
  if (sig == Sig::Signed)
    e.append_u256(tx.v).append_u256(tx.r).append_u256(tx.s);
  else if (tx.chain_id)
    e.append_u256(*tx.chain_id).append_u64(0).append_u64(0);  // EIP-155
  e.end_list(m);
}

void append_typed_list(RlpEncoder& e, const Transaction& tx, Sig sig) {
  const size_t m = e.begin_list();
  e.append_u256(tx.chain_id.value_or(U256{})).append_u64(tx.nonce);
  if (tx.type == TxType::AccessList)
    e.append_u256(tx.gas_price);
  else
    e.append_u256(tx.max_priority_fee_per_gas).append_u256(tx.max_fee_per_gas);
  e.append_u64(tx.gas_limit);
  append_to(e, tx.to);
  e.append_u256(tx.value).append_bytes(to_view(tx.data));
  append_access_list(e, tx.access_list);
  if (tx.type == TxType::Blob) {
    e.append_u256(tx.max_fee_per_blob_gas);
    const size_t h = e.begin_list();
    for (const Hash& hash : tx.blob_versioned_hashes) e.append_hash(hash);
    e.end_list(h);
  } else if (tx.type == TxType::SetCode) {
    append_authorizations(e, tx.authorizations);
  }
  if (sig == Sig::Signed) e.append_u256(tx.v).append_u256(tx.r).append_u256(tx.s);
  e.end_list(m);
}

void append_envelope(RlpEncoder& e, const Transaction& tx, Sig sig) {
  if (tx.type == TxType::Legacy) return append_legacy_list(e, tx, sig);
  const uint8_t type = static_cast<uint8_t>(tx.type);
  e.append_raw(BytesView(&type, 1));
  append_typed_list(e, tx, sig);
}

size_t size_hint(const Transaction& tx) {
  return 160 + tx.data.size() + 64 * tx.access_list.size() + 32 * tx.blob_versioned_hashes.size() +
         110 * tx.authorizations.size();
}

}  // namespace

std::optional<Transaction> decode_transaction(BytesView encoded, std::string* error) {
  try {
    return decode_any(encoded);
  } catch (const std::exception& e) {  // DecodeFailure, or an RlpError outside a named field
    if (error) *error = e.what();
    return std::nullopt;
  }
}

std::optional<Transaction> decode_block_transaction(const RlpItem& item, std::string* error) {
  if (item.is_list) return decode_transaction(item.raw, error);
  // A typed transaction wrapped in a byte string; a legacy list inside a string is not allowed.
  if (!item.payload.empty() && item.payload[0] >= 0x80) {
    if (error) *error = "block transaction: byte string does not hold a typed transaction";
    return std::nullopt;
  }
  return decode_transaction(item.payload, error);
}

Bytes encode_transaction(const Transaction& tx) {
  RlpEncoder e(size_hint(tx));
  append_envelope(e, tx, Sig::Signed);
  return e.take();
}

void encode_block_transaction(RlpEncoder& out, const Transaction& tx) {
  if (tx.type == TxType::Legacy) return append_legacy_list(out, tx, Sig::Signed);
  out.append_bytes(to_view(encode_transaction(tx)));
}

Hash transaction_hash(const Transaction& tx) { return keccak256(to_view(encode_transaction(tx))); }

Hash signing_hash(const Transaction& tx) {
  RlpEncoder e(size_hint(tx));
  append_envelope(e, tx, Sig::Unsigned);
  return keccak256(e.view());
}

Hash authorization_signing_hash(const Authorization& auth) {
  RlpEncoder e(64);
  const uint8_t magic = 0x05;  // EIP-7702 MAGIC
  e.append_raw(BytesView(&magic, 1));
  const size_t m = e.begin_list();
  e.append_u256(auth.chain_id).append_address(auth.address).append_u64(auth.nonce);
  e.end_list(m);
  return keccak256(e.view());
}

}  // namespace paraevm
