#include "evm/revision.hpp"

#include <array>

namespace paraevm {
namespace {
constexpr std::array<std::string_view, kRevisionCount> kNames = {
    "Frontier", "Homestead", "EIP150",    "EIP158", "Byzantium", "Constantinople", "ConstantinopleFix",
    "Istanbul", "Berlin",    "London",    "Paris",  "Shanghai",  "Cancun",         "Prague",
    "Osaka"};
}  // namespace

std::optional<Revision> revision_from_name(std::string_view name) {
  for (int i = 0; i < kRevisionCount; ++i)
    if (kNames[i] == name) return static_cast<Revision>(i);
  if (name == "TangerineWhistle") return Revision::TangerineWhistle;
  if (name == "SpuriousDragon") return Revision::SpuriousDragon;
  if (name == "Petersburg") return Revision::Petersburg;
  if (name == "Merge") return Revision::Paris;
  return std::nullopt;
}

std::string_view revision_name(Revision rev) { return kNames[static_cast<int>(rev)]; }

}  // namespace paraevm
