// Fork schedules: which revision rules a block runs under, by block number and timestamp.
#pragma once

#include <cstdint>

#include "evm/revision.hpp"

namespace paraevm {

/// Ethereum mainnet's schedule (the Muir, Arrow and Gray Glacier forks only move the difficulty
/// bomb and map to the revision before them; the DAO fork is a state change, not a revision).
Revision mainnet_revision(uint64_t block_number, uint64_t timestamp);

/// Mainnet block of the DAO fork's irregular state change.
inline constexpr uint64_t kMainnetDaoForkBlock = 1'920'000;

}  // namespace paraevm
