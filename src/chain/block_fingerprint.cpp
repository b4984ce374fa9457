#include "chain/block_fingerprint.hpp"

#include <algorithm>

#include "base/rlp.hpp"
#include "chain/receipt.hpp"

namespace paraevm {
namespace {

/// A diff in canonical form: accounts by address, slots by key.
void append_diff(RlpEncoder& out, const StateDiff& diff) {
  std::vector<const AccountDiff*> accounts;
  for (const AccountDiff& a : diff.accounts) accounts.push_back(&a);
  std::sort(accounts.begin(), accounts.end(), [](auto* x, auto* y) { return x->address < y->address; });
  for (const AccountDiff* a : accounts) {
    out.append_address(a->address);
    out.append_u64((a->deleted ? 1 : 0) | (a->storage_cleared ? 2 : 0));
    out.append_u256(a->nonce ? U256(*a->nonce + 1) : U256{});
    out.append_bytes(a->balance ? a->balance->to_be32().view() : BytesView{});
    out.append_bytes(a->balance_credit ? a->balance_credit->to_be32().view() : BytesView{});
    out.append_bytes(a->code_hash ? a->code_hash->view() : BytesView{});
    std::vector<StorageChange> slots = a->storage;
    std::sort(slots.begin(), slots.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
    for (const StorageChange& s : slots) out.append_u256(s.key).append_u256(s.value);
  }
}

}  // namespace

BlockFingerprint fingerprint(const BlockExecution& execution, const InMemoryState& state) {
  BlockFingerprint f;
  for (size_t i = 0; i < execution.receipts.size(); ++i) {
    const TxReceipt& r = execution.receipts[i];
    RlpEncoder out;
    out.append_bytes(encode_receipt(r, execution.cumulative_gas[i], receipt_bloom(r)));
    out.append_bytes(r.output);
    out.append_bytes(r.contract_address ? r.contract_address->view() : BytesView{});
    append_diff(out, r.diff);
    f.receipts.push_back(out.take());
  }
  f.gas_used = execution.gas_used;
  f.blob_gas_used = execution.blob_gas_used;
  f.logs_bloom = execution.logs_bloom;
  f.invalid_tx = execution.invalid_tx;
  f.state_root = state.state_root();
  return f;
}

std::string describe_difference(const BlockFingerprint& expected, const BlockFingerprint& got) {
  const size_t n = std::min(expected.receipts.size(), got.receipts.size());
  for (size_t i = 0; i < n; ++i)
    if (expected.receipts[i] != got.receipts[i]) return "transaction " + std::to_string(i) + ": receipt or state changes differ";
  if (expected.receipts.size() != got.receipts.size())
    return "receipt count " + std::to_string(expected.receipts.size()) + " vs " + std::to_string(got.receipts.size());
  if (expected.invalid_tx != got.invalid_tx) return "invalid transaction differs";
  if (expected.gas_used != got.gas_used || expected.blob_gas_used != got.blob_gas_used) return "gas used differs";
  if (expected.logs_bloom != got.logs_bloom) return "logs bloom differs";
  if (expected.state_root != got.state_root) return "state root differs";
  return {};
}

}  // namespace paraevm
