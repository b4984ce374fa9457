#include "tools/json_fields.hpp"

#include "base/hex.hpp"

namespace paraevm::tools {
namespace {

[[noreturn]] void fail(std::string_view what, std::string_view problem) {
  throw InputError(std::string(what) + ": " + std::string(problem));
}

template <size_t N>
FixedBytes<N> as_fixed(const simdjson::dom::element& e, std::string_view what) {
  const Bytes bytes = as_bytes(e, what);
  if (bytes.size() != N) fail(what, "expected " + std::to_string(N) + " bytes, got " + std::to_string(bytes.size()));
  return FixedBytes<N>::from_view(bytes);
}

}  // namespace

simdjson::dom::element require(const simdjson::dom::object& obj, std::string_view key) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) fail(key, "missing key");
  return e;
}

std::optional<simdjson::dom::element> optional_field(const simdjson::dom::object& obj, std::string_view key) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) return std::nullopt;
  return e;
}

std::string_view as_string(const simdjson::dom::element& e, std::string_view what) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) fail(what, "expected a string");
  return s;
}

simdjson::dom::object as_object(const simdjson::dom::element& e, std::string_view what) {
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) fail(what, "expected an object");
  return o;
}

simdjson::dom::array as_array(const simdjson::dom::element& e, std::string_view what) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) fail(what, "expected an array");
  return a;
}

U256 as_u256(const simdjson::dom::element& e, std::string_view what) {
  uint64_t v = 0;
  if (e.get_uint64().get(v) == simdjson::SUCCESS) return U256(v);
  const auto parsed = U256::from_string(as_string(e, what));
  if (!parsed) fail(what, "not a 256-bit number: " + std::string(as_string(e, what)));
  return *parsed;
}

uint64_t as_u64(const simdjson::dom::element& e, std::string_view what) {
  const U256 v = as_u256(e, what);
  if (!v.fits_u64()) fail(what, "does not fit 64 bits");
  return v.low64();
}

Bytes as_bytes(const simdjson::dom::element& e, std::string_view what) {
  auto bytes = from_hex(as_string(e, what));
  if (!bytes) fail(what, "malformed hex");
  return std::move(*bytes);
}

Address as_address(const simdjson::dom::element& e, std::string_view what) { return as_fixed<20>(e, what); }
Hash as_hash(const simdjson::dom::element& e, std::string_view what) { return as_fixed<32>(e, what); }

}  // namespace paraevm::tools
