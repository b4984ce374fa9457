#include "trie/state_root.hpp"

#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

/// keccak256 of the slot as 32 big-endian bytes (without relying on U256's out-of-line code).
Hash slot_key(const U256& slot) {
  uint8_t be[32];
  for (size_t i = 0; i < 4; ++i) {
    const uint64_t limb = slot.limb[3 - i];
    for (size_t j = 0; j < 8; ++j) be[8 * i + j] = static_cast<uint8_t>(limb >> (56 - 8 * j));
  }
  return keccak256({be, 32});
}

}  // namespace

Hash storage_root(std::span<const StorageSlot> storage) {
  std::vector<std::pair<Hash, Bytes>> leaves;
  leaves.reserve(storage.size());
  for (const StorageSlot& s : storage)
    if (!s.value.is_zero()) leaves.emplace_back(slot_key(s.key), rlp_encode_u256(s.value));
  return trie_root_hashed(leaves);
}

Bytes account_rlp(uint64_t nonce, const U256& balance, const Hash& storage_root,
                  const Hash& code_hash) {
  RlpEncoder enc(1 + 9 + 33 + 33 + 33);
  const size_t mark = enc.begin_list();
  enc.append_u64(nonce).append_u256(balance).append_hash(storage_root).append_hash(code_hash);
  enc.end_list(mark);
  return enc.take();
}

Hash state_root(std::span<const AccountData> accounts) {
  std::vector<std::pair<Hash, Bytes>> leaves;
  leaves.reserve(accounts.size());
  for (const AccountData& a : accounts) {
    const Hash sroot = a.storage_root ? *a.storage_root : storage_root(a.storage);
    leaves.emplace_back(keccak256(a.address.view()),
                        account_rlp(a.nonce, a.balance, sroot, a.code_hash));
  }
  return trie_root_hashed(leaves);
}

}  // namespace paraevm
