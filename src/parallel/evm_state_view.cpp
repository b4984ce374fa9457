#include "parallel/evm_state_view.hpp"

namespace paraevm::parallel {

EvmValue EvmBaseReader::read_base(const EvmKey& key) {
  EvmValue v;
  switch (key.field) {
    case EvmField::Account:
      if (const auto info = pre_.read_account(key.address)) {
        v.exists = true;
        v.balance_apart = info->has_code();
        v.nonce = info->nonce;
        v.code_hash = info->code_hash;
        if (!v.balance_apart) v.word = info->balance;
      }
      break;
    case EvmField::Balance:
      if (const auto info = pre_.read_account(key.address)) v.word = info->balance;
      break;
    case EvmField::Storage:
      v.word = pre_.read_storage(key.address, key.slot);
      break;
    case EvmField::StorageEpoch:
      break;  // no wipe before the block
  }
  return v;
}

std::optional<AccountInfo> MvStateView::read_account(const Address& addr) {
  AccountRead read = read_account_lazily(addr);
  if (read.info && !read.balance_known) read.info->balance = read_balance(addr);
  return read.info;
}

StateView::AccountRead MvStateView::read_account_lazily(const Address& addr) {
  const EvmValue acc = view_.read({addr, EvmField::Account, {}});
  remember_account(addr, acc);
  if (acc.balance_apart && acc.exists) return {AccountInfo{acc.nonce, U256{}, acc.code_hash}, false};
  // An account that only received credits (the coinbase) exists once its balance is non-zero.
  const U256 balance = acc.balance_apart ? read_balance(addr) : acc.word;
  if (!acc.exists && balance.is_zero()) return {std::nullopt, true};
  return {AccountInfo{acc.nonce, balance, acc.code_hash}, true};
}

U256 MvStateView::read_balance(const Address& addr) { return view_.read({addr, EvmField::Balance, {}}).word; }

EvmValue MvStateView::account_location(const Address& addr) {
  // The State loads an account once, so the latest entry is the one it saw.
  for (size_t i = accounts_read_count_; i-- > 0;)
    if (accounts_read_[i].first == addr) return accounts_read_[i].second;
  return view_.read({addr, EvmField::Account, {}});
}

void MvStateView::remember_account(const Address& addr, const EvmValue& v) {
  if (accounts_read_count_ < kRememberedAccounts) accounts_read_[accounts_read_count_++] = {addr, v};
}

uint64_t MvStateView::storage_epoch(const Address& addr) {
  // Read (and recorded) once per account and incarnation: the incarnation sees one snapshot,
  // and validation of the one recorded read covers every use.
  if (epoch_cache_count_ > 0 && epochs_[epoch_cache_count_ - 1].first == addr)
    return epochs_[epoch_cache_count_ - 1].second;
  for (size_t i = 0; i < epoch_cache_count_; ++i)
    if (epochs_[i].first == addr) return epochs_[i].second;
  const uint64_t epoch = view_.read({addr, EvmField::StorageEpoch, {}}).word.low64();
  if (epoch_cache_count_ < kCachedEpochs) epochs_[epoch_cache_count_++] = {addr, epoch};
  return epoch;
}

U256 MvStateView::read_storage(const Address& addr, const U256& key) {
  const uint64_t epoch = storage_epoch(addr);
  const EvmValue slot = view_.read({addr, EvmField::Storage, key});
  // A slot last written before the latest wipe of the account's storage reads as zero.
  return slot.writer >= epoch ? slot.word : U256{};
}

SharedCode MvStateView::read_code(const Hash& code_hash) {
  if (code_hash == kEmptyCodeHash) return base_.pre().read_code(code_hash);
  return code_through_local_handle(code_hash, [&] {
    SharedCode code = codes_.find(code_hash);
    return code ? code : base_.pre().read_code(code_hash);
  });
}

Hash MvStateView::read_code_hash(const Address& addr) {
  const EvmValue acc = view_.read_skipping_deltas({addr, EvmField::Account, {}});
  return acc.exists ? acc.code_hash : kEmptyCodeHash;
}

bool MvStateView::has_storage(const Address& addr) {
  // Storage written during the block needs code or a nonce at the address first, which the
  // creation-collision check sees on its own; only a wipe changes the pre-block answer.
  return storage_epoch(addr) == 0 && base_.pre().has_storage(addr);
}

}  // namespace paraevm::parallel
