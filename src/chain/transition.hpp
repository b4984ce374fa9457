// Applying one transaction to a state: validation, intrinsic gas, gas purchase, execution,
// refunds, fee payment. The phases are: validate -> pre-execution (nonce, gas purchase, warm
// sets, EIP-7702 authorizations) -> execution (host call) -> post-execution (refund, fees,
// EIP-161 clean-up).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chain/bloom.hpp"
#include "chain/transaction.hpp"
#include "chain/validation.hpp"
#include "evm/host.hpp"
#include "evm/revision.hpp"
#include "state/log.hpp"
#include "state/state_diff.hpp"
#include "state/state_view.hpp"

namespace paraevm {

class State;   // state/state.hpp
class Tracer;  // evm/tracer.hpp (interpreter's tracing hooks)

/// Block-level environment of a transaction.
struct BlockEnv {
  Address coinbase;
  int64_t number = 0;
  int64_t timestamp = 0;
  int64_t gas_limit = 0;
  U256 difficulty;   // before Paris
  U256 prev_randao;  // from Paris
  U256 base_fee;     // from London
  std::optional<uint64_t> excess_blob_gas;  // from Cancun
  U256 blob_base_fee;                       // derived from excess_blob_gas and the blob schedule
  U256 chain_id = 1;
  /// Most blobs per block (EIP-4844/7691 `max`); 0 = the revision's default schedule.
  uint64_t max_blobs_per_block = 0;
};

/// What an included transaction did.
struct TxReceipt {
  TxType type = TxType::Legacy;
  /// Success, Revert, or the exceptional halt of the top-level frame.
  StatusCode status = StatusCode::Success;
  /// Gas the sender paid for (after refunds and the EIP-7623 floor).
  uint64_t gas_used = 0;
  /// EIP-4844 blob gas (blobs * 2^17).
  uint64_t blob_gas_used = 0;
  std::vector<Log> logs;
  /// Return data (or revert data) of the top-level frame.
  Bytes output;
  /// Address of the created contract, for a successful creation.
  std::optional<Address> contract_address;
  /// Every state change of the transaction, fees included.
  StateDiff diff;

  bool success() const { return status == StatusCode::Success; }
};

/// A transaction is either rejected (error set, no state change) or included (receipt).
struct TxOutcome {
  std::optional<TxError> error;
  TxReceipt receipt;
  /// The bloom of the receipt's logs, computed with them (in the parallel engine's workers, not
  /// at commit). Kept out of the receipt, which the commit moves: 256 bytes per transaction.
  Bloom bloom;

  bool valid() const { return !error.has_value(); }
};

/// Validates and executes `tx` from `sender` (already recovered) on `state`, which must be a
/// fresh State for this transaction over the pre-transaction view. On success the receipt
/// carries the diff (state.build_diff() after finalisation); on a validation error the state is
/// untouched and the diff empty. `gas_left` is what the block still offers; `tracer` (may be
/// null) is passed to the interpreter.
TxOutcome apply_transaction(State& state, const BlockEnv& block, Revision rev,
                            const Transaction& tx, const Address& sender,
                            Tracer* tracer = nullptr, const BlockGasLeft& gas_left = {});

/// Convenience: a fresh State over `view`, then apply_transaction.
TxOutcome apply_transaction(StateView& view, const BlockEnv& block, Revision rev,
                            const Transaction& tx, const Address& sender,
                            Tracer* tracer = nullptr, const BlockGasLeft& gas_left = {});

}  // namespace paraevm
