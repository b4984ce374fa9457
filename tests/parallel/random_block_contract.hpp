// Hand-assembled EVM contracts for the random-block differential test: a command interpreter
// whose behaviour is driven entirely by calldata, and the init codes that deploy it.
//
// Calldata is a sequence of 128-byte commands [w0, a, b, c]; the low byte of w0 is the op and
// w0 / 256 an extra parameter (the gas of CALL). CALL forwards the c 128-byte chunks that
// follow the command to the callee as its calldata; CREATE/CREATE2 use them as init code.
// Memory: [0] the cursor, [0x100] scratch for logs and output, [0x200] calldata/initcode copies.
// Only Frontier opcodes are used by the dispatcher itself, so the contract runs on every
// revision; an op not available in a revision fails the frame as it should.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/bytes.hpp"

namespace paraevm::random_block {

enum Op : uint8_t {
  kSstoreAdd = 1,     // SSTORE(a, SLOAD(b) + c)
  kBalanceLog = 2,    // LOG1(BALANCE(a))
  kSelfBalanceLog = 3,
  kCall = 4,          // CALL(gas w0/256, a, value b, forwarded c chunks); LOG1(success)
  kRevert = 5,
  kInvalid = 6,
  kBurn = 7,          // loops until out of gas
  kCreate = 8,        // CREATE(value a, init code = c chunks); LOG1(address)
  kCreate2 = 9,       // CREATE2(value a, salt b, init code = c chunks); LOG1(address)
  kSelfDestruct = 10, // SELFDESTRUCT(a)
  kTransient = 11,    // TSTORE(a, b); LOG1(TLOAD(c))
  kExtCodeSize = 12,  // LOG1(EXTCODESIZE(a))
  kExtCodeHash = 13,  // LOG1(EXTCODEHASH(a))
  kSstore = 14,       // SSTORE(a, b)
  kSloadLog = 15,     // LOG1(SLOAD(a))
  kCoinbaseBalance = 16,  // LOG1(BALANCE(COINBASE))
  kStop = 17,
  kOpCount
};

/// A tiny assembler with forward labels (PUSH2 targets).
class Assembler {
 public:
  Assembler& op(uint8_t b) {
    code_.push_back(b);
    return *this;
  }
  Assembler& push(uint64_t v) {
    if (v <= 0xff) return op(0x60).op(static_cast<uint8_t>(v));
    if (v <= 0xffff) return op(0x61).op(static_cast<uint8_t>(v >> 8)).op(static_cast<uint8_t>(v));
    throw std::logic_error("Assembler::push: immediate too wide");
  }
  Assembler& push_label(const std::string& name) {
    fixups_.push_back({code_.size() + 1, name});
    return op(0x61).op(0).op(0);
  }
  Assembler& label(const std::string& name) {
    labels_[name] = code_.size();
    return op(0x5b);  // JUMPDEST
  }
  Assembler& append(const Bytes& bytes) {
    code_.insert(code_.end(), bytes.begin(), bytes.end());
    return *this;
  }
  size_t size() const { return code_.size(); }
  Bytes finish() const {
    Bytes out = code_;
    for (const auto& [at, name] : fixups_) {
      const size_t target = labels_.at(name);
      out[at] = static_cast<uint8_t>(target >> 8);
      out[at + 1] = static_cast<uint8_t>(target);
    }
    return out;
  }

