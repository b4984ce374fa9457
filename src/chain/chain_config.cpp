#include "chain/chain_config.hpp"

#include <array>

namespace paraevm {
namespace {

struct ForkActivation {
  Revision revision;
  uint64_t block;      // activation by block number (0 when by timestamp)
  uint64_t timestamp;  // activation by timestamp (from Shanghai on)
};

// Mainnet activation points (EIP-2387 and the meta-EIPs of each fork).
constexpr std::array<ForkActivation, 15> kMainnet = {{
    {Revision::Frontier, 0, 0},
    {Revision::Homestead, 1'150'000, 0},
    {Revision::TangerineWhistle, 2'463'000, 0},
    {Revision::SpuriousDragon, 2'675'000, 0},
    {Revision::Byzantium, 4'370'000, 0},
    {Revision::Constantinople, 7'280'000, 0},  // activated together with Petersburg
    {Revision::Petersburg, 7'280'000, 0},
    {Revision::Istanbul, 9'069'000, 0},
    {Revision::Berlin, 12'244'000, 0},
    {Revision::London, 12'965'000, 0},
    {Revision::Paris, 15'537'394, 0},
    {Revision::Shanghai, 0, 1'681'338'455},
    {Revision::Cancun, 0, 1'710'338'135},
    {Revision::Prague, 0, 1'746'612'311},
    {Revision::Osaka, 0, 1'764'798'551},
}};

}  // namespace

Revision mainnet_revision(uint64_t block_number, uint64_t timestamp) {
  Revision rev = Revision::Frontier;
  for (const ForkActivation& fork : kMainnet) {
    const bool active = fork.timestamp != 0 ? timestamp >= fork.timestamp : block_number >= fork.block;
    if (active) rev = fork.revision;
  }
  return rev;
}

}  // namespace paraevm
