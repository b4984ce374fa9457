// Which precompiled contracts exist in which revision, and dispatch to them.
#include <array>
#include <cstring>

#include "precompiles/entry_points.hpp"

namespace paraevm {
namespace {

using precompiles::EntryPoint;

struct PrecompileEntry {
  uint16_t address;  // precompile addresses are small integers
  Revision since;
  EntryPoint run;
};

// Activation table: address, first revision, entry point.
constexpr std::array<PrecompileEntry, 18> kPrecompiles = {{
    {0x01, Revision::Frontier, precompiles::ecrecover},
    {0x02, Revision::Frontier, precompiles::sha256},
    {0x03, Revision::Frontier, precompiles::ripemd160},
    {0x04, Revision::Frontier, precompiles::identity},
    {0x05, Revision::Byzantium, precompiles::modexp},          // EIP-198
    {0x06, Revision::Byzantium, precompiles::bn254_add},       // EIP-196
    {0x07, Revision::Byzantium, precompiles::bn254_mul},       // EIP-196
    {0x08, Revision::Byzantium, precompiles::bn254_pairing},   // EIP-197
    {0x09, Revision::Istanbul, precompiles::blake2f},          // EIP-152
    {0x0a, Revision::Cancun, precompiles::point_evaluation},   // EIP-4844
    {0x0b, Revision::Prague, precompiles::bls12_g1add},        // EIP-2537
    {0x0c, Revision::Prague, precompiles::bls12_g1msm},
    {0x0d, Revision::Prague, precompiles::bls12_g2add},
    {0x0e, Revision::Prague, precompiles::bls12_g2msm},
    {0x0f, Revision::Prague, precompiles::bls12_pairing_check},
    {0x10, Revision::Prague, precompiles::bls12_map_fp_to_g1},
    {0x11, Revision::Prague, precompiles::bls12_map_fp2_to_g2},
    {0x100, Revision::Osaka, precompiles::p256verify},        // EIP-7951
}};

/// The precompile's table entry when `addr` is a small integer address listed above.
const PrecompileEntry* find(Revision rev, const Address& addr) {
  // Nearly every address asked about is an ordinary account: two word loads reject it.
  uint64_t high[2];
  std::memcpy(high, addr.data(), sizeof high);
  if ((high[0] | high[1]) != 0 || addr[16] != 0 || addr[17] != 0) return nullptr;
  const uint16_t low = static_cast<uint16_t>(addr[18] << 8 | addr[19]);
  for (const auto& entry : kPrecompiles)
    if (entry.address == low) return at_least(rev, entry.since) ? &entry : nullptr;
  return nullptr;
}

}  // namespace

bool is_precompile(Revision rev, const Address& addr) { return find(rev, addr) != nullptr; }

WarmPrecompiles warm_precompiles(Revision rev) {
  // Derived from the activation table once per revision: every transaction asks.
  static const auto kByRevision = [] {
    std::array<WarmPrecompiles, kRevisionCount> table{};
    for (int r = 0; r < kRevisionCount; ++r) {
      const auto rev_r = static_cast<Revision>(r);
      Address a;
      for (int i = 1; i <= 0xff; ++i) {
        a[19] = static_cast<uint8_t>(i);
        if (find(rev_r, a) == nullptr) break;
        table[r].consecutive = static_cast<uint8_t>(i);
      }
      Address p256;
      p256[18] = 0x01;
      table[r].p256 = find(rev_r, p256) != nullptr;
    }
    return table;
  }();
  return kByRevision[static_cast<size_t>(rev)];
}

PrecompileResult run_precompile(Revision rev, const Address& addr, BytesView input, int64_t gas_limit) {
  const PrecompileEntry* entry = find(rev, addr);
  if (entry == nullptr) return {false, 0, {}};
  return entry->run(rev, input, gas_limit);
}

}  // namespace paraevm
