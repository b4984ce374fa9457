#include "chain/header_validation.hpp"

#include <algorithm>

#include "base/keccak.hpp"
#include "chain/dao_fork.hpp"

namespace paraevm {

namespace {

constexpr uint64_t kGasLimitBoundDivisor = 1024;
constexpr uint64_t kMinGasLimit = 5000;
constexpr uint64_t kElasticityMultiplier = 2;
constexpr uint64_t kBaseFeeMaxChangeDenominator = 8;
constexpr uint64_t kInitialBaseFee = 1'000'000'000;
constexpr size_t kMaxExtraData = 32;
constexpr uint64_t kMaxGasLimit = 0x7fff'ffff'ffff'ffff;

bool gas_limit_ok(uint64_t limit, uint64_t parent_limit) {
  const uint64_t max_delta = parent_limit / kGasLimitBoundDivisor;
  if (limit >= parent_limit + max_delta) return false;
  if (limit <= parent_limit - max_delta) return false;
  return limit >= kMinGasLimit;
}

constexpr uint64_t kMinDifficulty = 131072;

/// Difficulty-bomb delay in blocks per revision (EIP-649, EIP-1234, EIP-2384 with Berlin's
/// revision, EIP-3554 with London's; Arrow and Gray Glacier are not revisions of their own).
constexpr uint64_t bomb_delay(Revision rev) {
  if (at_least(rev, Revision::London)) return 9'700'000;
  if (at_least(rev, Revision::Berlin)) return 9'000'000;
  if (at_least(rev, Revision::Constantinople)) return 5'000'000;
  if (at_least(rev, Revision::Byzantium)) return 3'000'000;
  return 0;
}

/// The proof-of-work difficulty a block must have (Frontier, Homestead EIP-2, Byzantium EIP-100).
U256 expected_difficulty(const BlockHeader& h, const BlockHeader& parent, Revision rev,
                         const Hash& empty_ommers_hash) {
  const U256 step = parent.difficulty / U256{2048};
  const uint64_t dt = h.timestamp - parent.timestamp;
  int64_t factor = 0;
  if (at_least(rev, Revision::Byzantium))
    factor = std::max<int64_t>((parent.ommers_hash == empty_ommers_hash ? 1 : 2) -
                                   static_cast<int64_t>(std::min<uint64_t>(dt / 9, 1000)),
                               -99);
  else if (at_least(rev, Revision::Homestead))
    factor = std::max<int64_t>(1 - static_cast<int64_t>(std::min<uint64_t>(dt / 10, 1000)), -99);
  else
    factor = dt < 13 ? 1 : -1;
  U256 d = factor >= 0 ? parent.difficulty + step * U256{static_cast<uint64_t>(factor)}
                       : parent.difficulty - step * U256{static_cast<uint64_t>(-factor)};
  const uint64_t delay = bomb_delay(rev);
  if (h.number >= delay && (h.number - delay) / 100000 >= 2) {
    const uint64_t periods = (h.number - delay) / 100000 - 2;
    if (periods < 256) d = d + (U256{1} << periods);
  }
  return d < U256{kMinDifficulty} ? U256{kMinDifficulty} : d;
}

std::optional<std::string> check_blob_fields(const BlockHeader& h, const BlockHeader& parent,
                                             const HeaderRules& rules) {
  if (!rules.blob_schedule) return std::nullopt;
  const uint64_t parent_excess = parent.excess_blob_gas.value_or(0);
  const uint64_t parent_used = parent.blob_gas_used.value_or(0);
  const U256 parent_base_fee = parent.base_fee.value_or(U256{});
  const uint64_t expected =
      next_excess_blob_gas(parent_excess, parent_used, *rules.blob_schedule,
                           at_least(rules.rev, Revision::Osaka), parent_base_fee);
  if (*h.excess_blob_gas != expected) return std::string("INCORRECT_EXCESS_BLOB_GAS");
  if (*h.blob_gas_used > rules.blob_schedule->max_blob_gas())
    return std::string("BLOB_GAS_USED_ABOVE_LIMIT");
  if (*h.blob_gas_used % kGasPerBlob != 0) return std::string("INCORRECT_BLOB_GAS_USED");
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_fork_fields(const BlockHeader& h, Revision rev) {
  auto want = [&](bool present, Revision since, const char* name) -> std::optional<std::string> {
    if (present != at_least(rev, since))
      return std::string("header field ") + name + (present ? " unexpected" : " missing");
    return std::nullopt;
  };
  if (auto e = want(h.base_fee.has_value(), Revision::London, "baseFeePerGas")) return e;
  if (auto e = want(h.withdrawals_root.has_value(), Revision::Shanghai, "withdrawalsRoot"))
    return e;
  if (auto e = want(h.blob_gas_used.has_value(), Revision::Cancun, "blobGasUsed")) return e;
  if (auto e = want(h.excess_blob_gas.has_value(), Revision::Cancun, "excessBlobGas")) return e;
  if (auto e =
          want(h.parent_beacon_block_root.has_value(), Revision::Cancun, "parentBeaconBlockRoot"))
    return e;
  return want(h.requests_hash.has_value(), Revision::Prague, "requestsHash");
}

U256 expected_base_fee(const BlockHeader& parent, bool fork_block) {
  if (fork_block || !parent.base_fee) return U256{kInitialBaseFee};
  const U256 parent_fee = *parent.base_fee;
  const uint64_t target = parent.gas_limit / kElasticityMultiplier;
  if (parent.gas_used == target) return parent_fee;
  if (parent.gas_used > target) {
    const U256 delta = parent_fee * U256{parent.gas_used - target} / U256{target} /
                       U256{kBaseFeeMaxChangeDenominator};
    return parent_fee + (delta == U256{} ? U256{1} : delta);
  }
  const U256 delta = parent_fee * U256{target - parent.gas_used} / U256{target} /
                     U256{kBaseFeeMaxChangeDenominator};
  return parent_fee - delta;
}

std::optional<std::string> validate_header(const BlockHeader& h, const BlockHeader& parent,
                                           const HeaderRules& rules) {
  if (auto e = check_fork_fields(h, rules.rev)) return e;
  if (h.number != parent.number + 1) return std::string("INVALID_BLOCK_NUMBER");
  if (h.timestamp <= parent.timestamp)
    return std::string("INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT");
  if (h.extra_data.size() > kMaxExtraData) return std::string("EXTRA_DATA_TOO_BIG");
  if (dao_extra_data_required(h.number, rules.dao_fork_block) &&
      !std::ranges::equal(h.extra_data, dao_fork_extra_data()))
    return std::string("EXTRA_DATA_INVALID_DAO");
  if (h.gas_used > h.gas_limit) return std::string("GAS_USED_OVERFLOW");
  // Gas amounts are signed 64-bit in the EVM (geth, EIP-1985): a larger limit is invalid.
  if (h.gas_limit > kMaxGasLimit) return std::string("GASLIMIT_TOO_BIG");
  const bool london_fork_block =
      rules.rev == Revision::London && rules.parent_rev != Revision::London;
  // The London fork block's gas target doubles: the parent's limit counts twice.
  const uint64_t parent_limit =
      london_fork_block ? parent.gas_limit * kElasticityMultiplier : parent.gas_limit;
  if (!gas_limit_ok(h.gas_limit, parent_limit)) return std::string("INVALID_GASLIMIT");
  if (h.base_fee && *h.base_fee != expected_base_fee(parent, london_fork_block))
    return std::string("INVALID_BASEFEE_PER_GAS");
  static const Hash kEmptyOmmersHash = keccak256(Bytes{0xc0});  // keccak(rlp([]))
  if (!at_least(rules.rev, Revision::Paris) &&
      h.difficulty != expected_difficulty(h, parent, rules.rev, kEmptyOmmersHash))
    return std::string("INVALID_DIFFICULTY");
  if (at_least(rules.rev, Revision::Paris)) {
    if (h.difficulty != U256{}) return std::string("IMPROPER_DIFFICULTY");
    if (!h.nonce.is_zero()) return std::string("INVALID_NONCE");
    if (h.ommers_hash != kEmptyOmmersHash) return std::string("INVALID_OMMERS_HASH");
  }
  return check_blob_fields(h, parent, rules);
}

}  // namespace paraevm
