// Blocks of plain value transfers: every account a transaction reads or writes is known before
// execution, so the block needs no multi-version memory, no validation and no re-execution.
// Transactions are grouped into components of accounts they share (union-find); each component
// runs in block order on one worker, over the pre-block state and what its own earlier
// transactions changed; the components run side by side. The coinbase's fees and the credits of
// plain transfers into accounts that no transaction of the block reads are additive, so they
// join no component (as in the engine, chain/transition.cpp credits them lazily). Commit and
// every block-level check stay in order, as for the engine.
//
// A block qualifies when each transaction is a call without calldata (not a creation, no EIP-7702
// authorizations, no blobs) to an account without code in the pre-block state that is not a
// precompile, neither sender nor recipient is the coinbase, and each pays the coinbase a non-zero
// priority fee (a zero fee touches the coinbase, which reads it). Nothing then runs code, so no
// account gains code or storage during the block.
#pragma once

#include <span>
#include <vector>

#include "chain/transaction.hpp"
#include "chain/transition.hpp"
#include "parallel/account_changes.hpp"
#include "parallel/address_map.hpp"
#include "parallel/types.hpp"
#include "evm/revision.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"

namespace paraevm::parallel {

struct TransferBlockPlan {
  std::vector<TxIndex> heads;  ///< the first transaction of each component, in block order
  std::vector<TxIndex> next;   ///< per transaction: the next one of its component, or kNoTx
  /// Per transaction: its recipient is read by some transaction of the block, so its credit
  /// must be visible to the component (false: an additive credit nobody in the block reads).
  std::vector<bool> recipient_read;
  size_t largest = 0;  ///< transactions in the largest component
};

/// Scratch space of plan_transfer_block(), kept across blocks.
struct TransferPlanner {
  AddressMap<uint32_t> ids;  // account -> index + 1 in `parent`
  std::vector<uint32_t> parent;
  std::vector<uint8_t> account_read;
  std::vector<uint32_t> last;   // per component root: its last transaction + 1
  std::vector<uint32_t> count;  // per component root: its transactions
  std::vector<uint32_t> sender_id, recipient_id;  // per transaction
};

/// Fills `plan` and returns true when the block qualifies (see above), but for the recipients'
/// code: the workers check it before each transaction, where the pre-block state is read
/// anyway. Also false, before any planning, when one sender sent more than `max_largest_share`
/// (at least half) of the block's first 64 transactions: its component would be too large.
bool plan_transfer_block(const BlockEnv& env, Revision rev, std::span<const Transaction> txs,
                         std::span<const Address> senders, TransferPlanner& planner,
                         TransferBlockPlan& plan, double max_largest_share = 1.0);

/// A worker's view in a transfer block: the pre-block state with the accounts that the worker's
/// earlier transactions changed. Components never share an account, so one overlay per worker
/// serves all its components.
class TransferOverlayView final : public StateView {
 public:
  void reset(StateView& pre, const Address& coinbase, size_t expected_accounts);
  /// Records what a transaction changed. Credit-only entries of accounts nobody in the block
  /// reads are left out (`keep_credit` false for the recipient), as is the coinbase.
  void apply(const StateDiff& diff, const Address& recipient, bool keep_credit);

  std::optional<AccountInfo> read_account(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override { return pre_->read_storage(addr, key); }
  SharedCode read_code(const Hash& code_hash) override { return pre_->read_code(code_hash); }
  Hash read_block_hash(uint64_t number) override { return pre_->read_block_hash(number); }
  bool has_storage(const Address& addr) override { return pre_->has_storage(addr); }

 private:
  StateView* pre_ = nullptr;
  Address coinbase_;
  AddressMap<AccountChanges> accounts_;  // what the worker's transactions changed
};

}  // namespace paraevm::parallel
