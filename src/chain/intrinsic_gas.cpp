#include "chain/intrinsic_gas.hpp"

#include <algorithm>
#include <array>

namespace paraevm {
namespace {

// Each revision starts from the previous one's schedule and applies its own EIPs.
constexpr std::array<IntrinsicGasSchedule, kRevisionCount> make_schedules() {
  std::array<IntrinsicGasSchedule, kRevisionCount> s{};
  IntrinsicGasSchedule cur{};  // Frontier: 21000, 4 / 68 per calldata byte
  for (int i = 0; i < kRevisionCount; ++i) {
    switch (static_cast<Revision>(i)) {
      case Revision::Homestead:
        cur.create = 32000;  // EIP-2: creation transactions cost 53000
        break;
      case Revision::Istanbul:
        cur.data_nonzero = 16;  // EIP-2028
        break;
      case Revision::Berlin:
        cur.access_list_address = 2400;  // EIP-2930
        cur.access_list_key = 1900;
        break;
      case Revision::Shanghai:
        cur.initcode_word = 2;  // EIP-3860
        break;
      case Revision::Prague:
        cur.authorization = 25000;  // EIP-7702
        cur.floor_per_token = 10;   // EIP-7623
        break;
      default:
        break;
    }
    s[i] = cur;
  }
  return s;
}

constexpr auto kSchedules = make_schedules();
static_assert(kSchedules[static_cast<int>(Revision::Frontier)].create == 0);
static_assert(kSchedules[static_cast<int>(Revision::Osaka)].floor_per_token == 10);

}  // namespace

const IntrinsicGasSchedule& intrinsic_gas_schedule(Revision rev) {
  return kSchedules[static_cast<int>(rev)];
}

uint64_t calldata_tokens(BytesView data) {
  uint64_t zeros = static_cast<uint64_t>(std::count(data.begin(), data.end(), uint8_t{0}));
  return zeros + 4 * (data.size() - zeros);
}

IntrinsicGas intrinsic_gas(Revision rev, const Transaction& tx) {
  const IntrinsicGasSchedule& s = intrinsic_gas_schedule(rev);
  const BytesView data = to_view(tx.data);
  const uint64_t zeros = static_cast<uint64_t>(std::count(data.begin(), data.end(), uint8_t{0}));
  const uint64_t nonzeros = data.size() - zeros;

  uint64_t cost = s.tx + zeros * s.data_zero + nonzeros * s.data_nonzero;
  if (tx.is_create()) cost += s.create + s.initcode_word * ((data.size() + 31) / 32);
  for (const AccessListEntry& e : tx.access_list)
    cost += s.access_list_address + s.access_list_key * e.storage_keys.size();
  cost += s.authorization * tx.authorizations.size();

  IntrinsicGas out{cost, 0};
  if (s.floor_per_token != 0) out.floor = s.tx + s.floor_per_token * (zeros + 4 * nonzeros);
  return out;
}

}  // namespace paraevm
