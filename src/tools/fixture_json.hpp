// Typed access to JSON test fixtures (simdjson DOM) with errors that name the offending key.
// Shared by the fixture runners (statetest, blocktest): every accessor throws FixtureError
// carrying the full key path ("pre.0x1000….storage.0x01: bad hex") on a missing key, a wrong
// JSON type or a malformed value.
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

/// A malformed fixture: the message names the key path and what is wrong with it.
class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A key path into a JSON document, built on the stack as the parser descends; rendered into
/// a string only when an error is reported.
struct JsonPath {
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);
  const JsonPath* parent = nullptr;
  std::string_view key;
  size_t index = kNoIndex;

  JsonPath child(std::string_view k) const { return JsonPath{this, k, kNoIndex}; }
  JsonPath at(size_t i) const { return JsonPath{this, {}, i}; }
  /// "a.b[3].c"
  std::string str() const;
};

/// Throws FixtureError "<path>: <what>".
[[noreturn]] void fixture_error(const JsonPath& path, std::string_view what);

using JsonElement = simdjson::dom::element;
using JsonObject = simdjson::dom::object;
using JsonArray = simdjson::dom::array;

JsonObject as_object(JsonElement e, const JsonPath& path);
JsonArray as_array(JsonElement e, const JsonPath& path);
std::string_view as_string(JsonElement e, const JsonPath& path);

/// The member `key` of `obj`; throws when it is absent.
JsonElement get_field(JsonObject obj, std::string_view key, const JsonPath& path);
/// The member `key` of `obj`, nullopt when absent (or JSON null).
std::optional<JsonElement> find_field(JsonObject obj, std::string_view key);

/// Hex quantity ("0x1f", "0x" = 0; a decimal string or a JSON integer are accepted too).
U256 parse_u256(JsonElement e, const JsonPath& path);
/// As parse_u256, rejecting values above 2^64 - 1.
uint64_t parse_u64(JsonElement e, const JsonPath& path);
/// "0x"-prefixed even-length hex byte string.
Bytes parse_bytes(JsonElement e, const JsonPath& path);
/// Exactly 20 bytes of hex ("0x" + 40 digits).
Address parse_address(JsonElement e, const JsonPath& path);
/// Exactly 32 bytes of hex.
Hash parse_hash(JsonElement e, const JsonPath& path);
/// An address in an object key ("0x…", 40 digits).
Address parse_address_key(std::string_view key, const JsonPath& path);
/// A quantity in an object key (storage slots).
U256 parse_u256_key(std::string_view key, const JsonPath& path);

}  // namespace paraevm::tools
