// Loads a mainnet block snapshot folder (block.json, pre_state.json, bytecodes.json and the
// optional block_hashes.json; formats in ../shared/data/README.md) into a Block, the senders and
// hashes the RPC reported, and the pre-state.
#pragma once

#include <filesystem>
#include <vector>

#include "chain/block.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm::tools {

struct MainnetSnapshot {
  std::filesystem::path dir;
  Block block;
  Hash block_hash;
  /// Per transaction: the `from` and `hash` the RPC reported, to check recovery and encoding.
  std::vector<Address> senders;
  std::vector<Hash> tx_hashes;
  /// The state the transactions start from: pre_state.json, and for mainnet's DAO fork block
  /// (1,920,000) the fork's irregular state change applied to it (EIP-779).
  InMemoryState pre_state;
};

/// Throws FixtureError naming the file and the key path at fault.
MainnetSnapshot load_mainnet_snapshot(const std::filesystem::path& dir);

}  // namespace paraevm::tools
