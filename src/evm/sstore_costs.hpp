// SSTORE gas cost and refund per revision, indexed by the StorageStatus the host reports.
// Costs exclude EIP-2929's cold-slot surcharge, which the interpreter adds separately.
#pragma once

#include <array>
#include <cstdint>

#include "evm/host.hpp"
#include "evm/revision.hpp"

namespace paraevm {

struct SstoreCost {
  int16_t gas = 0;
  int32_t refund = 0;
};

/// One row per StorageStatus value (Assigned, Added, Deleted, Modified, DeletedAdded,
/// ModifiedDeleted, DeletedRestored, AddedDeleted, ModifiedRestored).
using SstoreTable = std::array<SstoreCost, 9>;

namespace detail {

/// Frontier rule: 20000 to set a zero slot, 5000 otherwise, 15000 refund for clearing.
constexpr SstoreTable legacy_sstore() {
  constexpr int16_t kSet = 20000, kReset = 5000;
  constexpr int32_t kClear = 15000;
  return {{
      {kReset, 0},       // Assigned: X->Y->Z / no-op writes: current non-zero or zero->zero
      {kSet, 0},         // Added 0->0->Z
      {kReset, kClear},  // Deleted X->X->0
      {kReset, 0},       // Modified X->X->Z
      {kSet, 0},         // DeletedAdded X->0->Z: current is zero
      {kReset, kClear},  // ModifiedDeleted X->Y->0
      {kSet, 0},         // DeletedRestored X->0->X: current is zero
      {kReset, kClear},  // AddedDeleted 0->Y->0
      {kReset, 0},       // ModifiedRestored X->Y->X
  }};
}

/// Net gas metering (EIP-1283, EIP-2200, EIP-2929, EIP-3529): `dirty` is the cost of touching an
/// already-written slot, `reset` of modifying a clean non-zero slot, `clear` the clearing refund.
constexpr SstoreTable net_metered_sstore(int16_t dirty, int16_t reset, int32_t clear) {
  constexpr int16_t kSet = 20000;
  return {{
      {dirty, 0},                          // Assigned
      {kSet, 0},                           // Added
      {reset, clear},                      // Deleted
      {reset, 0},                          // Modified
      {dirty, -clear},                     // DeletedAdded: the clear refund is taken back
      {dirty, clear},                      // ModifiedDeleted
      {dirty, -clear + (reset - dirty)},   // DeletedRestored: take back clear, refund the reset
      {dirty, kSet - dirty},               // AddedDeleted
      {dirty, reset - dirty},              // ModifiedRestored
  }};
}

constexpr std::array<SstoreTable, kRevisionCount> make_sstore_tables() {
  std::array<SstoreTable, kRevisionCount> t{};
  for (int r = 0; r < kRevisionCount; ++r) {
    auto rev = static_cast<Revision>(r);
    if (at_least(rev, Revision::London))
      t[r] = net_metered_sstore(100, 2900, 4800);  // EIP-3529: clear refund 4800
    else if (at_least(rev, Revision::Berlin))
      t[r] = net_metered_sstore(100, 2900, 15000);  // EIP-2929: warm read 100, reset 5000-2100
    else if (at_least(rev, Revision::Istanbul))
      t[r] = net_metered_sstore(800, 5000, 15000);  // EIP-2200: SLOAD_GAS 800
    else if (rev == Revision::Constantinople)
      t[r] = net_metered_sstore(200, 5000, 15000);  // EIP-1283 (removed again in Petersburg)
    else
      t[r] = legacy_sstore();
  }
  return t;
}

}  // namespace detail

inline constexpr std::array<SstoreTable, kRevisionCount> kSstoreTables =
    detail::make_sstore_tables();

/// Cost and refund of an SSTORE in `rev` for `status`.
constexpr SstoreCost sstore_cost(Revision rev, StorageStatus status) {
  return kSstoreTables[static_cast<int>(rev)][static_cast<int>(status)];
}

// Values from the EIPs' own test tables.
static_assert(sstore_cost(Revision::Istanbul, StorageStatus::DeletedRestored).refund == -10800);
static_assert(sstore_cost(Revision::Berlin, StorageStatus::AddedDeleted).refund == 19900);
static_assert(sstore_cost(Revision::London, StorageStatus::DeletedRestored).refund == -2000);
static_assert(sstore_cost(Revision::Constantinople, StorageStatus::ModifiedRestored).refund == 4800);

/// EIP-2200: SSTORE fails when the gas left is at most the call stipend (Istanbul on).
inline constexpr int64_t kSstoreSentry = 2300;

}  // namespace paraevm
