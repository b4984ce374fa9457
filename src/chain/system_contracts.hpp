// System contracts and system calls: EIP-4788 beacon roots, EIP-2935 block hash history, EIP-7002
// withdrawal and EIP-7251 consolidation requests, and EIP-6110 deposits read from the deposit
// contract's logs. A system call runs as SYSTEM_ADDRESS with 30M gas, no fee, no nonce change.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "chain/transition.hpp"
#include "state/in_memory_state.hpp"
#include "state/log.hpp"

namespace paraevm {

/// The caller of system calls (0xff..fe).
extern const Address kSystemAddress;
extern const Address kBeaconRootsAddress;           ///< EIP-4788
extern const Address kHistoryStorageAddress;        ///< EIP-2935
extern const Address kWithdrawalRequestAddress;     ///< EIP-7002
extern const Address kConsolidationRequestAddress;  ///< EIP-7251
extern const Address kDepositContractAddress;       ///< EIP-6110 (mainnet)

/// Gas given to a system call.
inline constexpr int64_t kSystemCallGas = 30'000'000;

struct SystemCallResult {
  bool code_missing = false;  ///< the target had no code (nothing was run)
  bool failed = false;        ///< the call halted exceptionally or reverted
  Bytes output;
};

/// Calls `target` with `data` as a system call and applies its changes to `state`. Touched
/// empty accounts are removed (execution-specs do so for system calls too).
SystemCallResult system_call(InMemoryState& state, const BlockEnv& env, Revision rev,
                             const Address& target, BytesView data);

/// EIP-6110 deposit requests from a block's logs (in order), each 192 bytes: pubkey,
/// withdrawal credentials, amount, signature, index. Returns nullopt with `error` set when a
/// deposit event is malformed (the block is invalid).
std::optional<Bytes> deposit_requests(std::span<const Log> logs, std::string& error);

/// EIP-7685 requests hash: sha256 of the sha256(type || data) of each non-empty request.
Hash requests_hash(std::span<const Bytes> requests_with_type);

}  // namespace paraevm
