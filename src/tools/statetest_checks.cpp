#include "tools/statetest_checks.hpp"

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "chain/sender.hpp"
#include "chain/transaction_codec.hpp"

namespace paraevm::tools {
namespace {

bool same_access_list(const AccessList& a, const AccessList& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].address != b[i].address || a[i].storage_keys != b[i].storage_keys) return false;
  return true;
}

bool same_authorizations(const std::vector<Authorization>& a, const std::vector<Authorization>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Authorization &x = a[i], &y = b[i];
    if (x.chain_id != y.chain_id || x.address != y.address || x.nonce != y.nonce ||
        x.y_parity != y.y_parity || x.r != y.r || x.s != y.s)
      return false;
  }
  return true;
}

/// The first field in which the decoded transaction differs from the template's, or "".
std::string first_difference(const Transaction& got, const Transaction& want) {
  if (got.type != want.type) return "type";
  if (got.type != TxType::Legacy && got.chain_id != want.chain_id) return "chainId";
  if (got.nonce != want.nonce) return "nonce";
  if (got.gas_price != want.gas_price) return "gasPrice";
  if (got.type >= TxType::DynamicFee && (got.max_fee_per_gas != want.max_fee_per_gas ||
                                         got.max_priority_fee_per_gas != want.max_priority_fee_per_gas))
    return "fee caps";
  if (got.gas_limit != want.gas_limit) return "gasLimit";
  if (got.to != want.to) return "to";
  if (got.value != want.value) return "value";
  if (got.data != want.data) return "data";
  if (!same_access_list(got.access_list, want.access_list)) return "accessList";
  if (got.max_fee_per_blob_gas != want.max_fee_per_blob_gas) return "maxFeePerBlobGas";
  if (got.blob_versioned_hashes != want.blob_versioned_hashes) return "blobVersionedHashes";
  if (!same_authorizations(got.authorizations, want.authorizations)) return "authorizationList";
  return "";
}

void add_item(std::string& out, size_t& n, size_t max_items, const std::string& item) {
  if (n++ < max_items) out += (out.empty() ? "" : "; ") + item;
}

std::string short_hex(const U256& v) { return v.to_hex(); }

}  // namespace

std::string check_txbytes(const PreparedRun& run, BytesView txbytes) {
  std::string error;
  auto decoded = decode_transaction(txbytes, &error);
  if (!decoded) {
    if (run.entry->expects_exception()) return "";  // rejected at decoding: consistent
    return "txbytes do not decode (" + error + ")";
  }
  if (std::string field = first_difference(*decoded, run.tx); !field.empty())
    return "txbytes differ from the template in " + field;
  if (run.entry->expects_exception()) return "";  // may be signed in ways the fork rejects
  // Legacy fixtures of early forks may carry EIP-155 signatures: check the signer with the
  // newest rules, which accept every signature form valid in some fork.
  SenderResult s = recover_sender(*decoded, Revision::Osaka, run.env.chain_id);
  if (!s.ok()) return "txbytes signature invalid (" + std::string(sender_error_name(s.error)) + ")";
  if (*s.sender != run.sender)
    return "txbytes signed by " + to_hex(*s.sender) + ", fixture sender " + to_hex(run.sender);
  return "";
}

std::string describe_state_difference(const InMemoryState& state, JsonElement expected,
                                      size_t max_items) {
  std::string out;
  size_t n = 0;
  FixtureAlloc alloc;
  try {
    alloc = parse_alloc(expected, JsonPath{}.child("state"));
  } catch (const FixtureError& e) {
    return std::string("(expected state unreadable: ") + e.what() + ")";
  }
  std::unordered_map<Address, bool, FixedBytesHasher> listed;
  for (const FixtureAccount& want : alloc) {
    listed[want.address] = true;
    const std::string who = to_hex(want.address);
    const InMemoryState::Account* got = state.find(want.address);
    if (!got) {
      add_item(out, n, max_items, who + " missing");
      continue;
    }
    if (got->nonce != want.nonce)
      add_item(out, n, max_items, who + " nonce expected " + std::to_string(want.nonce) + " got " +
                                      std::to_string(got->nonce));
    if (got->balance != want.balance)
      add_item(out, n, max_items, who + " balance expected " + short_hex(want.balance) + " got " +
                                      short_hex(got->balance));
    if (got->code_hash != (want.code.empty() ? kEmptyCodeHash : keccak256(to_view(want.code))))
      add_item(out, n, max_items, who + " code differs");
    size_t want_slots = 0;
    for (const auto& [key, value] : want.storage) {
      if (value.is_zero()) continue;
      ++want_slots;
      auto it = got->storage.find(key);
      const U256 have = it == got->storage.end() ? U256{} : it->second;
      if (have != value)
        add_item(out, n, max_items, who + " slot " + short_hex(key) + " expected " +
                                        short_hex(value) + " got " + short_hex(have));
    }
    if (got->storage.size() != want_slots)
      add_item(out, n, max_items, who + " has " + std::to_string(got->storage.size()) +
                                      " slots, expected " + std::to_string(want_slots));
  }
  state.for_each_account([&](const Address& addr, const InMemoryState::Account&) {
    if (!listed.count(addr)) add_item(out, n, max_items, to_hex(addr) + " unexpected account");
  });
  if (n > max_items) out += "; +" + std::to_string(n - max_items) + " more";
  return out.empty() ? "post-state matches the expected accounts" : out;
}

}  // namespace paraevm::tools
