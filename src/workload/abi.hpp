// Minimal Solidity ABI encoding for the workload generator: function selectors and calls whose
// arguments are words (uint256, int, bool, address) or dynamic arrays of words.
#pragma once

#include <string_view>
#include <variant>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm::abi {

/// One static word, or a dynamic array of words (address[], uint256[]).
using Argument = std::variant<U256, std::vector<U256>>;

/// First four bytes of keccak256 of the canonical signature, e.g. "transfer(address,uint256)".
FixedBytes<4> selector(std::string_view signature);

/// The word of an address (left-padded).
U256 word(const Address& address);
/// The word of a signed integer (two's complement).
U256 word_signed(int64_t value);

/// selector || head || tail, as solc expects.
Bytes encode_call(std::string_view signature, const std::vector<Argument>& args);
/// Constructor arguments appended to creation code: head || tail without a selector.
Bytes encode_arguments(const std::vector<Argument>& args);
/// Constructor arguments for (string, string).
Bytes encode_two_strings(std::string_view a, std::string_view b);

}  // namespace paraevm::abi
