// The DAO fork (EIP-779, mainnet block 1,920,000): an irregular state change at the start of the
// fork block, which moves the whole balance of every account in the drain list (The DAO, its
// child DAOs and their extraBalance accounts) to the WithdrawDAO refund contract, and the rule
// that the fork block and the nine after it carry the extra data "dao-hard-fork".
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "base/bytes.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm {

/// The WithdrawDAO contract that receives the drained balances.
extern const Address kDaoRefundContract;

/// The 116 drained accounts, in EIP-779's order (data table: chain/dao_fork_accounts.inc).
std::span<const Address> dao_drain_accounts();

/// Extra data the fork block and the following ones must carry: "dao-hard-fork".
BytesView dao_fork_extra_data();
/// How many blocks from the fork block on must carry it (the fork block and the nine after it).
inline constexpr uint64_t kDaoForkExtraDataBlocks = 10;

/// Whether block `number` must carry dao_fork_extra_data() on a chain whose DAO fork block is
/// `dao_fork_block` (nullopt: the chain does not support the fork, as test networks).
bool dao_extra_data_required(uint64_t number, std::optional<uint64_t> dao_fork_block);

/// Moves each drained account's balance to kDaoRefundContract. As in execution-specs (and geth),
/// a drained account that does not exist is created empty; nothing is removed (the fork ran
/// under Homestead rules, before EIP-161).
void apply_dao_fork(InMemoryState& state);

}  // namespace paraevm
