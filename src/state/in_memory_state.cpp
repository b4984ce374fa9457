#include "state/in_memory_state.hpp"

#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {

InMemoryState::InMemoryState() : empty_code_(empty_code()) {}

void InMemoryState::set_account(const Address& addr, uint64_t nonce, const U256& balance,
                                Bytes code, const std::unordered_map<U256, U256, U256Hash>& storage) {
  Account acc;
  acc.nonce = nonce;
  acc.balance = balance;
  if (code.empty()) {
    acc.code = empty_code_;
  } else {
    acc.code_hash = keccak256(code);
    acc.code = std::make_shared<const Bytes>(std::move(code));
    codes_.emplace(acc.code_hash, acc.code);
  }
  for (const auto& [key, value] : storage)
    if (!value.is_zero()) acc.storage.emplace(key, value);
  shard(addr)[addr] = std::move(acc);
}

bool InMemoryState::set_storage(const Address& addr, const U256& key, const U256& value) {
  AccountMap& map = shard(addr);
  auto it = map.find(addr);
  if (it == map.end()) return false;
  if (value.is_zero())
    it->second.storage.erase(key);
  else
    it->second.storage[key] = value;
  return true;
}

void InMemoryState::apply(const StateDiff& diff) {
  add_codes(diff);
  for (const AccountDiff& d : diff.accounts) apply_account(d);
}

void InMemoryState::apply_shards(const StateDiff& diff, uint32_t shards) {
  for (const AccountDiff& d : diff.accounts)
    if ((shards >> shard_of(d.address)) & 1) apply_account(d);
}

void InMemoryState::add_codes(const StateDiff& diff) {
  for (const AccountDiff& d : diff.accounts)
    if (!d.deleted && d.code_hash && *d.code_hash != kEmptyCodeHash && d.code && !d.code->empty())
      codes_.emplace(*d.code_hash, d.code);
}

void InMemoryState::apply_account(const AccountDiff& d) {
  AccountMap& map = shard(d.address);
  if (d.deleted) {
    map.erase(d.address);
    return;
  }
  auto [it, inserted] = map.try_emplace(d.address);
  Account& acc = it->second;
  if (inserted) acc.code = empty_code_;
  if (d.storage_cleared) acc.storage.clear();
  if (d.nonce) acc.nonce = *d.nonce;
  if (d.balance) acc.balance = *d.balance;
  if (d.balance_credit) acc.balance += *d.balance_credit;
  if (d.code_hash) {
    acc.code_hash = *d.code_hash;
    acc.code = d.code && !d.code->empty() ? d.code : empty_code_;
  }
  for (const StorageChange& c : d.storage) {
    if (c.value.is_zero())
      acc.storage.erase(c.key);
    else
      acc.storage[c.key] = c.value;
  }
}

const InMemoryState::Account* InMemoryState::find(const Address& addr) const {
  const AccountMap& map = shard(addr);
  auto it = map.find(addr);
  return it == map.end() ? nullptr : &it->second;
}

size_t InMemoryState::account_count() const {
  size_t n = 0;
  for (const AccountMap& shard : shards_) n += shard.size();
  return n;
}

std::optional<AccountInfo> InMemoryState::read_account(const Address& addr) {
  const Account* acc = find(addr);
  if (!acc) return std::nullopt;
  return acc->info();
}

U256 InMemoryState::read_storage(const Address& addr, const U256& key) {
  const Account* acc = find(addr);
  if (!acc) return U256{0};
  auto it = acc->storage.find(key);
  return it == acc->storage.end() ? U256{0} : it->second;
}

SharedCode InMemoryState::read_code(const Hash& code_hash) {
  auto it = codes_.find(code_hash);
  return it == codes_.end() ? empty_code_ : it->second;
}

Hash InMemoryState::read_block_hash(uint64_t number) {
  auto it = block_hashes_.find(number);
  return it == block_hashes_.end() ? Hash{} : it->second;
}

bool InMemoryState::has_storage(const Address& addr) {
  const Account* acc = find(addr);
  return acc && !acc->storage.empty();
}

namespace {

Hash storage_root_of(const InMemoryState::Account& acc) {
  if (acc.storage.empty()) return kEmptyTrieRoot;
  std::vector<std::pair<Hash, Bytes>> entries;
  entries.reserve(acc.storage.size());
  for (const auto& [key, value] : acc.storage)
    entries.emplace_back(keccak256(key.to_be32()), rlp_encode_u256(value));
  return trie_root_hashed(std::move(entries));
}

}  // namespace

Hash InMemoryState::storage_root(const Address& addr) const {
  const Account* acc = find(addr);
  return acc ? storage_root_of(*acc) : kEmptyTrieRoot;
}

Hash InMemoryState::state_root() const {
  std::vector<std::pair<Hash, Bytes>> entries;
  entries.reserve(account_count());
  RlpEncoder enc(128);
  for_each_account([&](const Address& addr, const Account& acc) {
    enc.clear();
    const size_t mark = enc.begin_list();
    enc.append_u64(acc.nonce).append_u256(acc.balance);
    enc.append_hash(storage_root_of(acc)).append_hash(acc.code_hash);
    enc.end_list(mark);
    entries.emplace_back(keccak256(addr), enc.bytes());
  });
  return trie_root_hashed(std::move(entries));
}

}  // namespace paraevm
