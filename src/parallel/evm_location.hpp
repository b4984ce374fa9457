// The EVM's locations in multi-version memory. An account is split so that transactions that
// touch different parts of it do not conflict:
//   Account       existence, nonce, code hash and, for an account without code before the
//                 block, its balance (the State reads an externally owned account's balance
//                 whenever it loads it: the sender's fee, a value call's emptiness check, so a
//                 location of its own cost a second lookup and write for nothing);
//   Balance       the balance of an account that had code before the block ("balance apart",
//                 decided by the pre-block state, so every transaction of the block agrees). A
//                 call to a contract reads its code, not its balance (StateView::
//                 read_account_lazily), so it does not depend on the transactions that moved
//                 ether in or out of the contract: WETH's deposits and withdrawals had ordered
//                 every later call to WETH into one chain, the costliest of a dozen mainnet blocks;
//   Storage       one slot; its value carries the index of the transaction that wrote it;
//   StorageEpoch  the index of the last transaction that wiped the account's storage
//                 (contract creation over an old account, SELFDESTRUCT, EIP-161 deletion).
// The balance's location is the only one with additive deltas: credits made without reading
// the balance (the coinbase's fee, value sent to a contract whose balance the transaction never
// read). An account that only ever received such credits exists once its balance is non-zero.
// A slot written before the latest wipe reads as zero, so a read of an account destroyed or
// re-created in the block depends only on the transactions that actually did it.
#pragma once

#include <cstdint>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "parallel/types.hpp"
#include "state/state_view.hpp"

namespace paraevm::parallel {

enum class EvmField : uint8_t { Account, Balance, Storage, StorageEpoch };

struct EvmKey {
  Address address;
  EvmField field = EvmField::Account;
  U256 slot;  // Storage only

  friend bool operator==(const EvmKey&, const EvmKey&) = default;
};

struct EvmKeyHash {
  size_t operator()(const EvmKey& k) const noexcept {
    size_t h = FixedBytesHasher{}(k.address) ^ (static_cast<size_t>(k.field) * 0x9E3779B97F4A7C15ULL);
    if (k.field == EvmField::Storage) h ^= (k.slot.limb[0] * 0xC2B2AE3D27D4EB4FULL) ^ k.slot.limb[3];
    return h;
  }
};

/// Content of a location; which members matter depends on the field (see above).
struct EvmValue {
  bool exists = false;           // Account
  bool balance_apart = false;    // Account: the balance is in the Balance location
  uint64_t nonce = 0;            // Account
  Hash code_hash = kEmptyCodeHash;  // Account
  U256 word;                     // balance (Account or Balance), Storage value, StorageEpoch (writer + 1)
  uint32_t writer = 0;           // Storage: writer index + 1 (0 = before the block)

  friend bool operator==(const EvmValue&, const EvmValue&) = default;
};

struct EvmTraits {
  using Key = EvmKey;
  using KeyHash = EvmKeyHash;
  using Value = EvmValue;
  using Delta = U256;  // balance credit, wrapping like the EVM's balances never do in practice

  static Value apply(const Value& v, const Delta& d) {
    Value out = v;
    out.word = out.word + d;
    return out;
  }
  static Delta combine(const Delta& lower, const Delta& higher) { return lower + higher; }
};

static_assert(LocationTraits<EvmTraits>);

}  // namespace paraevm::parallel
