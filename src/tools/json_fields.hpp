// Typed field access on simdjson DOM objects for the fixture and snapshot loaders. Every error
// names the field at fault; callers add the file name.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/uint256.hpp"

namespace paraevm::tools {

/// Malformed input: a message saying what is wrong and where (file, key).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The field `key` of `obj`; throws InputError("missing key") when absent.
simdjson::dom::element require(const simdjson::dom::object& obj, std::string_view key);
/// The field or nullopt when absent or JSON null.
std::optional<simdjson::dom::element> optional_field(const simdjson::dom::object& obj, std::string_view key);

std::string_view as_string(const simdjson::dom::element& e, std::string_view what);
simdjson::dom::object as_object(const simdjson::dom::element& e, std::string_view what);
simdjson::dom::array as_array(const simdjson::dom::element& e, std::string_view what);

/// A hex quantity ("0x1f") or decimal string, or a JSON integer, as U256.
U256 as_u256(const simdjson::dom::element& e, std::string_view what);
/// As above, checked to fit 64 bits.
uint64_t as_u64(const simdjson::dom::element& e, std::string_view what);
/// "0x" hex byte string.
Bytes as_bytes(const simdjson::dom::element& e, std::string_view what);
Address as_address(const simdjson::dom::element& e, std::string_view what);
Hash as_hash(const simdjson::dom::element& e, std::string_view what);

}  // namespace paraevm::tools
