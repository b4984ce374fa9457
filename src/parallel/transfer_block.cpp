#include "parallel/transfer_block.hpp"

#include <algorithm>

#include "precompiles/precompile.hpp"

namespace paraevm::parallel {
namespace {

/// Whether `tx` pays the coinbase a non-zero priority fee per gas (gas used is never zero).
bool pays_priority_fee(const Transaction& tx, const BlockEnv& env) {
  if (tx.type < TxType::DynamicFee) return tx.gas_price > env.base_fee;
  if (tx.max_fee_per_gas < env.base_fee) return false;  // invalid: the in-order path says why
  return !std::min(tx.max_priority_fee_per_gas, tx.max_fee_per_gas - env.base_fee).is_zero();
}

/// Credited without being read (chain/transition.cpp, is_lazy_transfer): no calldata, a value,
/// another account.
bool credits_lazily(const Transaction& tx, const Address& sender) {
  return tx.data.empty() && !tx.value.is_zero() && *tx.to != sender;
}

/// Whether one sender sent more than `share` of the block's first transactions (up to 64). Its
/// transactions all fall in one component, which then bounds the speedup: the blocks of plain
/// transfers on mainnet are mostly an exchange's payouts from one account. Looking at a sample
/// first spares such a block the planning passes (about a tenth of its in-order time).
bool one_sender_dominates(std::span<const Address> senders, double share) {
  constexpr size_t kSample = 64;
  const size_t k = std::min(kSample, senders.size());
  if (k < 16) return false;
  // The majority vote (Boyer-Moore): a sender with over half of the sample is the candidate.
  const Address* candidate = &senders[0];
  size_t votes = 0;
  for (size_t i = 0; i < k; ++i) {
    if (votes == 0) candidate = &senders[i];
    if (senders[i] == *candidate)
      ++votes;
    else
      --votes;
  }
  const auto count = static_cast<size_t>(std::count(senders.begin(), senders.begin() + k, *candidate));
  return static_cast<double>(count) > std::max(0.5, share) * static_cast<double>(k);
}

uint32_t find_root(std::vector<uint32_t>& parent, uint32_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];  // path halving
    i = parent[i];
  }
  return i;
}

}  // namespace

bool plan_transfer_block(const BlockEnv& env, Revision rev, std::span<const Transaction> txs,
                         std::span<const Address> senders, TransferPlanner& planner,
                         TransferBlockPlan& plan, double max_largest_share) {
  const size_t n = txs.size();
  if (one_sender_dominates(senders, max_largest_share)) return false;
  planner.ids.reset(2 * n);
  planner.parent.clear();
  planner.account_read.clear();
  planner.sender_id.resize(n);
  planner.recipient_id.resize(n);
  auto id_of = [&](const Address& a) {
    uint32_t& id = planner.ids[a];
    if (id == 0) {
      planner.parent.push_back(static_cast<uint32_t>(planner.parent.size()));
      planner.account_read.push_back(0);
      id = static_cast<uint32_t>(planner.parent.size());
    }
    return id - 1;
  };
  // Pass 1: eligibility (but for the recipients' code, which the workers check), and which
  // accounts some transaction reads (every sender; a recipient not credited lazily).
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n && txs[i + kAhead].to) {
      planner.ids.prefetch(senders[i + kAhead]);
      planner.ids.prefetch(*txs[i + kAhead].to);
    }
    const Transaction& tx = txs[i];
    // Calldata almost always calls code: such a block is rejected here, at the first contract
    // call, before the workers start (they would find the code only then).
    if (!tx.to || !tx.data.empty() || tx.type == TxType::SetCode || !tx.blob_versioned_hashes.empty())
      return false;
    const Address& to = *tx.to;
    if (to == env.coinbase || senders[i] == env.coinbase || !pays_priority_fee(tx, env)) return false;
    if (is_precompile(rev, to)) return false;
    const uint32_t sender = id_of(senders[i]);
    const uint32_t recipient = id_of(to);
    planner.sender_id[i] = sender;
    planner.recipient_id[i] = recipient;
    planner.account_read[sender] = 1;
    if (!credits_lazily(tx, senders[i])) planner.account_read[recipient] = 1;
  }
  // Pass 2: components. A transaction joins its sender's; a read recipient joins it too (a
  // credit into an account that is read must be seen in order).
  plan.recipient_read.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t r = planner.recipient_id[i];
    if (!planner.account_read[r]) continue;
    plan.recipient_read[i] = true;
    const uint32_t a = find_root(planner.parent, planner.sender_id[i]), b = find_root(planner.parent, r);
    if (a != b) planner.parent[std::max(a, b)] = std::min(a, b);
  }
  // Pass 3: each component's transactions as a list in block order.
  plan.heads.clear();
  plan.next.assign(n, kNoTx);
  planner.last.assign(planner.parent.size(), 0);
  planner.count.assign(planner.parent.size(), 0);
  plan.largest = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t root = find_root(planner.parent, planner.sender_id[i]);
    if (planner.last[root] == 0)
      plan.heads.push_back(static_cast<TxIndex>(i));
    else
      plan.next[planner.last[root] - 1] = static_cast<TxIndex>(i);
    planner.last[root] = static_cast<uint32_t>(i + 1);
    plan.largest = std::max<size_t>(plan.largest, ++planner.count[root]);
  }
  return true;
}

void TransferOverlayView::reset(StateView& pre, const Address& coinbase, size_t expected_accounts) {
  pre_ = &pre;
  coinbase_ = coinbase;
  accounts_.reset(expected_accounts);
}

void TransferOverlayView::apply(const StateDiff& diff, const Address& recipient, bool keep_credit) {
  for (const AccountDiff& d : diff.accounts) {
    if (d.address == coinbase_) continue;  // fees: read by no transaction of the block
    if (d.credit_only() && d.address == recipient && !keep_credit) continue;
    accounts_[d.address].apply(d);  // without reading the account
  }
}

std::optional<AccountInfo> TransferOverlayView::read_account(const Address& addr) {
  const AccountChanges* e = accounts_.find(addr);
  return e == nullptr ? pre_->read_account(addr) : e->read(*pre_, addr);
}

}  // namespace paraevm::parallel
