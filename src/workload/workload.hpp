// dApp-shaped benchmark blocks: a generated pre-state (contracts deployed by running their
// constructors through paraevm) and a block of signed transactions over it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chain/transition.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm::workload {

enum class Kind : uint8_t { Raw, Erc20, Amm, Nft, Game, Mixed };

std::optional<Kind> kind_from_name(std::string_view name);
std::string_view kind_name(Kind kind);

struct Spec {
  Kind kind = Kind::Mixed;
  /// Number of transactions; when zero, `gas` decides.
  size_t txs = 0;
  /// Target gas of the block (used when txs == 0).
  uint64_t gas = 0;
  /// Share (0..1) of transactions that hit one hot account, pool, slot or counter.
  double hot = 0.0;
  uint64_t seed = 1;
};

/// What an address of the workload is, for reports: "ERC-20 token PT", "AMM pair T0/T1", "hot
/// recipient".
struct AddressName {
  Address address;
  std::string name;
};

/// A ready block: execute `txs` from `senders` on a copy of `pre` under `env` and `rev`.
struct Workload {
  std::string name;
  Revision rev = Revision::Prague;
  BlockEnv env;
  InMemoryState pre;
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  std::vector<AddressName> names;  ///< its contracts and hot account
};

/// Builds the workload deterministically from the spec (same spec, same block).
/// Throws std::runtime_error when a setup transaction fails (a bug, not a user error).
Workload build(const Spec& spec);

}  // namespace paraevm::workload
