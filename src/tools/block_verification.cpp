#include "tools/block_verification.hpp"

#include <algorithm>
#include <filesystem>

#include "base/hex.hpp"
#include "chain/chain_config.hpp"
#include "chain/dao_fork.hpp"
#include "chain/receipt.hpp"
#include "chain/sender.hpp"
#include "chain/transaction_codec.hpp"
#include "trie/trie_root.hpp"

namespace paraevm::tools {
namespace {

std::string differs(std::string_view what, const std::string& expected, const std::string& got) {
  return std::string(what) + " expected " + expected + " got " + got;
}

/// Transaction hashes, encodings and senders: the first transaction that disagrees.
void verify_transactions(const MainnetSnapshot& snap, Revision rev, std::vector<std::string>& out) {
  const auto& txs = snap.block.transactions;
  std::vector<Bytes> encoded;
  encoded.reserve(txs.size());
  for (size_t i = 0; i < txs.size(); ++i) {
    encoded.push_back(encode_transaction(txs[i]));
    const Hash hash = transaction_hash(txs[i]);
    if (hash != snap.tx_hashes[i]) {
      out.push_back("tx " + std::to_string(i) + ": " + differs("hash", to_hex(snap.tx_hashes[i]), to_hex(hash)));
      return;
    }
    const SenderResult sender = recover_sender(txs[i], rev, U256(1));
    if (!sender.ok() || *sender.sender != snap.senders[i]) {
      out.push_back("tx " + std::to_string(i) + ": " +
                    differs("sender", to_hex(snap.senders[i]),
                            sender.ok() ? to_hex(*sender.sender) : std::string(sender_error_name(sender.error))));
      return;
    }
  }
  const Hash root = ordered_trie_root(encoded);
  if (root != snap.block.header.transactions_root)
    out.push_back(differs("transactionsRoot", to_hex(snap.block.header.transactions_root), to_hex(root)));
}

}  // namespace

std::vector<std::string> verify_block(const MainnetSnapshot& snap, Revision rev, const BlockExecution& exec) {
  std::vector<std::string> out;
  const BlockHeader& header = snap.block.header;
  if (!exec.valid()) {
    out.push_back("tx " + std::to_string(*exec.invalid_tx) + " rejected: " +
                  std::string(tx_error_name(*exec.error, snap.block.transactions[*exec.invalid_tx].type)));
    return out;
  }
  if (exec.gas_used != header.gas_used)
    out.push_back(differs("gasUsed", std::to_string(header.gas_used), std::to_string(exec.gas_used)));
  if (exec.logs_bloom != header.logs_bloom) out.push_back("logsBloom differs");
  if (dao_extra_data_required(header.number, kMainnetDaoForkBlock) &&
      !std::ranges::equal(header.extra_data, dao_fork_extra_data()))
    out.push_back("extraData is not \"dao-hard-fork\" (EIP-779)");
  // Before Byzantium receipts embed intermediate state roots, which need the full state trie; the
  // snapshot's pre-state is partial, so only gas, bloom and transactions are checked there.
  if (at_least(rev, Revision::Byzantium)) {
    const Hash root = receipts_root(exec);
    if (root != header.receipts_root)
      out.push_back(differs("receiptsRoot", to_hex(header.receipts_root), to_hex(root)));
  }
  verify_transactions(snap, rev, out);
  return out;
}

std::vector<std::string> expand_snapshot_dirs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (!fs::is_directory(p) || fs::exists(fs::path(p) / "block.json")) {
      out.push_back(p);  // a snapshot, or a bad path that the loader reports
      continue;
    }
    std::vector<std::string> children;
    for (const auto& entry : fs::directory_iterator(p))
      if (fs::exists(entry.path() / "block.json")) children.push_back(entry.path().string());
    // Numeric folder names sort by block number.
    std::sort(children.begin(), children.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    if (children.empty()) out.push_back(p);  // neither a snapshot nor a folder of them
    out.insert(out.end(), children.begin(), children.end());
  }
  return out;
}

}  // namespace paraevm::tools
