// The dispatch loop. Availability, stack height and base gas of every instruction come from the
// revision's tables (instruction_table.hpp) and are checked once per step before the switch;
// the cases below only compute. The loop exists twice (kTrace false/true) so that tracing costs
// nothing when off.
//
// Dispatch is a switch that GCC compiles to a jump table. A threaded version (labels-as-values,
// one indirect jump per handler) measured the same on the evm-benchmarks programs (blake2b,
// sha1, snailtracer: within 2%, run interleaved), so the portable form stays.
#include "evm/interpreter.hpp"

#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "evm/frame.hpp"
#include "evm/instruction_table.hpp"
#include "evm/instructions.hpp"
#include "evm/opcodes.hpp"
#include "evm/u256_fast.hpp"

namespace paraevm {
namespace evm {
namespace {

/// Everything the dispatcher checks per step, packed for one load.
struct OpInfo {
  int32_t cost = kUndefined;
  int16_t required = 0;
  /// Highest stack height before the instruction that does not overflow.
  int16_t max_height = kStackLimit;
};
static_assert(sizeof(OpInfo) == 8);
using OpTable = std::array<OpInfo, 256>;

constexpr std::array<OpTable, kRevisionCount> make_op_tables() {
  std::array<OpTable, kRevisionCount> t{};
  for (int r = 0; r < kRevisionCount; ++r)
    for (int op = 0; op < 256; ++op) {
      const StackTraits s = kStackTraits[op];
      t[r][op] = {kCostTables[r][op], s.required,
                  static_cast<int16_t>(kStackLimit - (s.change > 0 ? s.change : 0))};
    }
  return t;
}
constexpr std::array<OpTable, kRevisionCount> kOpTables = make_op_tables();

/// Per-thread pool of frame buffers indexed by nesting level, so a nested call reuses the
/// stack and memory of an earlier frame at the same level instead of allocating 32 KiB.
struct BufferPool {
  std::vector<std::unique_ptr<FrameBuffers>> levels;
  size_t used = 0;
};
thread_local BufferPool t_pool;

/// Memory kept by a pooled buffer after its frame ends; larger buffers are released. Generous,
/// because a released buffer costs the next frame its reallocations and page faults (measured:
/// 45% of blake2b_shifts' time with a 1 MiB bound).
constexpr size_t kRetainedMemory = size_t{32} << 20;

class PooledBuffers {
 public:
  PooledBuffers() {
    if (t_pool.used == t_pool.levels.size())
      t_pool.levels.push_back(std::make_unique<FrameBuffers>());
    buffers_ = t_pool.levels[t_pool.used++].get();
    buffers_->memory.clear();
  }
  ~PooledBuffers() {
    if (buffers_->memory.capacity() > kRetainedMemory) std::vector<uint8_t>().swap(buffers_->memory);
    --t_pool.used;
  }
  PooledBuffers(const PooledBuffers&) = delete;
  PooledBuffers& operator=(const PooledBuffers&) = delete;
  FrameBuffers& get() { return *buffers_; }

