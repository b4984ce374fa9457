// Interpreter semantics: arithmetic, memory and its gas, jumps, stack limits, static mode,
// opcode availability per revision, code analysis and tracing. Expected values come from the
// Yellow Paper and the EIPs, computed by hand in the comments.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "evm/analysis.hpp"
#include "evm/instruction_table.hpp"
#include "unit/evm_test_host.hpp"

namespace paraevm::test {
namespace {

constexpr Revision kLatest = Revision::Osaka;
const U256 kMax = U256::max();

/// Runs `code` that leaves one word on the stack and returns it.
U256 eval(const Code& code, Revision rev = kLatest) {
  MockHost host;
  Result r = run(host, rev, code + ret_top());
  EXPECT_EQ(r.status, StatusCode::Success);
  return output_word(r);
}

/// Gas used by `code` with 1,000,000 gas.
int64_t gas_used(const Code& code, Revision rev = kLatest) {
  MockHost host;
  Result r = run(host, rev, code, 1'000'000);
  EXPECT_EQ(r.status, StatusCode::Success);
  return 1'000'000 - r.gas_left;
}

U256 neg(uint64_t v) { return U256{} - U256{v}; }

TEST(EvmArithmetic, AddSubMulWrap) {
  EXPECT_EQ(eval(push(2) + push(1) + OP_ADD), U256{3});
  EXPECT_EQ(eval(push(1) + push(kMax) + OP_ADD), U256{0});
  EXPECT_EQ(eval(push(3) + push(2) + OP_SUB), kMax);  // 2 - 3
  EXPECT_EQ(eval(push(7) + push(6) + OP_MUL), U256{42});
  EXPECT_EQ(eval(push(kMax) + push(kMax) + OP_MUL), U256{1});  // (-1)*(-1)
  EXPECT_EQ(eval(push(U256{1} << 128) + push(U256{1} << 128) + OP_MUL), U256{0});
}

TEST(EvmArithmetic, Division) {
  EXPECT_EQ(eval(push(3) + push(10) + OP_DIV), U256{3});
  EXPECT_EQ(eval(push(0) + push(10) + OP_DIV), U256{0});
  EXPECT_EQ(eval(push(3) + push(10) + OP_MOD), U256{1});
  EXPECT_EQ(eval(push(0) + push(10) + OP_MOD), U256{0});
  EXPECT_EQ(eval(push(neg(2)) + push(neg(8)) + OP_SDIV), U256{4});
  const U256 min = U256{1} << 255;
  EXPECT_EQ(eval(push(kMax) + push(min) + OP_SDIV), min);  // overflow case stays -2^255
  EXPECT_EQ(eval(push(3) + push(neg(8)) + OP_SMOD), neg(2));
  // 2^256 = 2 (mod 7), so max = 1 and max+max = 2 (mod 7).
  EXPECT_EQ(eval(push(7) + push(kMax) + push(kMax) + OP_ADDMOD), U256{2});
  // 2^256 = 4 (mod 12), so max = 3 and max*max = 9 (mod 12).
  EXPECT_EQ(eval(push(12) + push(kMax) + push(kMax) + OP_MULMOD), U256{9});
  EXPECT_EQ(eval(push(0) + push(5) + push(5) + OP_MULMOD), U256{0});
}

TEST(EvmArithmetic, ExpAndItsGas) {
  EXPECT_EQ(eval(push(10) + push(2) + OP_EXP), U256{1024});
  EXPECT_EQ(eval(push(255) + push(2) + OP_EXP), U256{1} << 255);
  EXPECT_EQ(eval(push(256) + push(2) + OP_EXP), U256{0});
  // PUSH 2 + PUSH 2 + EXP: 3 + 3 + 10 + per-byte (1 byte exponent): 10 before EIP-160, 50 after.
  const Code c = push(2) + push(2) + OP_EXP;
  EXPECT_EQ(gas_used(c, Revision::Homestead), 26);
  EXPECT_EQ(gas_used(c, Revision::SpuriousDragon), 66);
  // A two-byte exponent pays twice; a zero exponent pays nothing.
  EXPECT_EQ(gas_used(push(256) + push(2) + OP_EXP, Revision::Berlin), 116);
  EXPECT_EQ(gas_used(push(0) + push(2) + OP_EXP, Revision::Berlin), 16);
}

TEST(EvmArithmetic, ComparisonAndBitwise) {
  EXPECT_EQ(eval(push(2) + push(1) + OP_LT), U256{1});
  EXPECT_EQ(eval(push(2) + push(1) + OP_GT), U256{0});
  EXPECT_EQ(eval(push(1) + push(kMax) + OP_SLT), U256{1});  // -1 < 1
  EXPECT_EQ(eval(push(kMax) + push(1) + OP_SGT), U256{1});
  EXPECT_EQ(eval(push(5) + push(5) + OP_EQ), U256{1});
  EXPECT_EQ(eval(push(0) + OP_ISZERO), U256{1});
  EXPECT_EQ(eval(push(0xf0) + push(0x3c) + OP_AND), U256{0x30});
  EXPECT_EQ(eval(push(0xf0) + push(0x0f) + OP_OR), U256{0xff});
  EXPECT_EQ(eval(push(0xff) + push(0x0f) + OP_XOR), U256{0xf0});
  EXPECT_EQ(eval(push(0) + OP_NOT), kMax);
  EXPECT_EQ(eval(push(0x1234) + push(31) + OP_BYTE), U256{0x34});
  EXPECT_EQ(eval(push(0x1234) + push(30) + OP_BYTE), U256{0x12});
  EXPECT_EQ(eval(push(0x1234) + push(32) + OP_BYTE), U256{0});
  EXPECT_EQ(eval(push(0xff) + push(0) + OP_SIGNEXTEND), kMax);
  EXPECT_EQ(eval(push(0x7f) + push(0) + OP_SIGNEXTEND), U256{0x7f});
}

TEST(EvmArithmetic, ShiftsAndClz) {
  EXPECT_EQ(eval(push(1) + push(1) + OP_SHL), U256{2});
  EXPECT_EQ(eval(push(1) + push(255) + OP_SHL), U256{1} << 255);
  EXPECT_EQ(eval(push(1) + push(256) + OP_SHL), U256{0});
  EXPECT_EQ(eval(push(0xff) + push(4) + OP_SHR), U256{0xf});
  EXPECT_EQ(eval(push(kMax) + push(65) + OP_SHR), kMax >> 65);
  EXPECT_EQ(eval(push(neg(16)) + push(4) + OP_SAR), kMax);
  EXPECT_EQ(eval(push(neg(16)) + push(2) + OP_SAR), neg(4));
  EXPECT_EQ(eval(push(U256{1} << 255) + push(300) + OP_SAR), kMax);
  EXPECT_EQ(eval(push(0x40) + push(300) + OP_SAR), U256{0});
  EXPECT_EQ(eval(push(1) + OP_CLZ), U256{255});
  EXPECT_EQ(eval(push(0) + OP_CLZ), U256{256});
  EXPECT_EQ(eval(push(kMax) + OP_CLZ), U256{0});
}

TEST(EvmArithmetic, Keccak256) {
  // keccak256("") and its gas: 30 + 0 words, no memory touched.
  EXPECT_EQ(eval(push(0) + push(0) + OP_KECCAK256),
            *U256::from_string("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
  EXPECT_EQ(gas_used(push(0) + push(0) + OP_KECCAK256), 36);
  // 33 bytes at 0: 30 + 2 words * 6 + 2 words of memory * 3 = 48, plus two pushes.
  EXPECT_EQ(gas_used(push(33) + push(0) + OP_KECCAK256), 54);
}

TEST(EvmMemory, ExpansionGas) {
  // PUSH, PUSH, MSTORE (3 each) + 1 word of memory (3).
  EXPECT_EQ(gas_used(push(1) + push(0) + OP_MSTORE), 12);
  // Offset 1000 needs ceil(1032/32) = 33 words: 3*33 + 33*33/512 = 99 + 2.
  EXPECT_EQ(gas_used(push(1) + push(1000) + OP_MSTORE), 110);
  // Expanding again only pays the difference: 33 words then to 34 words (102+2 - 101 = 3 more).
  EXPECT_EQ(gas_used(push(1) + push(1000) + OP_MSTORE + push(1) + push(1056) + OP_MSTORE8),
            110 + 9 + 3);
  // 1024 words: 3072 + 2048.
  EXPECT_EQ(gas_used(push(1) + push(32736) + OP_MSTORE), 9 + 3072 + 2048);
}

TEST(EvmMemory, LoadStoreAndSize) {
  EXPECT_EQ(eval(push(0xabcd) + push(64) + OP_MSTORE + push(64) + OP_MLOAD), U256{0xabcd});
  EXPECT_EQ(eval(push(0xab) + push(33) + OP_MSTORE8 + OP_MSIZE), U256{64});
  EXPECT_EQ(eval(push(0xab) + push(31) + OP_MSTORE8 + push(0) + OP_MLOAD), U256{0xab});
  // Zero-size regions never expand memory, even at huge offsets.
  EXPECT_EQ(eval(push(0) + push(kMax) + OP_KECCAK256 + OP_POP + OP_MSIZE), U256{0});
}

TEST(EvmMemory, HugeOffsetIsOutOfGas) {
  MockHost host;
  Result r = run(host, kLatest, push(1) + push(U256{1} << 40) + OP_MSTORE, 1'000'000);
  EXPECT_EQ(r.status, StatusCode::OutOfGas);
  EXPECT_EQ(r.gas_left, 0);
  r = run(host, kLatest, push(1) + push(kMax) + OP_MLOAD, 1'000'000);
  EXPECT_EQ(r.status, StatusCode::OutOfGas);
}

TEST(EvmMemory, Mcopy) {
  // Store 0x..ab at word 0, copy 32 bytes to offset 32, load it.
  Code c = push(0xab) + push(0) + OP_MSTORE + push(32) + push(0) + push(32) + OP_MCOPY +
           push(32) + OP_MLOAD;
  EXPECT_EQ(eval(c), U256{0xab});
  // Overlapping copy of [0, 32) to [1, 33): the word reappears one byte later (memmove).
  EXPECT_EQ(eval(push(1) + push(0) + OP_MSTORE + push(32) + push(0) + push(1) + OP_MCOPY +
                 push(1) + OP_MLOAD),
            U256{1});
  EXPECT_EQ(eval(push(0x0102) + push(0) + OP_MSTORE + push(32) + push(0) + push(1) + OP_MCOPY +
                 push(0) + OP_MLOAD),
            U256{0x01});
  // Gas: 3 pushes (9) + MCOPY 3 + 1 word copy 3 + memory for 2 words 6.
  EXPECT_EQ(gas_used(push(32) + push(0) + push(32) + OP_MCOPY), 21);
}

TEST(EvmControl, JumpsAndJumpdests) {
  // 0: PUSH1 4, 2: JUMP, 3: INVALID, 4: JUMPDEST, 5: PUSH1 7 ...
  EXPECT_EQ(eval(push(4) + OP_JUMP + OP_INVALID + OP_JUMPDEST + push(7)), U256{7});
  // JUMPI not taken with a zero condition.
  EXPECT_EQ(eval(push(0) + push(9) + OP_JUMPI + push(1)), U256{1});
  MockHost host;
  // 0x5b inside PUSH data is not a jump destination: PUSH1 4 JUMP PUSH1 0x5b.
  Result r = run(host, kLatest, push(4) + OP_JUMP + raw("605b"));
  EXPECT_EQ(r.status, StatusCode::BadJumpDestination);
  EXPECT_EQ(r.gas_left, 0);
  r = run(host, kLatest, push(100) + OP_JUMP);
  EXPECT_EQ(r.status, StatusCode::BadJumpDestination);
  r = run(host, kLatest, push(kMax) + OP_JUMP);
  EXPECT_EQ(r.status, StatusCode::BadJumpDestination);
  r = run(host, kLatest, push(1) + push(kMax) + OP_JUMPI);
  EXPECT_EQ(r.status, StatusCode::BadJumpDestination);
}

/// Records the stack seen at each step.
struct StackRecorder : Tracer {
  std::vector<std::vector<U256>> stacks;
  void on_step(const TraceStep& s) override { stacks.emplace_back(s.stack.begin(), s.stack.end()); }
  void on_frame_end(const Message&, const Result&) override {}
};

TEST(EvmControl, PushAtCodeEndReadsZeros) {
  MockHost host;
  Message msg;
  msg.gas = 100000;
  // PUSH2 with one byte of data: 0x01 then a zero from the padding -> 0x0100, then STOP.
  AnalyzedCode code(*from_hex("6101"));
  StackRecorder rec;
  Result r = execute(host, kLatest, msg, code, &rec);
  EXPECT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(r.gas_left, 100000 - 3);
  ASSERT_EQ(rec.stacks.size(), 2u);  // PUSH2, then the implicit STOP
  EXPECT_EQ(rec.stacks[1], std::vector<U256>{U256{0x0100}});
  // PUSH32 with no data at all.
  AnalyzedCode code32(*from_hex("7f"));
  rec.stacks.clear();
  EXPECT_EQ(execute(host, kLatest, msg, code32, &rec).status, StatusCode::Success);
  ASSERT_EQ(rec.stacks.size(), 2u);
  EXPECT_EQ(rec.stacks[1], std::vector<U256>{U256{0}});
}

TEST(EvmControl, PcGasCodesize) {
  EXPECT_EQ(eval(push(0) + OP_POP + OP_PC), U256{3});
  // GAS pushes the gas left after its own cost: 1,000,000 - 2.
  EXPECT_EQ(eval(Code{OP_GAS}), U256{999'998});
  Code c = Code{OP_CODESIZE};
  EXPECT_EQ(eval(c), U256{1 + ret_top().bytes.size()});
}

TEST(EvmStack, Limits) {
  MockHost host;
  Code ok, over;
  for (int i = 0; i < 1024; ++i) ok = ok + OP_PUSH0;
  over = ok + OP_PUSH0;
  EXPECT_EQ(run(host, kLatest, ok).status, StatusCode::Success);
  Result r = run(host, kLatest, over);
  EXPECT_EQ(r.status, StatusCode::StackOverflow);
  EXPECT_EQ(r.gas_left, 0);
  EXPECT_EQ(run(host, kLatest, ok + OP_DUP1).status, StatusCode::StackOverflow);
  EXPECT_EQ(run(host, kLatest, ok + OP_SWAP16).status, StatusCode::Success);
  EXPECT_EQ(run(host, kLatest, Code{OP_ADD}).status, StatusCode::StackUnderflow);
  Code fifteen;
  for (int i = 0; i < 15; ++i) fifteen = fifteen + push(i);
  EXPECT_EQ(run(host, kLatest, fifteen + OP_DUP16).status, StatusCode::StackUnderflow);
  EXPECT_EQ(run(host, kLatest, fifteen + OP_DUP15).status, StatusCode::Success);
  EXPECT_EQ(run(host, kLatest, fifteen + push(0) + OP_SWAP16).status, StatusCode::StackUnderflow);
}

TEST(EvmStack, DupSwap) {
  EXPECT_EQ(eval(push(1) + push(2) + push(3) + OP_DUP3), U256{1});
  EXPECT_EQ(eval(push(1) + push(2) + push(3) + OP_SWAP2), U256{1});
  EXPECT_EQ(eval(push(1) + push(2) + push(3) + OP_SWAP2 + OP_POP + OP_POP), U256{3});
}

TEST(EvmStatic, WritesAreViolations) {
  const Code cases[] = {
      push(1) + push(0) + OP_SSTORE,
      push(1) + push(0) + OP_TSTORE,
      push(0) + push(0) + OP_LOG0,
      push(0) + push(0) + push(0) + OP_CREATE,
      push(0) + push(0) + push(0) + push(0) + OP_CREATE2,
      push(0x11) + OP_SELFDESTRUCT,
      push(0) + push(0) + push(0) + push(0) + push(1) + push(0x11) + push(0) + OP_CALL,
  };
  for (const Code& c : cases) {
    MockHost host;
    Result r = run(host, kLatest, c, 100000, /*is_static=*/true);
    EXPECT_EQ(r.status, StatusCode::StaticModeViolation) << to_hex(c.bytes);
    EXPECT_EQ(r.gas_left, 0);
    EXPECT_TRUE(host.calls.empty());
    EXPECT_TRUE(host.logs.empty());
    EXPECT_TRUE(host.selfdestructs.empty());
  }
  // Reads and value-free calls are allowed; the callee inherits static mode.
  MockHost host;
  Result r = run(host, kLatest,
                 push(0) + push(0) + push(0) + push(0) + push(0) + push(0x11) + push(0) + OP_CALL +
                     push(0) + OP_SLOAD,
                 100000, true);
  EXPECT_EQ(r.status, StatusCode::Success);
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_TRUE(host.calls[0].is_static);
}

TEST(EvmStatic, StaticcallMakesCalleeStatic) {
  MockHost host;
  Result r = run(host, kLatest,
                 push(0) + push(0) + push(0) + push(0) + push(0x11) + push(1000) + OP_STATICCALL);
  EXPECT_EQ(r.status, StatusCode::Success);
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_TRUE(host.calls[0].is_static);
  EXPECT_EQ(host.calls[0].kind, CallKind::Call);
  EXPECT_EQ(host.calls[0].gas, 1000);
}

/// The revision that introduced each opcode (EIP in the comment).
struct Introduced {
  uint8_t op;
  Revision since;
};
constexpr Introduced kIntroduced[] = {
    {OP_DELEGATECALL, Revision::Homestead},      // EIP-7
    {OP_RETURNDATASIZE, Revision::Byzantium},    // EIP-211
    {OP_RETURNDATACOPY, Revision::Byzantium},    // EIP-211
    {OP_STATICCALL, Revision::Byzantium},        // EIP-214
    {OP_REVERT, Revision::Byzantium},            // EIP-140
    {OP_SHL, Revision::Constantinople},          // EIP-145
    {OP_SHR, Revision::Constantinople},          // EIP-145
    {OP_SAR, Revision::Constantinople},          // EIP-145
    {OP_EXTCODEHASH, Revision::Constantinople},  // EIP-1052
    {OP_CREATE2, Revision::Constantinople},      // EIP-1014
    {OP_CHAINID, Revision::Istanbul},            // EIP-1344
    {OP_SELFBALANCE, Revision::Istanbul},        // EIP-1884
    {OP_BASEFEE, Revision::London},              // EIP-3198
    {OP_PUSH0, Revision::Shanghai},              // EIP-3855
    {OP_TLOAD, Revision::Cancun},                // EIP-1153
    {OP_TSTORE, Revision::Cancun},               // EIP-1153
    {OP_MCOPY, Revision::Cancun},                // EIP-5656
    {OP_BLOBHASH, Revision::Cancun},             // EIP-4844
    {OP_BLOBBASEFEE, Revision::Cancun},          // EIP-7516
    {OP_CLZ, Revision::Osaka},                   // EIP-7939
};

TEST(EvmAvailability, OpcodesPerRevision) {
  for (const auto& [op, since] : kIntroduced) {
    for (int r = 0; r < kRevisionCount; ++r) {
      const auto rev = static_cast<Revision>(r);
      // Enough zero items for any opcode, then the opcode.
      Code c;
      for (int i = 0; i < 7; ++i) c = c + push(0);
      MockHost host;
      Result res = run(host, rev, c + static_cast<Opcode>(op), 1'000'000);
      if (at_least(rev, since))
        EXPECT_NE(res.status, StatusCode::UndefinedInstruction)
            << opcode_name(op) << " in " << revision_name(rev);
      else
        EXPECT_EQ(res.status, StatusCode::UndefinedInstruction)
            << opcode_name(op) << " in " << revision_name(rev);
    }
  }
}

TEST(EvmAvailability, UnassignedBytesAndInvalid) {
  for (int op : {0x0c, 0x0f, 0x1f, 0x21, 0x4b, 0xa5, 0xef, 0xf6, 0xfb, 0xfc}) {
    MockHost host;
    Result r = run(host, kLatest, Code{static_cast<Opcode>(op)});
    EXPECT_EQ(r.status, StatusCode::UndefinedInstruction) << op;
    EXPECT_EQ(r.gas_left, 0);
  }
  MockHost host;
  Result r = run(host, Revision::Frontier, Code{OP_INVALID});
  EXPECT_EQ(r.status, StatusCode::InvalidInstruction);
  EXPECT_EQ(r.gas_left, 0);
}

TEST(EvmAvailability, RepricedBaseCosts) {
  // EIP-150, EIP-1884, EIP-2929 on SLOAD and BALANCE (warm base from Berlin).
  const std::pair<Revision, int> sload[] = {{Revision::Frontier, 50},
                                            {Revision::TangerineWhistle, 200},
                                            {Revision::Istanbul, 800},
                                            {Revision::Berlin, 100}};
  for (auto [rev, cost] : sload) EXPECT_EQ(cost_table(rev)[OP_SLOAD], cost);
  EXPECT_EQ(cost_table(Revision::Frontier)[OP_BALANCE], 20);
  EXPECT_EQ(cost_table(Revision::TangerineWhistle)[OP_BALANCE], 400);
  EXPECT_EQ(cost_table(Revision::Istanbul)[OP_BALANCE], 700);
  EXPECT_EQ(cost_table(Revision::Istanbul)[OP_EXTCODEHASH], 700);
  EXPECT_EQ(cost_table(Revision::Constantinople)[OP_EXTCODEHASH], 400);
  EXPECT_EQ(cost_table(Revision::TangerineWhistle)[OP_SELFDESTRUCT], 5000);
  EXPECT_EQ(cost_table(Revision::Homestead)[OP_SELFDESTRUCT], 0);
  EXPECT_EQ(cost_table(Revision::Frontier)[OP_LOG0 + 4], 375 * 5);
}

TEST(EvmEnvironment, ContextValues) {
  MockHost host;
  host.tx.number = 1000;
  host.tx.chain_id = U256{5};
  host.tx.base_fee = U256{7};
  host.tx.blob_base_fee = U256{9};
  host.tx.timestamp = 1234;
  host.block_hashes[999] = Hash::from_view(*from_hex("01"));
  host.block_hashes[744] = Hash::from_view(*from_hex("02"));
  host.block_hashes[743] = Hash::from_view(*from_hex("03"));
  auto eval_with = [&host](const Code& c) {
    return output_word(run(host, kLatest, c + ret_top()));
  };
  EXPECT_EQ(eval_with(Code{OP_CHAINID}), U256{5});
  EXPECT_EQ(eval_with(Code{OP_BASEFEE}), U256{7});
  EXPECT_EQ(eval_with(Code{OP_BLOBBASEFEE}), U256{9});
  EXPECT_EQ(eval_with(Code{OP_TIMESTAMP}), U256{1234});
  EXPECT_EQ(eval_with(Code{OP_NUMBER}), U256{1000});
  EXPECT_EQ(eval_with(Code{OP_ADDRESS}), U256{0xaa});
  EXPECT_EQ(eval_with(Code{OP_CALLER}), U256{0xbb});
  // BLOCKHASH sees blocks number-256 .. number-1 only.
  EXPECT_EQ(eval_with(push(999) + OP_BLOCKHASH), U256{1});
  EXPECT_EQ(eval_with(push(744) + OP_BLOCKHASH), U256{2});
  EXPECT_EQ(eval_with(push(743) + OP_BLOCKHASH), U256{0});
  EXPECT_EQ(eval_with(push(1000) + OP_BLOCKHASH), U256{0});
  Hash blobs[2] = {Hash::from_view(*from_hex("11")), Hash::from_view(*from_hex("22"))};
  host.tx.blob_hashes = blobs;
  EXPECT_EQ(eval_with(push(1) + OP_BLOBHASH), U256{0x22});
  EXPECT_EQ(eval_with(push(2) + OP_BLOBHASH), U256{0});
}

TEST(EvmEnvironment, CalldataAndCopies) {
  MockHost host;
  Bytes input = *from_hex("0102030405");
  Result r = run(host, kLatest, push(1) + OP_CALLDATALOAD + ret_top(), 100000, false, input);
  // Bytes 1..4 then zeros: 0x02030405 followed by 28 zero bytes.
  EXPECT_EQ(output_word(r), U256{0x02030405} << 224);
  r = run(host, kLatest, Code{OP_CALLDATASIZE} + ret_top(), 100000, false, input);
  EXPECT_EQ(output_word(r), U256{5});
  // CALLDATACOPY 3 bytes from offset 3 to memory 29: bytes 04 05 00 at the word's end.
  r = run(host, kLatest,
          push(3) + push(3) + push(29) + OP_CALLDATACOPY + push(32) + push(0) + OP_RETURN, 100000,
          false, input);
  EXPECT_EQ(output_word(r), U256{0x040500});
  // CODECOPY of the first 2 code bytes (PUSH1 2).
  r = run(host, kLatest, push(2) + push(0) + push(30) + OP_CODECOPY + push(32) + push(0) + OP_RETURN);
  EXPECT_EQ(output_word(r), U256{0x6002});
}

TEST(EvmEnvironment, ReturndataBounds) {
  MockHost host;
  host.call_handler = [](const Message& m) {
    Result r;
    r.gas_left = m.gas;
    r.output = {1, 2, 3};
    return r;
  };
  Code call = push(0) + push(0) + push(0) + push(0) + push(0) + push(0x11) + push(1000) + OP_CALL +
              OP_POP;
  Result r = run(host, kLatest, call + OP_RETURNDATASIZE + ret_top());
  EXPECT_EQ(output_word(r), U256{3});
  r = run(host, kLatest, call + push(3) + push(0) + push(0) + OP_RETURNDATACOPY + push(0) +
                             OP_MLOAD + ret_top());
  EXPECT_EQ(output_word(r), U256{0x010203} << 232);
  r = run(host, kLatest, call + push(2) + push(2) + push(0) + OP_RETURNDATACOPY);
  EXPECT_EQ(r.status, StatusCode::InvalidMemoryAccess);
  EXPECT_EQ(r.gas_left, 0);
  r = run(host, kLatest, call + push(0) + push(4) + push(0) + OP_RETURNDATACOPY);
  EXPECT_EQ(r.status, StatusCode::InvalidMemoryAccess);
}

TEST(EvmEnvironment, ReturnAndRevert) {
  MockHost host;
  Result r = run(host, kLatest, push(0x42) + push(0) + OP_MSTORE + push(1) + push(31) + OP_REVERT);
  EXPECT_EQ(r.status, StatusCode::Revert);
  EXPECT_EQ(r.output, Bytes{0x42});
  EXPECT_EQ(r.gas_left, 1'000'000 - (3 + 3 + 3 + 3 + 3 + 3 + 0));
  // A reverting frame reports no refund.
  host.accounts[addr(0xaa)].storage[U256{0}] = U256{1};
  r = run(host, Revision::London, push(0) + push(0) + OP_SSTORE + push(0) + push(0) + OP_REVERT);
  EXPECT_EQ(r.status, StatusCode::Revert);
  EXPECT_EQ(r.gas_refund, 0);
}

TEST(EvmLogs, TopicsAndGas) {
  MockHost host;
  Result r = run(host, kLatest,
                 push(0xabcd) + push(0) + OP_MSTORE + push(7) + push(6) + push(2) + push(30) +
                     OP_LOG2);
  ASSERT_EQ(r.status, StatusCode::Success);
  ASSERT_EQ(host.logs.size(), 1u);
  EXPECT_EQ(host.logs[0].addr, addr(0xaa));
  EXPECT_EQ(host.logs[0].data, (Bytes{0xab, 0xcd}));
  EXPECT_EQ(host.logs[0].topics, (std::vector<U256>{U256{6}, U256{7}}));
  // 6 pushes + MSTORE(3 + 3 memory) + LOG2 (375 + 2*375 + 2 bytes * 8).
  EXPECT_EQ(1'000'000 - r.gas_left, 18 + 6 + 1125 + 16);
}

TEST(EvmAnalysis, JumpdestBitmapSkipsPushData) {
  // JUMPDEST, PUSH2 5b5b, JUMPDEST, PUSH32 (31 bytes of 5b: truncated).
  Bytes code = *from_hex("5b615b5b5b7f5b5b5b");
  AnalyzedCode a(code);
  EXPECT_TRUE(a.is_jumpdest(0));
  EXPECT_FALSE(a.is_jumpdest(2));
  EXPECT_FALSE(a.is_jumpdest(3));
  EXPECT_TRUE(a.is_jumpdest(4));
  EXPECT_FALSE(a.is_jumpdest(6));
  EXPECT_FALSE(a.is_jumpdest(9));
  EXPECT_FALSE(a.is_jumpdest(1000));
  EXPECT_EQ(a.size(), code.size());
  for (size_t i = 0; i < AnalyzedCode::kPadding; ++i) EXPECT_EQ(a.data()[code.size() + i], 0);
}

TEST(EvmAnalysis, CodeCacheSharesAcrossThreads) {
  CodeCache cache(64);
  Bytes code = *from_hex("600160020100");
  Hash h = keccak256(code);
  std::vector<std::thread> threads;
  std::vector<const AnalyzedCode*> seen(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) seen[t] = cache.get(h, code).get();
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(cache.size(), 1u);
  for (int t = 1; t < 4; ++t) EXPECT_EQ(seen[t], seen[0]);
  // Bounded: inserting many distinct codes keeps the size under the bound.
  for (int i = 0; i < 500; ++i) {
    Bytes c = {static_cast<uint8_t>(i), static_cast<uint8_t>(i >> 8)};
    cache.get(keccak256(c), c);
  }
  EXPECT_LE(cache.size(), 64u);
}

TEST(EvmTracer, Eip3155Lines) {
  MockHost host;
  std::ostringstream out;
  JsonTracer tracer(out);
  Message msg;
  msg.gas = 100;
  Bytes code = *from_hex("6001600201");  // PUSH1 1 PUSH1 2 ADD
  Result r = execute(host, kLatest, msg, BytesView{code}, &tracer);
  EXPECT_EQ(r.status, StatusCode::Success);
  std::string expected =
      "{\"pc\":0,\"op\":96,\"gas\":\"0x64\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[],"
      "\"depth\":1,\"refund\":0,\"opName\":\"PUSH1\"}\n"
      "{\"pc\":2,\"op\":96,\"gas\":\"0x61\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[\"0x1\"],"
      "\"depth\":1,\"refund\":0,\"opName\":\"PUSH1\"}\n"
      "{\"pc\":4,\"op\":1,\"gas\":\"0x5e\",\"gasCost\":\"0x3\",\"memSize\":0,"
      "\"stack\":[\"0x1\",\"0x2\"],\"depth\":1,\"refund\":0,\"opName\":\"ADD\"}\n"
      "{\"pc\":5,\"op\":0,\"gas\":\"0x5b\",\"gasCost\":\"0x0\",\"memSize\":0,\"stack\":[\"0x3\"],"
      "\"depth\":1,\"refund\":0,\"opName\":\"STOP\"}\n"
      "{\"output\":\"\",\"gasUsed\":\"0x9\"}\n";
  EXPECT_EQ(out.str(), expected);
}

TEST(EvmTracer, ErrorSummary) {
  MockHost host;
  std::ostringstream out;
  JsonTracer tracer(out);
  Message msg;
  msg.gas = 10;
  Bytes code = *from_hex("01");
  execute(host, kLatest, msg, BytesView{code}, &tracer);
  EXPECT_NE(out.str().find("\"error\":\"stack underflow\""), std::string::npos);
  EXPECT_NE(out.str().find("\"gasUsed\":\"0xa\""), std::string::npos);
}

}  // namespace
}  // namespace paraevm::test
