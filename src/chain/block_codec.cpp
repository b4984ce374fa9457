#include "chain/block_codec.hpp"

#include "base/keccak.hpp"
#include "chain/transaction_codec.hpp"

namespace paraevm {

namespace {

template <size_t N>
FixedBytes<N> read_fixed(RlpReader& r, const char* what) {
  const size_t at = r.offset();
  BytesView b = r.read_bytes();
  if (b.size() != N)
    throw RlpError(std::string(what) + ": expected " + std::to_string(N) + " bytes", at);
  return FixedBytes<N>::from_view(b);
}

Withdrawal decode_withdrawal(RlpReader& outer) {
  RlpReader r = outer.read_list();
  Withdrawal w;
  w.index = r.read_u64();
  w.validator_index = r.read_u64();
  w.address = r.read_address();
  w.amount_gwei = r.read_u64();
  r.expect_end();
  return w;
}

}  // namespace

Bytes encode_header(const BlockHeader& h) {
  RlpEncoder e(600);
  const size_t mark = e.begin_list();
  e.append_hash(h.parent_hash).append_hash(h.ommers_hash).append_address(h.coinbase);
  e.append_hash(h.state_root).append_hash(h.transactions_root).append_hash(h.receipts_root);
  e.append_bytes(h.logs_bloom.view()).append_u256(h.difficulty).append_u64(h.number);
  e.append_u64(h.gas_limit).append_u64(h.gas_used).append_u64(h.timestamp);
  e.append_bytes(h.extra_data).append_hash(h.mix_hash).append_bytes(h.nonce.view());
  if (h.base_fee) e.append_u256(*h.base_fee);
  if (h.withdrawals_root) e.append_hash(*h.withdrawals_root);
  if (h.blob_gas_used) e.append_u64(*h.blob_gas_used);
  if (h.excess_blob_gas) e.append_u64(*h.excess_blob_gas);
  if (h.parent_beacon_block_root) e.append_hash(*h.parent_beacon_block_root);
  if (h.requests_hash) e.append_hash(*h.requests_hash);
  e.end_list(mark);
  return e.take();
}

Hash block_hash(const BlockHeader& header) { return keccak256(encode_header(header)); }

BlockHeader decode_header(RlpReader& outer) {
  RlpReader r = outer.read_list();
  BlockHeader h;
  h.parent_hash = r.read_hash();
  h.ommers_hash = r.read_hash();
  h.coinbase = r.read_address();
  h.state_root = r.read_hash();
  h.transactions_root = r.read_hash();
  h.receipts_root = r.read_hash();
  h.logs_bloom = read_fixed<256>(r, "logsBloom");
  h.difficulty = r.read_u256();
  h.number = r.read_u64();
  h.gas_limit = r.read_u64();
  h.gas_used = r.read_u64();
  h.timestamp = r.read_u64();
  const BytesView extra = r.read_bytes();
  h.extra_data.assign(extra.begin(), extra.end());
  h.mix_hash = r.read_hash();
  h.nonce = read_fixed<8>(r, "nonce");
  if (!r.at_end()) h.base_fee = r.read_u256();
  if (!r.at_end()) h.withdrawals_root = r.read_hash();
  if (!r.at_end()) h.blob_gas_used = r.read_u64();
  if (!r.at_end()) h.excess_blob_gas = r.read_u64();
  if (!r.at_end()) h.parent_beacon_block_root = r.read_hash();
  if (!r.at_end()) h.requests_hash = r.read_hash();
  r.expect_end();
  return h;
}

std::optional<DecodedBlock> decode_block(BytesView encoded, std::string* error) {
  try {
    DecodedBlock out;
    out.encoded_size = encoded.size();
    RlpReader top = RlpReader::open_list(encoded);
    RlpReader header_reader = top;
    out.hash = keccak256(header_reader.read_raw());
    out.block.header = decode_header(top);
    RlpReader txs = top.read_list();
    while (!txs.at_end()) {
      const RlpItem item = txs.read_item();
      std::string tx_error;
      auto tx = decode_block_transaction(item, &tx_error);
      if (!tx) {
        if (error)
          *error = "transaction " + std::to_string(out.block.transactions.size()) + ": " + tx_error;
        return std::nullopt;
      }
      out.block.transactions.push_back(std::move(*tx));
    }
    RlpReader ommers_raw = top;
    out.ommers_hash = keccak256(ommers_raw.read_raw());
    RlpReader ommers = top.read_list();
    while (!ommers.at_end()) out.block.ommers.push_back(decode_header(ommers));
    if (!top.at_end()) {
      RlpReader ws = top.read_list();
      out.block.withdrawals.emplace();
      while (!ws.at_end()) out.block.withdrawals->push_back(decode_withdrawal(ws));
    }
    top.expect_end();
    return out;
  } catch (const RlpError& e) {
    if (error) *error = std::string("block RLP: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace paraevm
