// Execution tracing: one callback per executed instruction and one per finished frame. The
// interpreter instantiates its loop twice, with and without tracing, so a null tracer costs
// nothing.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>

#include "base/uint256.hpp"
#include "evm/host.hpp"

namespace paraevm {

/// The machine state just before an instruction executes.
struct TraceStep {
  uint64_t pc = 0;
  uint8_t opcode = 0;
  int64_t gas = 0;       // gas left before the instruction
  int64_t gas_cost = 0;  // the instruction's base cost from the revision table
  uint64_t memory_size = 0;
  /// Stack, bottom first.
  std::span<const U256> stack;
  BytesView memory;
  int32_t depth = 0;       // Message::depth (0 for the transaction's own frame)
  int64_t refund = 0;      // refund counter of this frame so far
};

class Tracer {
 public:
  virtual ~Tracer() = default;
  /// Called before each instruction, before its availability, stack and gas checks.
  virtual void on_step(const TraceStep& step) = 0;
  /// Called when a frame ends, with its message and result.
  virtual void on_frame_end(const Message& msg, const Result& result) = 0;
};

/// EIP-3155 JSON-lines tracer (the format of geth's and evmone's `--trace`): one object per step,
/// then a summary line with output, gasUsed and error when the outermost frame (depth 0) ends.
class JsonTracer : public Tracer {
 public:
  /// `with_memory` adds the "memory" field (hex of the whole memory) to each step.
  explicit JsonTracer(std::ostream& out, bool with_memory = false)
      : out_(out), with_memory_(with_memory) {}
  void on_step(const TraceStep& step) override;
  void on_frame_end(const Message& msg, const Result& result) override;

 private:
  std::ostream& out_;
  bool with_memory_;
};

/// Short error name of a status for traces ("" for success).
std::string_view status_error_name(StatusCode status);

}  // namespace paraevm
