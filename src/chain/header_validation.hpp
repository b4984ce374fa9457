// Header checks that touch execution: parent linkage, gas limit bounds, EIP-1559 base fee,
// EIP-4844 blob gas fields, fields that appear fork by fork, extra data (with the DAO fork's) and
// merge constants.
#pragma once

#include <optional>
#include <string>

#include "chain/blob_gas.hpp"
#include "chain/block.hpp"
#include "evm/revision.hpp"

namespace paraevm {

/// The rules a header is checked under.
struct HeaderRules {
  Revision rev = Revision::Frontier;
  Revision parent_rev = Revision::Frontier;
  /// Blob schedule of the block (Cancun on); nullopt before.
  std::optional<BlobSchedule> blob_schedule;
  /// The chain's DAO fork block (mainnet kMainnetDaoForkBlock); nullopt when the chain does not
  /// support the fork (test networks). It and the 9 blocks after it must carry "dao-hard-fork".
  std::optional<uint64_t> dao_fork_block;
};

/// The optional header fields each fork adds (baseFeePerGas, withdrawalsRoot, blobGasUsed,
/// excessBlobGas, parentBeaconBlockRoot, requestsHash) must be present exactly from that fork on.
/// Returns "header field <name> missing" or "... unexpected", or nullopt.
std::optional<std::string> check_fork_fields(const BlockHeader& header, Revision rev);

/// EIP-1559 base fee of a block whose parent is `parent` (London transition: 1 gwei).
U256 expected_base_fee(const BlockHeader& parent, bool fork_block);

/// Checks `header` against its parent. Returns the first violation, or nullopt.
std::optional<std::string> validate_header(const BlockHeader& header, const BlockHeader& parent,
                                           const HeaderRules& rules);

}  // namespace paraevm
