#include <cstdio>
#include <string>

#include "base/hex.hpp"
#include "evm/opcodes.hpp"
#include "evm/tracer.hpp"

namespace paraevm {
namespace {

std::string hex64(uint64_t v) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return {buf, static_cast<size_t>(n)};
}

}  // namespace

std::string_view status_error_name(StatusCode status) {
  switch (status) {
    case StatusCode::Success: return "";
    case StatusCode::Revert: return "execution reverted";
    case StatusCode::OutOfGas: return "out of gas";
    case StatusCode::InvalidInstruction: return "invalid instruction";
    case StatusCode::UndefinedInstruction: return "undefined instruction";
    case StatusCode::StackOverflow: return "stack overflow";
    case StatusCode::StackUnderflow: return "stack underflow";
    case StatusCode::BadJumpDestination: return "invalid jump destination";
    case StatusCode::InvalidMemoryAccess: return "invalid memory access";
    case StatusCode::StaticModeViolation: return "static mode violation";
    case StatusCode::CallDepthExceeded: return "call depth exceeded";
    case StatusCode::InsufficientBalance: return "insufficient balance";
    case StatusCode::ContractAddressCollision: return "contract address collision";
    case StatusCode::ContractValidationFailure: return "contract validation failure";
    case StatusCode::PrecompileFailure: return "precompile failure";
    case StatusCode::InternalError: return "internal error";
  }
  return "unknown";
}

void JsonTracer::on_step(const TraceStep& s) {
  std::string line;
  line.reserve(128 + s.stack.size() * 20);
  line += "{\"pc\":" + std::to_string(s.pc) + ",\"op\":" + std::to_string(s.opcode);
  line += ",\"gas\":\"" + hex64(static_cast<uint64_t>(s.gas)) + "\"";
  line += ",\"gasCost\":\"" + hex64(static_cast<uint64_t>(s.gas_cost)) + "\"";
  line += ",\"memSize\":" + std::to_string(s.memory_size) + ",\"stack\":[";
  for (size_t i = 0; i < s.stack.size(); ++i) {
    if (i != 0) line += ',';
    line += '"' + s.stack[i].to_hex() + '"';
  }
  line += "],\"depth\":" + std::to_string(s.depth + 1);
  line += ",\"refund\":" + std::to_string(s.refund);
  line += ",\"opName\":\"";
  line += opcode_name(s.opcode);
  line += '"';
  if (with_memory_) line += ",\"memory\":\"" + to_hex(s.memory) + "\"";
  line += "}\n";
  out_ << line;
}

void JsonTracer::on_frame_end(const Message& msg, const Result& result) {
  if (msg.depth != 0) return;
  std::string line = "{\"output\":\"" + to_hex(result.output, false) + "\"";
  line += ",\"gasUsed\":\"" + hex64(static_cast<uint64_t>(msg.gas - result.gas_left)) + "\"";
  if (result.status != StatusCode::Success) {
    line += ",\"error\":\"";
    line += status_error_name(result.status);
    line += '"';
  }
  line += "}\n";
  out_ << line;
}

}  // namespace paraevm
