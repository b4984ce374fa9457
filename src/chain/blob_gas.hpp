// EIP-4844 blob gas pricing: the blob schedule per revision, the blob base fee derived from a
// block's excess blob gas, and the excess blob gas of the next block (with EIP-7918's reserve
// price from Osaka).
#pragma once

#include <cstdint>
#include <optional>

#include "base/uint256.hpp"
#include "evm/revision.hpp"

namespace paraevm {

/// Blob gas per blob (EIP-4844).
inline constexpr uint64_t kGasPerBlob = uint64_t{1} << 17;
/// Lowest blob base fee (EIP-4844).
inline constexpr uint64_t kMinBlobBaseFee = 1;
/// EIP-7918 (Osaka): the execution cost a blob's base fee is bound to.
inline constexpr uint64_t kBlobBaseCost = uint64_t{1} << 13;
/// EIP-7594 (Osaka): most blobs one transaction may carry.
inline constexpr uint64_t kMaxBlobsPerTxOsaka = 6;

/// Blob counts per block and the base-fee update fraction of a fork (EIP-7840 `blobSchedule`).
struct BlobSchedule {
  uint64_t target = 0;
  uint64_t max = 0;
  uint64_t base_fee_update_fraction = 0;

  uint64_t target_blob_gas() const { return target * kGasPerBlob; }
  uint64_t max_blob_gas() const { return max * kGasPerBlob; }
  friend bool operator==(const BlobSchedule&, const BlobSchedule&) = default;
};

/// The schedule a revision ships with (Cancun 3/6/3338477, Prague and Osaka 6/9/5007716);
/// nullopt before Cancun. Blob-parameter-only forks are not revisions: chain configs (fixture
/// `config.blobSchedule`) supply their values.
std::optional<BlobSchedule> default_blob_schedule(Revision rev);

/// EIP-4844 fake_exponential: an integer approximation of factor * e^(numerator / denominator),
/// computed exactly (wide intermediates). Saturates at U256::max() where the value does not fit
/// in 256 bits; a zero denominator yields zero.
U256 fake_exponential(uint64_t factor, uint64_t numerator, uint64_t denominator);

/// Blob base fee of a block with `excess_blob_gas` under `schedule`.
U256 blob_base_fee(uint64_t excess_blob_gas, const BlobSchedule& schedule);

/// Excess blob gas of a block whose parent had `parent_excess` and used `parent_blob_gas_used`.
/// From Osaka (`reserve_price`, EIP-7918) the excess keeps growing while the blob base fee is
/// below kBlobBaseCost * parent_base_fee / kGasPerBlob.
uint64_t next_excess_blob_gas(uint64_t parent_excess, uint64_t parent_blob_gas_used,
                              const BlobSchedule& schedule, bool reserve_price,
                              const U256& parent_base_fee);

}  // namespace paraevm