 private:
  FrameBuffers* buffers_;
};

/// The immediate of PUSH<N> at `data`, built limb by limb straight from the code bytes (going
/// through a stack buffer costs a store-forwarding stall on every PUSH).
template <unsigned N>
inline U256 push_value(const uint8_t* data) {
  U256 r;
  for (unsigned k = 0; k < 4 && 8 * k < N; ++k) {
    const unsigned end = N - 8 * k;  // this limb holds bytes [begin, end) of the immediate
    const unsigned begin = end >= 8 ? end - 8 : 0;
    uint64_t v = 0;
    if (end - begin == 8) {
      std::memcpy(&v, data + begin, 8);
      v = __builtin_bswap64(v);
    } else {
      for (unsigned i = begin; i < end; ++i) v = (v << 8) | data[i];
    }
    r.limb[k] = v;
  }
  return r;
}

/// Reports the step to the tracer (trace instantiation only).
void trace_step(Frame& f, Tracer& tracer, uint64_t pc, int64_t gas, const U256* sp) {
  TraceStep s;
  s.pc = pc;
  s.opcode = f.code.data()[pc];
  s.gas = gas;
  const int16_t cost = cost_table(f.rev)[s.opcode];
  s.gas_cost = cost < 0 ? 0 : cost;
  s.memory_size = f.memory.size();
  s.stack = {f.stack_bottom + 1, static_cast<size_t>(sp - f.stack_bottom)};
  s.memory = {f.memory.data(), f.memory.size()};
  s.depth = f.msg.depth;
  s.refund = f.refund;
  tracer.on_step(s);
}

/// Runs the frame to its end; returns the final status and leaves the gas in `gas`.
template <bool kTrace>
StatusCode run(Frame& f, int64_t& gas_out, Tracer* tracer) {
  const OpTable& table = kOpTables[static_cast<int>(f.rev)];
  const uint8_t* const code = f.code.data();
  const uint8_t* ip = code;
  U256* const bottom = f.stack_bottom;
  U256* sp = bottom;
  int64_t gas = gas_out;
  StatusCode status = StatusCode::Success;

#define PARAEVM_CHECK(expr)                      \
  {                                              \
    const OpResult res_ = (expr);                \
    gas = res_.gas;                              \
    if (res_.status != StatusCode::Success) {    \
      status = res_.status;                      \
      goto done;                                 \
    }                                            \
  }

  for (;;) {
    const uint8_t op = *ip;
    if constexpr (kTrace) trace_step(f, *tracer, static_cast<uint64_t>(ip - code), gas, sp);
    const OpInfo& info = table[op];
    const int height = static_cast<int>(sp - bottom);
    if (info.cost < 0) [[unlikely]] {
      status = StatusCode::UndefinedInstruction;
      goto done;
    }
    if (height < info.required) [[unlikely]] {
      status = StatusCode::StackUnderflow;
      goto done;
    }
    if (height > info.max_height) [[unlikely]] {
      status = StatusCode::StackOverflow;
      goto done;
    }
    if ((gas -= info.cost) < 0) [[unlikely]] {
      status = StatusCode::OutOfGas;
      goto done;
    }

    switch (op) {
      case OP_STOP: goto done;
      case OP_ADD: sp[-1] = fast::add(sp[0], sp[-1]), --sp; break;
      case OP_MUL: sp[-1] = fast::mul(sp[0], sp[-1]), --sp; break;
      case OP_SUB: sp[-1] = fast::sub(sp[0], sp[-1]), --sp; break;
      case OP_DIV: sp[-1] = sp[0] / sp[-1], --sp; break;
      case OP_SDIV: sp[-1] = sdiv(sp[0], sp[-1]), --sp; break;
      case OP_MOD: sp[-1] = sp[0] % sp[-1], --sp; break;
      case OP_SMOD: sp[-1] = smod(sp[0], sp[-1]), --sp; break;
      case OP_ADDMOD: sp[-2] = addmod(sp[0], sp[-1], sp[-2]), sp -= 2; break;
      case OP_MULMOD: sp[-2] = mulmod(sp[0], sp[-1], sp[-2]), sp -= 2; break;
      case OP_EXP: PARAEVM_CHECK(op_exp(f, sp, gas)); --sp; break;
      case OP_SIGNEXTEND: sp[-1] = signextend(sp[0], sp[-1]), --sp; break;

      case OP_LT: sp[-1] = U256{fast::lt(sp[0], sp[-1])}, --sp; break;
      case OP_GT: sp[-1] = U256{fast::lt(sp[-1], sp[0])}, --sp; break;
      case OP_SLT: sp[-1] = U256{fast::slt(sp[0], sp[-1])}, --sp; break;
      case OP_SGT: sp[-1] = U256{fast::slt(sp[-1], sp[0])}, --sp; break;
      case OP_EQ: sp[-1] = U256{fast::eq(sp[0], sp[-1])}, --sp; break;
      case OP_ISZERO: sp[0] = U256{sp[0].is_zero()}; break;
      case OP_AND: sp[-1] = fast::bit_and(sp[0], sp[-1]), --sp; break;
      case OP_OR: sp[-1] = fast::bit_or(sp[0], sp[-1]), --sp; break;
      case OP_XOR: sp[-1] = fast::bit_xor(sp[0], sp[-1]), --sp; break;
      case OP_NOT: sp[0] = fast::bit_not(sp[0]); break;
      case OP_BYTE: sp[-1] = fast::byte_at(sp[0], sp[-1]), --sp; break;
      case OP_SHL: sp[-1] = fast::shl(sp[-1], sp[0]), --sp; break;
      case OP_SHR: sp[-1] = fast::shr(sp[-1], sp[0]), --sp; break;
      case OP_SAR: sp[-1] = fast::sar(sp[-1], sp[0]), --sp; break;
      case OP_CLZ: sp[0] = U256{sp[0].count_leading_zeros()}; break;

      case OP_KECCAK256: PARAEVM_CHECK(op_keccak256(f, sp, gas)); --sp; break;

      case OP_ADDRESS: *++sp = fast::from_address(f.msg.recipient); break;
      case OP_BALANCE: PARAEVM_CHECK(op_balance(f, sp, gas)); break;
      case OP_ORIGIN: *++sp = fast::from_address(f.tx_context().origin); break;
      case OP_CALLER: *++sp = fast::from_address(f.msg.sender); break;
      case OP_CALLVALUE: *++sp = f.msg.value; break;
      case OP_CALLDATALOAD: op_calldataload(f, sp); break;
      case OP_CALLDATASIZE: *++sp = U256{f.msg.input.size()}; break;
      case OP_CALLDATACOPY: PARAEVM_CHECK(op_calldatacopy(f, sp, gas)); sp -= 3; break;
      case OP_CODESIZE: *++sp = U256{f.code.size()}; break;
      case OP_CODECOPY: PARAEVM_CHECK(op_codecopy(f, sp, gas)); sp -= 3; break;
      case OP_GASPRICE: *++sp = f.tx_context().gas_price; break;
      case OP_EXTCODESIZE: PARAEVM_CHECK(op_extcodesize(f, sp, gas)); break;
      case OP_EXTCODECOPY: PARAEVM_CHECK(op_extcodecopy(f, sp, gas)); sp -= 4; break;
      case OP_RETURNDATASIZE: *++sp = U256{f.return_data.size()}; break;
      case OP_RETURNDATACOPY: PARAEVM_CHECK(op_returndatacopy(f, sp, gas)); sp -= 3; break;
      case OP_EXTCODEHASH: PARAEVM_CHECK(op_extcodehash(f, sp, gas)); break;

      case OP_BLOCKHASH: op_blockhash(f, sp); break;
      case OP_COINBASE: *++sp = fast::from_address(f.tx_context().coinbase); break;
      case OP_TIMESTAMP: *++sp = U256{static_cast<uint64_t>(f.tx_context().timestamp)}; break;
      case OP_NUMBER: *++sp = U256{static_cast<uint64_t>(f.tx_context().number)}; break;
      case OP_PREVRANDAO: *++sp = f.tx_context().prev_randao; break;
      case OP_GASLIMIT: *++sp = U256{static_cast<uint64_t>(f.tx_context().gas_limit)}; break;
      case OP_CHAINID: *++sp = f.tx_context().chain_id; break;
      case OP_SELFBALANCE: op_selfbalance(f, sp), ++sp; break;
      case OP_BASEFEE: *++sp = f.tx_context().base_fee; break;
      case OP_BLOBHASH: op_blobhash(f, sp); break;
      case OP_BLOBBASEFEE: *++sp = f.tx_context().blob_base_fee; break;

      case OP_POP: --sp; break;
      case OP_MLOAD: PARAEVM_CHECK(op_mload(f, sp, gas)); break;
      case OP_MSTORE: PARAEVM_CHECK(op_mstore(f, sp, gas)); sp -= 2; break;
      case OP_MSTORE8: PARAEVM_CHECK(op_mstore8(f, sp, gas)); sp -= 2; break;
      case OP_SLOAD: PARAEVM_CHECK(op_sload(f, sp, gas)); break;
      case OP_SSTORE: PARAEVM_CHECK(op_sstore(f, sp, gas)); sp -= 2; break;
      case OP_JUMP: {
        const U256& dst = sp[0];
        if (!dst.fits_u64() || !f.code.is_jumpdest(dst.limb[0])) [[unlikely]] {
          status = StatusCode::BadJumpDestination;
          goto done;
        }
        ip = code + dst.limb[0];
        --sp;
        continue;
      }
      case OP_JUMPI: {
        if (sp[-1].is_zero()) {
          sp -= 2;
          break;
        }
        const U256& dst = sp[0];
        if (!dst.fits_u64() || !f.code.is_jumpdest(dst.limb[0])) [[unlikely]] {
          status = StatusCode::BadJumpDestination;
          goto done;
        }
        ip = code + dst.limb[0];
        sp -= 2;
        continue;
      }
      case OP_PC: *++sp = U256{static_cast<uint64_t>(ip - code)}; break;
      case OP_MSIZE: *++sp = U256{f.memory.size()}; break;
      case OP_GAS: *++sp = U256{static_cast<uint64_t>(gas)}; break;
      case OP_JUMPDEST: break;
      case OP_TLOAD: op_tload(f, sp); break;
      case OP_TSTORE:
        if ((status = op_tstore(f, sp)) != StatusCode::Success) goto done;
        sp -= 2;
        break;
      case OP_MCOPY: PARAEVM_CHECK(op_mcopy(f, sp, gas)); sp -= 3; break;
      case OP_PUSH0: *++sp = U256{}; break;

#define PARAEVM_PUSH(n)                    \
  case OP_PUSH1 + (n) - 1:                 \
    *++sp = push_value<(n)>(ip + 1);       \
    ip += (n) + 1;                         \
    continue;
      PARAEVM_PUSH(1) PARAEVM_PUSH(2) PARAEVM_PUSH(3) PARAEVM_PUSH(4)
      PARAEVM_PUSH(5) PARAEVM_PUSH(6) PARAEVM_PUSH(7) PARAEVM_PUSH(8)
      PARAEVM_PUSH(9) PARAEVM_PUSH(10) PARAEVM_PUSH(11) PARAEVM_PUSH(12)
      PARAEVM_PUSH(13) PARAEVM_PUSH(14) PARAEVM_PUSH(15) PARAEVM_PUSH(16)
      PARAEVM_PUSH(17) PARAEVM_PUSH(18) PARAEVM_PUSH(19) PARAEVM_PUSH(20)
      PARAEVM_PUSH(21) PARAEVM_PUSH(22) PARAEVM_PUSH(23) PARAEVM_PUSH(24)
      PARAEVM_PUSH(25) PARAEVM_PUSH(26) PARAEVM_PUSH(27) PARAEVM_PUSH(28)
      PARAEVM_PUSH(29) PARAEVM_PUSH(30) PARAEVM_PUSH(31) PARAEVM_PUSH(32)
#undef PARAEVM_PUSH

      case OP_DUP1: case OP_DUP1 + 1: case OP_DUP1 + 2: case OP_DUP1 + 3:
      case OP_DUP1 + 4: case OP_DUP1 + 5: case OP_DUP1 + 6: case OP_DUP1 + 7:
      case OP_DUP1 + 8: case OP_DUP1 + 9: case OP_DUP1 + 10: case OP_DUP1 + 11:
      case OP_DUP1 + 12: case OP_DUP1 + 13: case OP_DUP1 + 14: case OP_DUP16:
        sp[1] = sp[OP_DUP1 - op], ++sp;
        break;
      case OP_SWAP1: case OP_SWAP1 + 1: case OP_SWAP1 + 2: case OP_SWAP1 + 3:
      case OP_SWAP1 + 4: case OP_SWAP1 + 5: case OP_SWAP1 + 6: case OP_SWAP1 + 7:
      case OP_SWAP1 + 8: case OP_SWAP1 + 9: case OP_SWAP1 + 10: case OP_SWAP1 + 11:
      case OP_SWAP1 + 12: case OP_SWAP1 + 13: case OP_SWAP1 + 14: case OP_SWAP16:
        std::swap(sp[0], sp[OP_SWAP1 - 1 - op]);
        break;

      case OP_LOG0: case OP_LOG1: case OP_LOG2: case OP_LOG3: case OP_LOG4: {
        const int topics = op - OP_LOG0;
        PARAEVM_CHECK(op_log(f, sp, gas, topics));
        sp -= 2 + topics;
        break;
      }

      case OP_CREATE: PARAEVM_CHECK(op_create(f, sp, gas, op)); sp -= 2; break;
      case OP_CREATE2: PARAEVM_CHECK(op_create(f, sp, gas, op)); sp -= 3; break;
      case OP_CALL: case OP_CALLCODE: PARAEVM_CHECK(op_call(f, sp, gas, op)); sp -= 6; break;
      case OP_DELEGATECALL: case OP_STATICCALL:
        PARAEVM_CHECK(op_call(f, sp, gas, op));
        sp -= 5;
        break;
      case OP_RETURN: PARAEVM_CHECK(op_return(f, sp, gas)); goto done;
      case OP_REVERT:
        PARAEVM_CHECK(op_return(f, sp, gas));
        status = StatusCode::Revert;
        goto done;
      case OP_SELFDESTRUCT: PARAEVM_CHECK(op_selfdestruct(f, sp, gas)); goto done;
      case OP_INVALID: status = StatusCode::InvalidInstruction; goto done;
      default:
        // Unreachable: the table marks every opcode without a case as undefined.
        status = StatusCode::UndefinedInstruction;
        goto done;
    }
    ++ip;
  }
#undef PARAEVM_CHECK

done:
  gas_out = gas;
  return status;
}

}  // namespace
}  // namespace evm

Result execute(Host& host, Revision rev, const Message& msg, const AnalyzedCode& code,
               Tracer* tracer) {
  evm::PooledBuffers buffers;
  evm::FrameBuffers& fb = buffers.get();
  evm::Frame f{host, msg, code, rev, fb.memory, &fb.stack[0], 0, {}, {}, nullptr};

  int64_t gas = msg.gas;
  const StatusCode status =
      tracer ? evm::run<true>(f, gas, tracer) : evm::run<false>(f, gas, nullptr);

  Result r;
  r.status = status;
  if (status == StatusCode::Success || status == StatusCode::Revert) {
    r.gas_left = gas;
    r.output = std::move(f.output);
  }
  if (status == StatusCode::Success) r.gas_refund = f.refund;
  if (tracer) tracer->on_frame_end(msg, r);
  return r;
}

Result execute(Host& host, Revision rev, const Message& msg, BytesView code, Tracer* tracer) {
  const AnalyzedCode analyzed(code);
  return execute(host, rev, msg, analyzed, tracer);
}

}  // namespace paraevm
