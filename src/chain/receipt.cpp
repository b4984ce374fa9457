#include "chain/receipt.hpp"

#include "base/rlp.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {

Bytes encode_receipt(const TxReceipt& receipt, uint64_t cumulative_gas, const Bloom& bloom, const Hash* post_state) {
  RlpEncoder rlp;
  if (receipt.type != TxType::Legacy) rlp.append_raw(BytesView(reinterpret_cast<const uint8_t*>(&receipt.type), 1));
  const size_t list = rlp.begin_list();
  if (post_state != nullptr)
    rlp.append_hash(*post_state);
  else
    rlp.append_u64(receipt.success() ? 1 : 0);  // EIP-658 status: 1 success, 0 failure
  rlp.append_u64(cumulative_gas);
  rlp.append_bytes(bloom.view());
  const size_t logs = rlp.begin_list();
  for (const Log& log : receipt.logs) rlp.append_raw(rlp_encode_log(log));
  rlp.end_list(logs);
  rlp.end_list(list);
  return rlp.take();
}

Hash receipts_root(const BlockExecution& execution) {
  std::vector<Bytes> encoded;
  encoded.reserve(execution.receipts.size());
  for (size_t i = 0; i < execution.receipts.size(); ++i) {
    const TxReceipt& receipt = execution.receipts[i];
    encoded.push_back(encode_receipt(receipt, execution.cumulative_gas[i], receipt_bloom(receipt)));
  }
  return ordered_trie_root(encoded);
}

}  // namespace paraevm
