// The interface between the interpreter and the world it runs in (modeled on EVMC). The
// interpreter never touches state directly: every account, storage, log and nested call goes
// through a Host. The state layer implements it over a journaled State, which in turn reads its
// backing data only through state/state_view.hpp (sequential, multi-version or on-disk).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "evm/revision.hpp"

namespace paraevm {

enum class CallKind : uint8_t { Call, DelegateCall, CallCode, Create, Create2 };

/// A message call or contract creation, as passed to Host::call and the interpreter.
struct Message {
  CallKind kind = CallKind::Call;
  bool is_static = false;
  int32_t depth = 0;
  int64_t gas = 0;
  /// The account whose storage and balance the code runs against (for CREATE: set by the host).
  Address recipient;
  /// CALLER inside the frame.
  Address sender;
  /// The account whose code runs (differs from recipient for DELEGATECALL and CALLCODE).
  Address code_address;
  /// Call data, or the init code of a creation.
  BytesView input;
  /// CALLVALUE inside the frame (for DELEGATECALL: the parent's value, no transfer).
  U256 value;
  /// CREATE2 salt.
  U256 salt;
};

enum class StatusCode : uint8_t {
  Success,
  Revert,
  // Exceptional halts: all gas of the frame is consumed.
  OutOfGas,
  InvalidInstruction,  // INVALID (0xfe) or an opcode not available in the revision
  UndefinedInstruction,
  StackOverflow,
  StackUnderflow,
  BadJumpDestination,
  InvalidMemoryAccess,  // RETURNDATACOPY out of bounds
  StaticModeViolation,
  CallDepthExceeded,
  InsufficientBalance,
  ContractAddressCollision,
  ContractValidationFailure,  // EIP-3541 0xEF prefix, EIP-170 code size
  PrecompileFailure,
  InternalError,
};

/// Result of a frame. For CREATE, create_address is the new contract's address on success.
struct Result {
  StatusCode status = StatusCode::Success;
  int64_t gas_left = 0;
  /// Refund counter change made by this frame and its successful children (may be negative).
  int64_t gas_refund = 0;
  Bytes output;
  Address create_address;
};

/// EVMC's storage status: how an SSTORE changes a slot relative to the value at the start of the
/// transaction (original) and before this write (current). The interpreter maps it to gas and
/// refund through the revision's table (EIP-1283/2200/2929/3529).
/// Notation: X original, Y current, Z new; 0 is zero, X != Y != Z, non-zero unless shown.
enum class StorageStatus : uint8_t {
  Assigned,          // all other cases: no gas beyond the warm access
  Added,             // 0 -> 0 -> Z
  Deleted,           // X -> X -> 0
  Modified,          // X -> X -> Z
  DeletedAdded,      // X -> 0 -> Z
  ModifiedDeleted,   // X -> Y -> 0
  DeletedRestored,   // X -> 0 -> X
  AddedDeleted,      // 0 -> Y -> 0
  ModifiedRestored,  // X -> Y -> X
};

enum class AccessStatus : uint8_t { Cold, Warm };

/// Block and transaction environment visible to the code.
struct TxContext {
  U256 gas_price;  // effective gas price
  Address origin;
  Address coinbase;
  int64_t number = 0;
  int64_t timestamp = 0;
  int64_t gas_limit = 0;
  U256 prev_randao;  // DIFFICULTY before Paris, PREVRANDAO from Paris on
  U256 chain_id;
  U256 base_fee;
  U256 blob_base_fee;
  std::span<const Hash> blob_hashes;
};

class Host {
 public:
  virtual ~Host() = default;

  /// Whether the account exists (before Spurious Dragon) or is non-empty (from it on, EIP-161):
  /// the host answers with the rule of its revision. Used for CALL's new-account charge.
  virtual bool account_exists(const Address& addr) = 0;
  virtual U256 get_storage(const Address& addr, const U256& key) = 0;
  virtual StorageStatus set_storage(const Address& addr, const U256& key, const U256& value) = 0;
  virtual U256 get_balance(const Address& addr) = 0;
  /// Code size, hash and bytes as seen by EXTCODE* (an EIP-7702 delegated account shows its
  /// 23-byte designator). get_code_hash returns zero for a non-existent or empty account.
  virtual size_t get_code_size(const Address& addr) = 0;
  virtual Hash get_code_hash(const Address& addr) = 0;
  /// Copies up to `size` bytes of code from `offset`; returns the number copied.
  virtual size_t copy_code(const Address& addr, size_t offset, uint8_t* out, size_t size) = 0;
  /// Registers SELFDESTRUCT of `addr` with the revision's rules (EIP-6780 from Cancun). Returns
  /// true when the account was not already registered (pre-London refund).
  virtual bool selfdestruct(const Address& addr, const Address& beneficiary) = 0;
  /// Runs a nested call or creation (value transfer, precompiles, code loading, depth and balance
  /// checks, snapshot and revert).
  virtual Result call(const Message& msg) = 0;
  virtual const TxContext& get_tx_context() = 0;
  /// Hash of a recent block (BLOCKHASH window already checked by the interpreter).
  virtual Hash get_block_hash(int64_t number) = 0;
  virtual void emit_log(const Address& addr, BytesView data, std::span<const U256> topics) = 0;
  /// EIP-2929: marks the account warm, returning its previous status.
  virtual AccessStatus access_account(const Address& addr) = 0;
  virtual AccessStatus access_storage(const Address& addr, const U256& key) = 0;
  /// EIP-1153 transient storage.
  virtual U256 get_transient_storage(const Address& addr, const U256& key) = 0;
  virtual void set_transient_storage(const Address& addr, const U256& key, const U256& value) = 0;
};

}  // namespace paraevm
