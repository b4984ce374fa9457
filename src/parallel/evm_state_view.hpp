// A StateView over multi-version memory: what one incarnation of a transaction sees. Every read
// goes through the incarnation's view (recorded for validation; an ESTIMATE suspends it); code
// and block hashes are immutable and come from the shared code store and the base state.
#pragma once

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <array>
#include <unordered_map>
#include <utility>

#include "base/local_handle.hpp"
#include "parallel/evm_location.hpp"
#include "parallel/incarnation_view.hpp"
#include "state/state_view.hpp"

namespace paraevm::parallel {

/// Code deployed during the block, shared by all workers (keyed by hash: immutable). Most blocks
/// deploy nothing, and every account load asks for code: a lookup takes the shared lock only
/// once something was added (a shared lock is an atomic write on one cache line that every
/// worker would otherwise bounce between cores).
class CodeStore {
 public:
  void add(const Hash& hash, SharedCode code) {
    std::unique_lock lock(mu_);
    codes_.emplace(hash, std::move(code));
    // release: a reader that sees the count also sees the entry (it then takes the lock anyway).
    count_.store(codes_.size(), std::memory_order_release);
  }
  SharedCode find(const Hash& hash) const {
    if (count_.load(std::memory_order_acquire) == 0) return nullptr;
    std::shared_lock lock(mu_);
    auto it = codes_.find(hash);
    return it == codes_.end() ? nullptr : it->second;
  }
  void clear() {
    std::unique_lock lock(mu_);
    codes_.clear();
    count_.store(0, std::memory_order_release);
  }

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<Hash, SharedCode, FixedBytesHasher> codes_;
  std::atomic<size_t> count_{0};
};

/// Code by hash through this thread's handle (base/local_handle.hpp), `fetch()` the first time:
/// every worker loads a hot contract's code, and the copies the State makes would otherwise
/// bounce one reference count between cores. Code is immutable under its hash; the empty code
/// and code `fetch` does not know (null or empty) are not cached.
template <class Fetch>
SharedCode code_through_local_handle(const Hash& code_hash, Fetch&& fetch) {
  using Local = LocalHandles<Bytes>;
  if (code_hash == kEmptyCodeHash) return empty_code();
  if (const SharedCode* local = Local::find(code_hash)) return *local;
  SharedCode code = fetch();
  if (!code || code->empty()) return code;
  return Local::insert(code_hash, std::move(code));
}

/// The pre-block state as multi-version memory's base. The pre-state is not written during the
/// block, so concurrent reads of it are safe.
class EvmBaseReader final : public BaseReader<EvmTraits> {
 public:
  explicit EvmBaseReader(StateView& pre) : pre_(pre) {}
  EvmValue read_base(const EvmKey& key) override;
  StateView& pre() { return pre_; }
  /// Where the account's balance is kept in this block (evm_location.hpp): apart, in the
  /// Balance location, when the account had code before the block.
  bool balance_apart(const Address& addr) {
    const auto info = pre_.read_account(addr);
    return info && info->has_code();
  }

 private:
  StateView& pre_;
};

class MvStateView final : public StateView {
 public:
  MvStateView(IncarnationView<EvmTraits>& view, EvmBaseReader& base, const CodeStore& codes)
      : view_(view), base_(base), codes_(codes) {}

  std::optional<AccountInfo> read_account(const Address& addr) override;
  /// For an account whose balance is apart, the Account location alone when it says the
  /// account exists, its Balance only when read_balance() asks; otherwise read_account().
  AccountRead read_account_lazily(const Address& addr) override;
  U256 read_balance(const Address& addr) override;
  U256 read_storage(const Address& addr, const U256& key) override;
  SharedCode read_code(const Hash& code_hash) override;
  Hash read_block_hash(uint64_t number) override { return base_.pre().read_block_hash(number); }
  bool has_storage(const Address& addr) override;
  /// From the Account location's nearest full write (or the pre-block state), past balance
  /// deltas: they never change the code, so lazy credits create no dependency here.
  Hash read_code_hash(const Address& addr) override;

  /// The Account location (existence, nonce, code hash) as this incarnation read it: from the
  /// accounts it served, else read now (and recorded like any read).
  EvmValue account_location(const Address& addr);
  /// EvmBaseReader::balance_apart(): a lookup in the pre-block state, which records no read.
  bool balance_apart(const Address& addr) { return base_.balance_apart(addr); }

 private:
  void remember_account(const Address& addr, const EvmValue& v);
  /// The account's StorageEpoch location (index + 1 of the last transaction that wiped it).
  uint64_t storage_epoch(const Address& addr);

  IncarnationView<EvmTraits>& view_;
  EvmBaseReader& base_;
  const CodeStore& codes_;
  // The first accounts this incarnation read, so that diff_to_writes() need not read them
  // again (a transaction loads a few accounts: a fixed flat list beats a map and allocates
  // nothing; accounts past it are read again).
  static constexpr size_t kRememberedAccounts = 16;
  std::array<std::pair<Address, EvmValue>, kRememberedAccounts> accounts_read_;
  size_t accounts_read_count_ = 0;
  // Storage epochs this incarnation read (a transaction reads the storage of few accounts;
  // past the list an epoch is read again, which is as correct).
  static constexpr size_t kCachedEpochs = 8;
  std::array<std::pair<Address, uint64_t>, kCachedEpochs> epochs_;
  size_t epoch_cache_count_ = 0;
};

}  // namespace paraevm::parallel