 private:
  Bytes code_;
  std::map<std::string, size_t> labels_;
  std::vector<std::pair<size_t, std::string>> fixups_;
};

namespace detail {

// The label of an op's handler (built without `"h" + std::string`, which trips GCC 12's
// -Wrestrict false positive).
inline std::string handler_label(int op) {
  char name[8];
  std::snprintf(name, sizeof(name), "h%d", op);
  return name;
}

// Opcodes used below.
constexpr uint8_t ADD = 0x01, MUL = 0x02, DIV = 0x04, LT = 0x10, GT = 0x11, EQ = 0x14, ISZERO = 0x15, AND = 0x16,
                  ADDRESS = 0x30, BALANCE = 0x31, CALLER = 0x33, CALLVALUE = 0x34, CALLDATALOAD = 0x35,
                  CALLDATASIZE = 0x36, CALLDATACOPY = 0x37, CODECOPY = 0x39, EXTCODESIZE = 0x3b,
                  EXTCODEHASH = 0x3f, COINBASE = 0x41, SELFBALANCE = 0x47, POP = 0x50, MLOAD = 0x51,
                  MSTORE = 0x52, SLOAD = 0x54, SSTORE = 0x55, JUMP = 0x56, JUMPI = 0x57, TLOAD = 0x5c,
                  TSTORE = 0x5d, DUP1 = 0x80, LOG1 = 0xa1, CREATE = 0xf0, CALL = 0xf1, RETURN = 0xf3,
                  CREATE2 = 0xf5, REVERT = 0xfd, INVALID = 0xfe, SELFDESTRUCT = 0xff, STOP = 0x00;

// Pushes word i of the current command.
inline void arg(Assembler& a, unsigned i) {
  a.push(0).op(MLOAD);
  if (i) a.push(32 * i).op(ADD);
  a.op(CALLDATALOAD);
}
// [v] -> LOG1(v) with the op as topic; v also stays in scratch as the output.
inline void log_top(Assembler& a, uint8_t topic) {
  a.push(0x100).op(MSTORE).push(topic).push(32).push(0x100).op(LOG1);
}
// [] -> the size in bytes of the c chunks that follow the command.
inline void chunk_bytes(Assembler& a) {
  arg(a, 3);
  a.push(128).op(MUL);
}
// Copies the chunks that follow the command to memory 0x200.
inline void copy_chunks(Assembler& a) {
  chunk_bytes(a);
  a.push(0).op(MLOAD).push(128).op(ADD).push(0x200).op(CALLDATACOPY);
}
// Skips the chunks that follow and continues with the next command.
inline void skip_chunks_and_next(Assembler& a) {
  chunk_bytes(a);
  a.push(0).op(MLOAD).op(ADD).push(0).op(MSTORE).push_label("next").op(JUMP);
}

inline void emit_handler(Assembler& a, Op op) {
  a.label(handler_label(op)).op(POP);
  switch (op) {
    case kSstoreAdd: arg(a, 3); arg(a, 2); a.op(SLOAD).op(ADD); arg(a, 1); a.op(SSTORE); break;
    case kBalanceLog: arg(a, 1); a.op(BALANCE); log_top(a, op); break;
    case kSelfBalanceLog: a.op(SELFBALANCE); log_top(a, op); break;
    case kCall:
      copy_chunks(a);
      a.push(0).push(0);
      chunk_bytes(a);
      a.push(0x200);
      arg(a, 2);
      arg(a, 1);
      a.push(0x100);
      arg(a, 0);
      a.op(DIV).op(CALL);
      log_top(a, op);
      skip_chunks_and_next(a);
      return;
    case kRevert: a.push(32).push(0x100).op(REVERT); return;
    case kInvalid: a.op(INVALID); return;
    case kBurn: a.label("burn").push_label("burn").op(JUMP); return;
    case kCreate:
    case kCreate2:
      copy_chunks(a);
      if (op == kCreate2) arg(a, 2);
      chunk_bytes(a);
      a.push(0x200);
      arg(a, 1);
      a.op(op == kCreate ? CREATE : CREATE2);
      log_top(a, op);
      skip_chunks_and_next(a);
      return;
    case kSelfDestruct: arg(a, 1); a.op(SELFDESTRUCT); return;
    case kTransient: arg(a, 2); arg(a, 1); a.op(TSTORE); arg(a, 3); a.op(TLOAD); log_top(a, op); break;
    case kExtCodeSize: arg(a, 1); a.op(EXTCODESIZE); log_top(a, op); break;
    case kExtCodeHash: arg(a, 1); a.op(EXTCODEHASH); log_top(a, op); break;
    case kSstore: arg(a, 2); arg(a, 1); a.op(SSTORE); break;
    case kSloadLog: arg(a, 1); a.op(SLOAD); log_top(a, op); break;
    case kCoinbaseBalance: a.op(COINBASE).op(BALANCE); log_top(a, op); break;
    case kStop: a.op(STOP); return;
    default: throw std::logic_error("unknown op");
  }
  a.push_label("next").op(JUMP);
}

}  // namespace detail

/// Runtime code of the command interpreter.
inline const Bytes& interpreter_code() {
  static const Bytes code = [] {
    using namespace detail;
    Assembler a;
    a.label("loop");
    a.push(0).op(MLOAD).op(CALLDATASIZE).op(GT).op(ISZERO).push_label("end").op(JUMPI);
    arg(a, 0);
    a.push(0xff).op(AND);
    for (int op = 1; op < kOpCount; ++op) a.op(DUP1).push(op).op(EQ).push_label(handler_label(op)).op(JUMPI);
    a.op(POP);
    a.label("next").push(0).op(MLOAD).push(128).op(ADD).push(0).op(MSTORE).push_label("loop").op(JUMP);
    a.label("end").push(32).push(0x100).op(RETURN);
    for (int op = 1; op < kOpCount; ++op) emit_handler(a, static_cast<Op>(op));
    return a.finish();
  }();
  return code;
}

/// What an init code does.
enum class Init : uint8_t { Deploy, Revert, Empty, SelfDestruct, kCount };

/// Init code of the given kind, padded with zeros to a multiple of 128 bytes (the padding is
/// part of the code, so CREATE2 addresses are computed over the padded bytes).
inline Bytes init_code(Init kind) {
  using namespace detail;
  Assembler a;
  switch (kind) {
    case Init::Deploy: {
      // SSTORE(7, CALLVALUE + 1); CODECOPY(0, prefix, runtime size); RETURN(0, runtime size)
      const size_t runtime = interpreter_code().size();
      a.op(CALLVALUE).push(1).op(ADD).push(7).op(SSTORE);
      const size_t prefix = a.size() + 3 + 2 + 2 + 1 + 3 + 2 + 1;  // PUSH2 PUSH1 PUSH1 CODECOPY PUSH2 PUSH1 RETURN
      a.push(runtime).push(prefix).push(0).op(CODECOPY).push(runtime).push(0).op(RETURN);
      if (a.size() != prefix) throw std::logic_error("init_code: prefix size");
      a.append(interpreter_code());
      break;
    }
    case Init::Revert: a.push(0).push(0).op(REVERT); break;
    case Init::Empty: a.op(STOP); break;
    case Init::SelfDestruct: a.push(1).push(9).op(SSTORE).op(CALLER).op(SELFDESTRUCT); break;
    default: throw std::logic_error("init_code: kind");
  }
  Bytes out = a.finish();
  out.resize((out.size() + 127) / 128 * 128, 0);
  return out;
}

}  // namespace paraevm::random_block
