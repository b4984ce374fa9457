#include "workload/solidity_storage.hpp"

#include <cassert>

#include "base/keccak.hpp"

namespace paraevm::workload::solidity {

U256 mapping_slot(const U256& slot, const U256& key) {
  uint8_t buf[64];
  key.to_be(buf);
  slot.to_be(buf + 32);
  return U256::from_be(keccak256(BytesView(buf, sizeof(buf))));
}

U256 mapping_slot(const U256& slot, std::initializer_list<U256> keys) {
  U256 at = slot;
  for (const U256& key : keys) at = mapping_slot(at, key);
  return at;
}

U256 short_string(std::string_view s) {
  assert(s.size() < 32);
  Bytes32 out;
  for (size_t i = 0; i < s.size(); ++i) out[i] = static_cast<uint8_t>(s[i]);
  out[31] = static_cast<uint8_t>(2 * s.size());
  return U256::from_be(out);
}

U256 word(const Address& address) { return U256::from_be(address.view()); }

U256 packed(const U256& value, unsigned offset) { return value << offset; }

}  // namespace paraevm::workload::solidity
