// Applying one transaction to a state: validation, intrinsic gas, gas purchase, execution,
// refunds, fee payment. The phases are: validate -> pre-execution (nonce, gas purchase, warm
// sets, EIP-7702 authorizations) -> execution (host call) -> post-execution (refund, fees,
// EIP-161 clean-up).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chain/transaction.hpp"
#include "evm/revision.hpp"
#include "state/state_view.hpp"

namespace paraevm {

class State;  // state/state.hpp
struct Log;   // state/log.hpp

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
};

}  // namespace paraevm
