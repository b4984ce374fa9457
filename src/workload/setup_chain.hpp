// A sequential chain used to set up workload pre-states: deploys contracts by running their
// constructors and runs setup calls, one transaction at a time, through paraevm itself.
#pragma once

#include <string_view>

#include "chain/transition.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm::workload {

/// A deterministic secp256k1 key and its address.
struct KeyPair {
  Bytes32 key;
  Address address;
};

/// The `index`-th key of a workload seeded with `seed`.
KeyPair derive_key(uint64_t seed, uint64_t index);

class SetupChain {
 public:
  SetupChain(Revision rev, const BlockEnv& env, InMemoryState& state) : rev_(rev), env_(env), state_(state) {}

  /// Deploys creation code (hex) with ABI-encoded constructor arguments; returns the address.
  Address deploy(const Address& from, std::string_view creation_hex, const Bytes& args = {});
  /// Calls `to` with `data` and returns its output; throws std::runtime_error when the call
  /// does not succeed.
  Bytes call(const Address& from, const Address& to, const Bytes& data, const U256& value = {});

  /// The next nonce of `addr` in the state.
  uint64_t nonce_of(const Address& addr);

 private:
  TxReceipt run(const Address& from, std::optional<Address> to, Bytes data, const U256& value);

  Revision rev_;
  BlockEnv env_;
  InMemoryState& state_;
};

}  // namespace paraevm::workload
