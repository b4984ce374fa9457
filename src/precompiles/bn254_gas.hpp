// Gas of the BN254 precompiles per revision: EIP-196/197 (Byzantium), EIP-1108 (Istanbul).
#pragma once

#include <array>
#include <cstdint>

#include "evm/revision.hpp"

namespace paraevm::precompiles {

struct Bn254Gas {
  int64_t add;
  int64_t mul;
  int64_t pairing_base;
  int64_t pairing_per_pair;
};

inline constexpr Bn254Gas kBn254Byzantium{500, 40000, 100000, 80000};  // EIP-196, EIP-197
inline constexpr Bn254Gas kBn254Istanbul{150, 6000, 45000, 34000};     // EIP-1108

/// Per revision (entries before Byzantium are never used: the precompiles do not exist there).
inline constexpr std::array<Bn254Gas, kRevisionCount> kBn254GasTable = [] {
  std::array<Bn254Gas, kRevisionCount> t{};
  for (int r = 0; r < kRevisionCount; ++r)
    t[r] = at_least(static_cast<Revision>(r), Revision::Istanbul) ? kBn254Istanbul : kBn254Byzantium;
  return t;
}();

inline const Bn254Gas& bn254_gas(Revision rev) { return kBn254GasTable[static_cast<size_t>(rev)]; }

}  // namespace paraevm::precompiles
