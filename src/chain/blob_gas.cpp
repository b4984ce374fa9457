#include "chain/blob_gas.hpp"

namespace paraevm {
namespace {

/// a * b, or nullopt when the product does not fit in 256 bits.
std::optional<U256> checked_mul(const U256& a, const U256& b) {
  if (a.bit_width() + b.bit_width() <= 256) return a * b;
  if (a.is_zero() || b.is_zero()) return U256{};
  U256 p = a * b;
  if (p / a != b) return std::nullopt;
  return p;
}

/// 384-bit unsigned integer for fake_exponential's intermediates: the running sum stays below
/// 2^320 (above that the result cannot fit 256 bits), so a term times a 64-bit numerator fits.
struct Wide {
  static constexpr int kLimbs = 6;
  uint64_t limb[kLimbs]{};

  bool is_zero() const {
    for (uint64_t l : limb)
      if (l != 0) return false;
    return true;
  }
  void mul(uint64_t m) {  // caller guarantees no overflow
    unsigned __int128 carry = 0;
    for (uint64_t& l : limb) {
      unsigned __int128 p = static_cast<unsigned __int128>(l) * m + carry;
      l = static_cast<uint64_t>(p);
      carry = p >> 64;
    }
  }
  void div(uint64_t d) {
    unsigned __int128 rem = 0;
    for (int i = kLimbs - 1; i >= 0; --i) {
      unsigned __int128 cur = (rem << 64) | limb[i];
      limb[i] = static_cast<uint64_t>(cur / d);
      rem = cur % d;
    }
  }
  void add(const Wide& o) {  // caller guarantees no overflow
    unsigned __int128 carry = 0;
    for (int i = 0; i < kLimbs; ++i) {
      unsigned __int128 s = static_cast<unsigned __int128>(limb[i]) + o.limb[i] + carry;
      limb[i] = static_cast<uint64_t>(s);
      carry = s >> 64;
    }
  }
};

}  // namespace

std::optional<BlobSchedule> default_blob_schedule(Revision rev) {
  if (!at_least(rev, Revision::Cancun)) return std::nullopt;
  if (!at_least(rev, Revision::Prague)) return BlobSchedule{3, 6, 3338477};  // EIP-4844
  return BlobSchedule{6, 9, 5007716};  // EIP-7691 (Prague); Osaka keeps it (EIP-7892 BPOs change it)
}

U256 fake_exponential(uint64_t factor, uint64_t numerator, uint64_t denominator) {
  if (denominator == 0) return U256{};
  Wide accum;  // factor * denominator < 2^128
  accum.limb[0] = factor;
  accum.mul(denominator);
  Wide output;
  for (uint64_t i = 1; !accum.is_zero(); ++i) {
    output.add(accum);
    if (output.limb[5] != 0) return U256::max();  // >= 2^320: the quotient exceeds 2^256
    // accum <= output < 2^320, so accum * numerator < 2^384.
    accum.mul(numerator);
    // floor(floor(x / d) / i) == floor(x / (d * i)) and avoids a 128-bit divisor.
    accum.div(denominator);
    accum.div(i);
  }
  output.div(denominator);
  if (output.limb[4] != 0 || output.limb[5] != 0) return U256::max();
  return U256{output.limb[0], output.limb[1], output.limb[2], output.limb[3]};
}

U256 blob_base_fee(uint64_t excess_blob_gas, const BlobSchedule& schedule) {
  return fake_exponential(kMinBlobBaseFee, excess_blob_gas, schedule.base_fee_update_fraction);
}

uint64_t next_excess_blob_gas(uint64_t parent_excess, uint64_t parent_blob_gas_used,
                              const BlobSchedule& schedule, bool reserve_price,
                              const U256& parent_base_fee) {
  const uint64_t total = parent_excess + parent_blob_gas_used;
  const uint64_t target = schedule.target_blob_gas();
  if (total < target) return 0;
  if (reserve_price && schedule.max != 0) {
    // EIP-7918: while execution gas dominates the blob fee, grow the excess by the used blob gas
    // scaled by (max - target) / max instead of subtracting the target. An overflowing product is
    // larger than any product that fits.
    const auto exec_cost = checked_mul(U256{kBlobBaseCost}, parent_base_fee);
    const auto blob_cost = checked_mul(U256{kGasPerBlob}, blob_base_fee(parent_excess, schedule));
    const bool exec_dominates = blob_cost && (!exec_cost || *exec_cost > *blob_cost);
    if (exec_dominates)
      return parent_excess +
             parent_blob_gas_used * (schedule.max - schedule.target) / schedule.max;
  }
  return total - target;
}

}  // namespace paraevm
