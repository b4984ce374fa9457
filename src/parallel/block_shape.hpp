// Predicting, before execution, whether a block is worth running in parallel. Some blocks are
// chains by construction: most of their transactions come from one sender (an exchange's
// payout batch: each depends on the previous nonce). Optimistic execution of such a block
// re-executes nearly every transaction and runs slower than in order (measured: mainnet
// 5891667, 380 transactions of one sender, 0.10x on 2 threads), so the automatic mode runs
// them in order.
#pragma once

#include <span>
#include <vector>

#include "chain/transaction.hpp"
#include "parallel/speedup_model.hpp"

namespace paraevm::parallel {

/// The dependencies that are certain from the transactions alone: each transaction depends on
/// the previous one of its sender (nonce) and on the plain value transfers (no calldata) paid
/// into its sender since then (it reads the balance they credited). Plain transfers into one
/// account do not depend on each other: their credits are lazy. Costs are gas limits. Contract
/// calls may conflict in storage too: that only the execution finds out.
DependencyGraph predicted_dependencies(std::span<const Transaction> txs,
                                       std::span<const Address> senders);

/// The speedup that predicted_dependencies() allows on `threads` threads (list scheduling).
double predicted_speedup(std::span<const Transaction> txs, std::span<const Address> senders,
                         unsigned threads);

/// predicted_speedup(txs, senders, threads) < threshold, answered in one pass over the
/// transactions when the bounds of list scheduling decide it (most blocks), so that the check
/// costs little next to a small block's execution.
bool predicted_speedup_below(std::span<const Transaction> txs, std::span<const Address> senders,
                             unsigned threads, double threshold);

}  // namespace paraevm::parallel
