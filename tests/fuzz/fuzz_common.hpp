// Shared driver of the precompile fuzz targets: the first input byte picks the revision, the
// rest is the call data; every call must either fail cleanly or return a well-formed result.
#pragma once

#include <cstdint>
#include <cstdlib>

#include "precompiles/precompile.hpp"

namespace paraevm::fuzz {

inline Address address_of(uint16_t n) {
  Address a;
  a[18] = static_cast<uint8_t>(n >> 8);
  a[19] = static_cast<uint8_t>(n);
  return a;
}

/// Revision from a byte, restricted to those where the precompile exists.
inline Revision pick_revision(uint8_t b, Revision since) {
  const int first = static_cast<int>(since);
  return static_cast<Revision>(first + b % (kRevisionCount - first));
}

/// Aborts (a fuzzer finding) unless `cond` holds.
inline void require(bool cond) {
  if (!cond) std::abort();
}

/// Runs the precompile with a generous gas limit and checks the gas accounting.
inline PrecompileResult call(uint16_t n, Revision rev, BytesView input) {
  constexpr int64_t kGas = 50'000'000;
  PrecompileResult r = run_precompile(rev, address_of(n), input, kGas);
  require(!r.success || (r.gas_left >= 0 && r.gas_left <= kGas));
  return r;
}

}  // namespace paraevm::fuzz
