#include "workload/abi.hpp"

#include "base/keccak.hpp"

namespace paraevm::abi {
namespace {

void append_word(Bytes& out, const U256& value) {
  uint8_t buf[32];
  value.to_be(buf);
  out.insert(out.end(), buf, buf + 32);
}

void append_string_tail(Bytes& out, std::string_view s) {
  append_word(out, U256(s.size()));
  out.insert(out.end(), s.begin(), s.end());
  out.resize(out.size() + (32 - s.size() % 32) % 32, 0);
}

}  // namespace

FixedBytes<4> selector(std::string_view signature) {
  const Hash h = keccak256(to_view(signature));
  FixedBytes<4> out;
  for (size_t i = 0; i < 4; ++i) out[i] = h[i];
  return out;
}

U256 word(const Address& address) { return U256::from_be(address.view()); }

U256 word_signed(int64_t value) {
  return value >= 0 ? U256(static_cast<uint64_t>(value)) : -U256(static_cast<uint64_t>(-(value + 1)) + 1);
}

Bytes encode_arguments(const std::vector<Argument>& args) {
  Bytes head, tail;
  const size_t head_size = 32 * args.size();
  for (const Argument& arg : args) {
    if (const U256* value = std::get_if<U256>(&arg)) {
      append_word(head, *value);
      continue;
    }
    const auto& array = std::get<std::vector<U256>>(arg);
    append_word(head, U256(head_size + tail.size()));  // offset of the array's tail
    append_word(tail, U256(array.size()));
    for (const U256& element : array) append_word(tail, element);
  }
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

Bytes encode_call(std::string_view signature, const std::vector<Argument>& args) {
  const FixedBytes<4> sel = selector(signature);
  Bytes out(sel.begin(), sel.end());
  const Bytes body = encode_arguments(args);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

Bytes encode_two_strings(std::string_view a, std::string_view b) {
  Bytes out;
  append_word(out, U256(64));
  Bytes tail_a;
  append_string_tail(tail_a, a);
  append_word(out, U256(64 + tail_a.size()));
  out.insert(out.end(), tail_a.begin(), tail_a.end());
  append_string_tail(out, b);
  return out;
}

}  // namespace paraevm::abi
