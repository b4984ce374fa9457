// Solidity's storage layout, for writing a contract's state by hand instead of running its
// constructor: mapping slots, short strings, packed fields.
#pragma once

#include <initializer_list>
#include <string_view>
#include <unordered_map>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "state/u256_hash.hpp"

namespace paraevm::workload::solidity {

/// A contract's storage: slot -> value.
using Storage = std::unordered_map<U256, U256, U256Hash>;

/// The slot of `m[key]` for a mapping `m` at `slot`: keccak256(pad32(key) ++ pad32(slot)).
/// Signed keys (int16, int24) are sign-extended to 32 bytes (abi::word_signed).
U256 mapping_slot(const U256& slot, const U256& key);
/// The slot of `m[k0][k1]...` for nested mappings: mapping_slot applied key by key.
U256 mapping_slot(const U256& slot, std::initializer_list<U256> keys);

/// A string shorter than 32 bytes as Solidity stores it: the bytes left-aligned, 2 * length in
/// the lowest byte. Precondition: s.size() < 32.
U256 short_string(std::string_view s);

/// The word of an address (left-padded to 32 bytes).
U256 word(const Address& address);

/// `value` moved to bit `offset` of a packed slot (the fields of a slot are OR-ed together).
U256 packed(const U256& value, unsigned offset);

}  // namespace paraevm::workload::solidity
