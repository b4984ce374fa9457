// The forks ("revisions") of Ethereum's execution layer, in activation order.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace paraevm {

enum class Revision : uint8_t {
  Frontier,
  Homestead,
  TangerineWhistle,  // EIP-150 ("EIP150" in test fixtures)
  SpuriousDragon,    // EIP-155/158/161/170 ("EIP158")
  Byzantium,
  Constantinople,
  Petersburg,  // "ConstantinopleFix"
  Istanbul,
  Berlin,
  London,
  Paris,  // the Merge
  Shanghai,
  Cancun,
  Prague,
  Osaka,
};
inline constexpr int kRevisionCount = static_cast<int>(Revision::Osaka) + 1;

/// Fork name as used in test fixtures' `post` keys ("EIP150", "ConstantinopleFix", "Merge" are
/// accepted as aliases). Returns nullopt for unknown names.
std::optional<Revision> revision_from_name(std::string_view name);
/// Canonical fixture name of the fork ("Frontier", ..., "Osaka").
std::string_view revision_name(Revision rev);

constexpr bool at_least(Revision rev, Revision since) {
  return static_cast<uint8_t>(rev) >= static_cast<uint8_t>(since);
}

}  // namespace paraevm
