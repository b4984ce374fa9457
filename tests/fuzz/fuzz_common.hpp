// Shared driver of the precompile fuzz targets: the first input byte picks the revision, the
// rest is the call data; every call must either fail cleanly or return a well-formed result.
#pragma once

#include <cstdint>
#include <cstdlib>

#include "precompiles/precompile.hpp"

namespace paraevm::fuzz {

inline constexpr int64_t kGas = 50'000'000;

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

/// Gas accounting of a call `r = run(limit)`: a success leaves 0 <= gas_left <= limit; a call
/// given exactly the gas it used succeeds again with the same output and nothing left, and one
/// unit less fails. `run` is deterministic (a precompile of fixed revision and input).
template <typename Run>
void check_gas(const Run& run, int64_t limit, const PrecompileResult& r) {
  if (!r.success) return;
  require(r.gas_left >= 0 && r.gas_left <= limit);
  const int64_t cost = limit - r.gas_left;
  const PrecompileResult exact = run(cost);
  require(exact.success && exact.gas_left == 0 && exact.output == r.output);
  if (cost > 0) require(!run(cost - 1).success);
}

/// Runs precompile `n` with `gas` (by default a generous limit) and checks the gas accounting
/// (check_gas).
inline PrecompileResult call(uint16_t n, Revision rev, BytesView input, int64_t gas = kGas) {
  const auto run = [&](int64_t g) { return run_precompile(rev, address_of(n), input, g); };
  PrecompileResult r = run(gas);
  check_gas(run, gas, r);
  return r;
}

/// The gas a successful call `r` made through call() with `gas` used.
inline int64_t gas_used(const PrecompileResult& r, int64_t gas = kGas) { return gas - r.gas_left; }

}  // namespace paraevm::fuzz
