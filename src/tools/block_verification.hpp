// Checks of an executed mainnet snapshot against its header and its RPC data.
#pragma once

#include <string>
#include <vector>

#include "chain/block_executor.hpp"
#include "tools/mainnet_snapshot.hpp"

namespace paraevm::tools {

/// What differs between the execution and the snapshot's header and transactions: gasUsed,
/// logsBloom, receiptsRoot (from Byzantium), transactionsRoot, transaction hashes, recovered
/// senders, and the DAO fork blocks' extraData. Empty when everything matches.
std::vector<std::string> verify_block(const MainnetSnapshot& snap, Revision rev, const BlockExecution& exec);

/// Snapshot folders (those holding block.json) named directly or found one level down.
std::vector<std::string> expand_snapshot_dirs(const std::vector<std::string>& paths);

}  // namespace paraevm::tools
