#include "tools/fixture_json.hpp"

#include <vector>

#include "base/hex.hpp"

namespace paraevm::tools {
namespace {

std::string_view strip_0x(std::string_view s) {
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  return s;
}

U256 parse_u256_text(std::string_view s, const JsonPath& path) {
  // Some hand-written fixtures spell big numbers as "0x:bigint 0x…".
  if (s.starts_with("0x:bigint ")) s.remove_prefix(10);
  auto v = U256::from_string(s);
  if (!v) fixture_error(path, "bad quantity \"" + std::string(s.substr(0, 80)) + "\"");
  return *v;
}

template <size_t N>
FixedBytes<N> parse_fixed_text(std::string_view s, const JsonPath& path, const char* what) {
  std::string_view digits = strip_0x(s);
  if (digits.size() != 2 * N)
    fixture_error(path, std::string("expected ") + what + " of " + std::to_string(N) +
                            " bytes, got \"" + std::string(s.substr(0, 80)) + "\"");
  auto b = fixed_from_hex<N>(digits);
  if (!b) fixture_error(path, std::string("bad hex in ") + what);
  return *b;
}

}  // namespace

std::string JsonPath::str() const {
  std::vector<const JsonPath*> chain;
  for (const JsonPath* p = this; p != nullptr; p = p->parent) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const JsonPath* p = *it;
    if (p->index != kNoIndex) {
      out += '[' + std::to_string(p->index) + ']';
    } else if (!p->key.empty()) {
      if (!out.empty()) out += '.';
      out += p->key;
    }
  }
  return out.empty() ? "<root>" : out;
}

void fixture_error(const JsonPath& path, std::string_view what) {
  throw FixtureError(path.str() + ": " + std::string(what));
}

JsonObject as_object(JsonElement e, const JsonPath& path) {
  JsonObject o;
  if (e.get_object().get(o) != simdjson::SUCCESS) fixture_error(path, "expected an object");
  return o;
}

JsonArray as_array(JsonElement e, const JsonPath& path) {
  JsonArray a;
  if (e.get_array().get(a) != simdjson::SUCCESS) fixture_error(path, "expected an array");
  return a;
}

std::string_view as_string(JsonElement e, const JsonPath& path) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) fixture_error(path, "expected a string");
  return s;
}

JsonElement get_field(JsonObject obj, std::string_view key, const JsonPath& path) {
  JsonElement e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS)
    fixture_error(path, "missing key \"" + std::string(key) + "\"");
  return e;
}

std::optional<JsonElement> find_field(JsonObject obj, std::string_view key) {
  JsonElement e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) return std::nullopt;
  return e;
}

U256 parse_u256(JsonElement e, const JsonPath& path) {
  uint64_t n = 0;
  if (e.get_uint64().get(n) == simdjson::SUCCESS) return U256{n};
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS)
    fixture_error(path, "expected a quantity (a hex string or a non-negative integer)");
  return parse_u256_text(s, path);
}

uint64_t parse_u64(JsonElement e, const JsonPath& path) {
  U256 v = parse_u256(e, path);
  if (!v.fits_u64()) fixture_error(path, "value " + v.to_hex() + " does not fit in 64 bits");
  return v.low64();
}

Bytes parse_bytes(JsonElement e, const JsonPath& path) {
  std::string_view s = as_string(e, path);
  auto b = from_hex(strip_0x(s));
  if (!b) fixture_error(path, "bad hex byte string");
  return std::move(*b);
}

Address parse_address(JsonElement e, const JsonPath& path) {
  return parse_fixed_text<20>(as_string(e, path), path, "an address");
}

Hash parse_hash(JsonElement e, const JsonPath& path) {
  return parse_fixed_text<32>(as_string(e, path), path, "a hash");
}

Address parse_address_key(std::string_view key, const JsonPath& path) {
  return parse_fixed_text<20>(key, path, "an address");
}

U256 parse_u256_key(std::string_view key, const JsonPath& path) {
  return parse_u256_text(key, path);
}

}  // namespace paraevm::tools
