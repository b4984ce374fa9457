// The EVM host over a journaled State: the interpreter's window onto accounts, storage, logs and
// nested calls for one transaction under one revision.
#pragma once

#include <cstdint>
#include <optional>

#include "evm/analysis.hpp"
#include "evm/host.hpp"
#include "evm/revision.hpp"
#include "state/state.hpp"

namespace paraevm {

class Tracer;  // evm/tracer.hpp

/// EVMC storage status of writing `value` over `current` when the slot held `original` at the
/// start of the transaction.
StorageStatus classify_storage_write(const U256& original, const U256& current,
                                     const U256& value);

/// Address of a contract created by CREATE: keccak256(rlp([sender, nonce]))[12:].
Address create_address(const Address& sender, uint64_t sender_nonce);
/// Address of a contract created by CREATE2: keccak256(0xff ++ sender ++ salt ++
/// keccak256(init_code))[12:].
Address create2_address(const Address& sender, const Bytes32& salt, BytesView init_code);

/// EIP-7702: the delegate's address when `code` is a delegation designator (0xef0100 ++ addr).
std::optional<Address> delegation_target(BytesView code);

/// The process-wide cache of analyzed code (by code hash) that hosts use by default.
CodeCache& default_code_cache();

class StateHost final : public Host {
 public:
  /// `state`, `ctx`, `tracer` (may be null) and `cache` must outlive the host.
  StateHost(State& state, Revision rev, const TxContext& ctx, Tracer* tracer = nullptr,
            CodeCache& cache = default_code_cache())
      : state_(state), rev_(rev), ctx_(ctx), tracer_(tracer), code_cache_(cache) {}

  State& state() { return state_; }
  Revision revision() const { return rev_; }

  bool account_exists(const Address& addr) override;
  U256 get_storage(const Address& addr, const U256& key) override;
  StorageStatus set_storage(const Address& addr, const U256& key, const U256& value) override;
  U256 get_balance(const Address& addr) override;
  size_t get_code_size(const Address& addr) override;
  Hash get_code_hash(const Address& addr) override;
  size_t copy_code(const Address& addr, size_t offset, uint8_t* out, size_t size) override;
  bool selfdestruct(const Address& addr, const Address& beneficiary) override;
  /// Runs a message: the transaction's top-level one (depth 0; for a creation msg.recipient is
  /// the new address, and the transaction has already bumped the sender's nonce) or a nested
  /// call or creation.
  /// Value transfer, precompiles, code loading (EIP-7702 delegation resolved), depth and
  /// balance checks, checkpoint and rollback on failure.
  Result call(const Message& msg) override;
  const TxContext& get_tx_context() override { return ctx_; }
  Hash get_block_hash(int64_t number) override;
  void emit_log(const Address& addr, BytesView data, std::span<const U256> topics) override;
  AccessStatus access_account(const Address& addr) override;
  AccessStatus access_storage(const Address& addr, const U256& key) override;
  U256 get_transient_storage(const Address& addr, const U256& key) override;
  void set_transient_storage(const Address& addr, const U256& key, const U256& value) override;

 private:
  /// Runs a call frame: touch, value transfer, code (delegation resolved) or precompile.
  Result call_message(const Message& msg);
  /// CREATE/CREATE2 from a frame: balance and nonce checks, address, creator's nonce bump.
  Result nested_create(const Message& msg);
  /// Runs init code at `addr` and deposits the code.
  Result create_message(const Message& msg, const Address& addr);
  /// EIP-684/EIP-7610: an account with a nonce, code or storage cannot be created over.
  bool collides(const Address& addr);

  State& state_;
  Revision rev_;
  const TxContext& ctx_;
  Tracer* tracer_;
  CodeCache& code_cache_;
};

}  // namespace paraevm
