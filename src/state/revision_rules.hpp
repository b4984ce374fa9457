// State-level fork rules, one row per revision: each revision copies the previous row and
// applies its own EIPs.
#pragma once

#include <array>
#include <cstdint>

#include "evm/revision.hpp"

namespace paraevm {

struct RevisionRules {
  bool deposit_oog_fails = false;          // Homestead (EIP-2): code deposit out of gas fails
  bool empty_is_dead = false;              // Spurious Dragon (EIP-161): empty = non-existent
  bool clear_touched_empty = false;        // Spurious Dragon (EIP-161): touched empties removed
  bool new_contract_nonce_one = false;     // Spurious Dragon (EIP-161)
  uint32_t max_code_size = 0;              // Spurious Dragon (EIP-170): 24576; 0 = no limit
  uint32_t refund_quotient = 2;            // London (EIP-3529): 5
  bool reject_ef_code = false;             // London (EIP-3541)
  bool warm_coinbase = false;              // Shanghai (EIP-3651)
  bool selfdestruct_only_created = false;  // Cancun (EIP-6780)
  bool delegation = false;                 // Prague (EIP-7702)
  bool calldata_floor = false;             // Prague (EIP-7623)
};

namespace detail {
constexpr std::array<RevisionRules, kRevisionCount> make_revision_rules() {
  std::array<RevisionRules, kRevisionCount> out{};
  RevisionRules cur{};
  for (int i = 0; i < kRevisionCount; ++i) {
    switch (static_cast<Revision>(i)) {
      case Revision::Homestead: cur.deposit_oog_fails = true; break;
      case Revision::SpuriousDragon:
        cur.empty_is_dead = true;
        cur.clear_touched_empty = true;
        cur.new_contract_nonce_one = true;
        cur.max_code_size = 24576;
        break;
      case Revision::London:
        cur.refund_quotient = 5;
        cur.reject_ef_code = true;
        break;
      case Revision::Shanghai: cur.warm_coinbase = true; break;
      case Revision::Cancun: cur.selfdestruct_only_created = true; break;
      case Revision::Prague:
        cur.delegation = true;
        cur.calldata_floor = true;
        break;
      default: break;
    }
    out[i] = cur;
  }
  return out;
}
inline constexpr auto kRevisionRules = make_revision_rules();
}  // namespace detail

/// The state rules in force in `rev`.
constexpr const RevisionRules& rules(Revision rev) {
  return detail::kRevisionRules[static_cast<int>(rev)];
}

}  // namespace paraevm
