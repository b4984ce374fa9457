// The EVM interpreter: executes one frame's code against a Host.
#pragma once

#include "evm/analysis.hpp"
#include "evm/host.hpp"
#include "evm/revision.hpp"
#include "evm/tracer.hpp"

namespace paraevm {

/// Executes `code` for the message `msg` under the rules of `rev`. Nested calls and creations go
/// through `host.call`, which runs their code with another execute(); pass the same tracer there
/// to trace the nested frames. Result: status, gas left (zero after an exceptional halt), refund
/// counter change (zero unless successful), and the RETURN/REVERT output.
Result execute(Host& host, Revision rev, const Message& msg, const AnalyzedCode& code,
               Tracer* tracer = nullptr);

/// Convenience overload that analyzes `code` first (no caching).
Result execute(Host& host, Revision rev, const Message& msg, BytesView code,
               Tracer* tracer = nullptr);

}  // namespace paraevm
