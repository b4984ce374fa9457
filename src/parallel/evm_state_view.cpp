#include "parallel/evm_state_view.hpp"

namespace paraevm::parallel {

EvmValue EvmBaseReader::read_base(const EvmKey& key) {
  EvmValue v;
  switch (key.field) {
    case EvmField::Account:
      if (const auto info = pre_.read_account(key.address)) {
        v.exists = true;
        v.nonce = info->nonce;
        v.code_hash = info->code_hash;
        v.word = info->balance;
      }
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
  const EvmValue acc = view_.read({addr, EvmField::Account, {}});
  remember_account(addr, acc);
  // An account that only received credits (the coinbase) exists once its balance is non-zero.
  if (!acc.exists && acc.word.is_zero()) return std::nullopt;
  return AccountInfo{acc.nonce, acc.word, acc.code_hash};
}

EvmValue MvStateView::account_location(const Address& addr) {
  // The State loads an account once, so the latest entry is the one it saw. Past a few dozen
  // accounts a scan costs more than reading the location again (which validation then checks).
  if (accounts_read_.size() <= 32)
    for (auto it = accounts_read_.rbegin(); it != accounts_read_.rend(); ++it)
      if (it->first == addr) return it->second;
  return view_.read({addr, EvmField::Account, {}});
}

void MvStateView::remember_account(const Address& addr, const EvmValue& v) {
  if (accounts_read_.size() <= 32) accounts_read_.emplace_back(addr, v);
}

U256 MvStateView::read_storage(const Address& addr, const U256& key) {
  const EvmValue epoch = view_.read({addr, EvmField::StorageEpoch, {}});
  const EvmValue slot = view_.read({addr, EvmField::Storage, key});
  // A slot last written before the latest wipe of the account's storage reads as zero.
  return slot.writer >= epoch.word.low64() ? slot.word : U256{};
}

SharedCode MvStateView::read_code(const Hash& code_hash) {
  if (SharedCode code = codes_.find(code_hash)) return code;
  return base_.pre().read_code(code_hash);
}

bool MvStateView::has_storage(const Address& addr) {
  // Storage written during the block needs code or a nonce at the address first, which the
  // creation-collision check sees on its own; only a wipe changes the pre-block answer.
  const EvmValue epoch = view_.read({addr, EvmField::StorageEpoch, {}});
  return epoch.word.is_zero() && base_.pre().has_storage(addr);
}

}  // namespace paraevm::parallel
