// Dynamic gas rules: SSTORE per revision (the EIPs' own test vectors), EIP-2929 access costs,
// the CALL family (EIP-150 63/64, stipend, value and new-account charges, EIP-7702 delegation),
// CREATE/CREATE2 (EIP-3860, EIP-1014) and SELFDESTRUCT.
#include <gtest/gtest.h>

#include "evm/sstore_costs.hpp"
#include "unit/evm_test_host.hpp"

namespace paraevm::test {
namespace {

struct SstoreVector {
  const char* code;
  int64_t gas_used;
  int64_t refund;
  uint64_t original;
};

/// Runs an SSTORE vector on slot 0 of the recipient. `warm` pre-warms the slot (the EIP-3529
/// table assumes a warm slot).
void check_sstore(Revision rev, const SstoreVector& v, bool warm) {
  MockHost host;
  if (v.original != 0) host.accounts[addr(0xaa)].storage[U256{0}] = U256{v.original};
  if (warm) host.warm_slots.insert({addr(0xaa), U256{0}});
  Result r = run(host, rev, raw(v.code), 100000);
  ASSERT_EQ(r.status, StatusCode::Success) << v.code;
  EXPECT_EQ(100000 - r.gas_left, v.gas_used) << revision_name(rev) << " " << v.code;
  EXPECT_EQ(r.gas_refund, v.refund) << revision_name(rev) << " " << v.code;
}

// EIP-1283 (Constantinople) test cases, verbatim from the EIP.
constexpr SstoreVector kEip1283[] = {
    {"60006000556000600055", 412, 0, 0},
    {"60006000556001600055", 20212, 0, 0},
    {"60016000556000600055", 20212, 19800, 0},
    {"60016000556002600055", 20212, 0, 0},
    {"60016000556001600055", 20212, 0, 0},
    {"60006000556000600055", 5212, 15000, 1},
    {"60006000556001600055", 5212, 4800, 1},
    {"60006000556002600055", 5212, 0, 1},
    {"60026000556000600055", 5212, 15000, 1},
    {"60026000556003600055", 5212, 0, 1},
    {"60026000556001600055", 5212, 4800, 1},
    {"60026000556002600055", 5212, 0, 1},
    {"60016000556000600055", 5212, 15000, 1},
    {"60016000556002600055", 5212, 0, 1},
    {"60016000556001600055", 412, 0, 1},
    {"600160005560006000556001600055", 40218, 19800, 0},
    {"600060005560016000556000600055", 10218, 19800, 1},
};

// EIP-2200 (Istanbul) test cases, verbatim from the EIP.
constexpr SstoreVector kEip2200[] = {
    {"60006000556000600055", 1612, 0, 0},
    {"60006000556001600055", 20812, 0, 0},
    {"60016000556000600055", 20812, 19200, 0},
    {"60016000556002600055", 20812, 0, 0},
    {"60016000556001600055", 20812, 0, 0},
    {"60006000556000600055", 5812, 15000, 1},
    {"60006000556001600055", 5812, 4200, 1},
    {"60006000556002600055", 5812, 0, 1},
    {"60026000556000600055", 5812, 15000, 1},
    {"60026000556003600055", 5812, 0, 1},
    {"60026000556001600055", 5812, 4200, 1},
    {"60026000556002600055", 5812, 0, 1},
    {"60016000556000600055", 5812, 15000, 1},
    {"60016000556002600055", 5812, 0, 1},
    {"60016000556001600055", 1612, 0, 1},
    {"600160005560006000556001600055", 40818, 19200, 0},
    {"600060005560016000556000600055", 10818, 19200, 1},
};

// EIP-3529 (London) test cases with a warm slot, verbatim from the EIP.
constexpr SstoreVector kEip3529[] = {
    {"60006000556000600055", 212, 0, 0},
    {"60006000556001600055", 20112, 0, 0},
    {"60016000556000600055", 20112, 19900, 0},
    {"60016000556002600055", 20112, 0, 0},
    {"60016000556001600055", 20112, 0, 0},
    {"60006000556000600055", 3012, 4800, 1},
    {"60006000556001600055", 3012, 2800, 1},
    {"60006000556002600055", 3012, 0, 1},
    {"60026000556000600055", 3012, 4800, 1},
    {"60026000556003600055", 3012, 0, 1},
    {"60026000556001600055", 3012, 2800, 1},
    {"60026000556002600055", 3012, 0, 1},
    {"60016000556000600055", 3012, 4800, 1},
    {"60016000556002600055", 3012, 0, 1},
    {"60016000556001600055", 212, 0, 1},
    {"600160005560006000556001600055", 40118, 19900, 0},
    {"600060005560016000556000600055", 5918, 7600, 1},
};

TEST(EvmSstore, Eip1283Constantinople) {
  for (const auto& v : kEip1283) check_sstore(Revision::Constantinople, v, false);
}

TEST(EvmSstore, Eip2200Istanbul) {
  for (const auto& v : kEip2200) check_sstore(Revision::Istanbul, v, false);
}

TEST(EvmSstore, Eip3529London) {
  for (Revision rev : {Revision::London, Revision::Cancun, Revision::Osaka})
    for (const auto& v : kEip3529) check_sstore(rev, v, true);
}

TEST(EvmSstore, Eip2929BerlinColdAndWarm) {
  // Berlin = EIP-2200 structure with warm 100 / reset 2900 and the 15000 clear refund; a cold
  // slot adds 2100 to the first access.
  const SstoreVector warm[] = {
      {"60006000556000600055", 212, 0, 0},
      {"60016000556000600055", 20112, 19900, 0},
      {"60006000556000600055", 3012, 15000, 1},
      {"60006000556001600055", 3012, 2800, 1},  // -15000 + (2900 - 100) + 15000
      {"600060005560016000556000600055", 5918, 17800, 1},
  };
  for (const auto& v : warm) check_sstore(Revision::Berlin, v, true);
  for (const auto& v : warm) {
    SstoreVector cold = v;
    cold.gas_used += 2100;
    check_sstore(Revision::Berlin, cold, false);
  }
}

TEST(EvmSstore, LegacyFrontierToPetersburg) {
  // 20000 to set a zero slot, 5000 otherwise, 15000 refund when clearing.
  const SstoreVector legacy[] = {
      {"60006000556000600055", 10012, 0, 0},
      {"60016000556000600055", 25012, 15000, 0},
      {"60006000556001600055", 25012, 15000, 1},
      {"60026000556003600055", 10012, 0, 1},
      {"600160005560006000556001600055", 45018, 15000, 0},
  };
  for (Revision rev : {Revision::Frontier, Revision::Homestead, Revision::TangerineWhistle,
                       Revision::SpuriousDragon, Revision::Byzantium, Revision::Petersburg})
    for (const auto& v : legacy) check_sstore(rev, v, false);
}

TEST(EvmSstore, Eip2200Sentry) {
  // Istanbul on: SSTORE with 2300 or less gas left fails even if it would cost less.
  const Code c = push(1) + push(0) + OP_SSTORE;
  MockHost host;
  host.accounts[addr(0xaa)].storage[U256{0}] = U256{1};  // a no-op write: 800 in Istanbul
  Result r = run(host, Revision::Istanbul, c, 6 + 2300);
  EXPECT_EQ(r.status, StatusCode::OutOfGas);
  r = run(host, Revision::Istanbul, c, 6 + 2301);
  EXPECT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(r.gas_left, 2301 - 800);
  // Constantinople (EIP-1283) had no sentry: 200 gas suffice for a no-op write.
  r = run(host, Revision::Constantinople, c, 6 + 200);
  EXPECT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(r.gas_left, 0);
}

TEST(EvmAccess, Eip2929AccountAndSlotCosts) {
  MockHost host;
  // BALANCE twice: cold 2600 then warm 100 (+ 2 pushes, 1 pop).
  Result r = run(host, Revision::Berlin,
                 push(0x11) + OP_BALANCE + OP_POP + push(0x11) + OP_BALANCE, 100000);
  EXPECT_EQ(100000 - r.gas_left, 3 + 2600 + 2 + 3 + 100);
  host.warm_slots.clear();
  r = run(host, Revision::Berlin, push(5) + OP_SLOAD + push(5) + OP_SLOAD, 100000);
  EXPECT_EQ(100000 - r.gas_left, 3 + 2100 + 3 + 100);
  // Before Berlin there is no access list: EXTCODESIZE costs 700 every time (EIP-150).
  r = run(host, Revision::Istanbul, push(0x12) + OP_EXTCODESIZE, 100000);
  EXPECT_EQ(100000 - r.gas_left, 703);
  // EXTCODECOPY: cold 2600 + 3 per word + memory.
  host.warm_accounts.clear();
  r = run(host, Revision::Berlin, push(32) + push(0) + push(0) + push(0x13) + OP_EXTCODECOPY,
          100000);
  EXPECT_EQ(100000 - r.gas_left, 12 + 2600 + 3 + 3);
}

/// CALL with all arguments; memory regions empty.
Code call_code(Opcode op, const U256& gas, const Address& to, const U256& value) {
  Code c = push(0) + push(0) + push(0) + push(0);
  if (op == OP_CALL || op == OP_CALLCODE) c = c + push(value);
  return c + push(to) + push(gas) + op;
}

TEST(EvmCall, Eip150AllButOne64th) {
  MockHost host;
  host.accounts[addr(0x11)];
  // 7 pushes (21) + CALL 100 + cold 2500: 97379 left, of which all but 1/64 (1521) go along.
  Result r = run(host, Revision::Berlin, call_code(OP_CALL, U256::max(), addr(0x11), 0), 100000);
  ASSERT_EQ(r.status, StatusCode::Success);
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_EQ(host.calls[0].gas, 97379 - 97379 / 64);
  EXPECT_EQ(host.calls[0].depth, 1);
  EXPECT_EQ(host.calls[0].recipient, addr(0x11));
  EXPECT_EQ(host.calls[0].sender, addr(0xaa));
  // The mock returns all gas: the caller paid only the call's own costs.
  EXPECT_EQ(100000 - r.gas_left, 21 + 2600);
  // A request below the cap is passed unchanged.
  host.calls.clear();
  run(host, Revision::Berlin, call_code(OP_CALL, 5000, addr(0x11), 0), 100000);
  EXPECT_EQ(host.calls[0].gas, 5000);
}

TEST(EvmCall, CalleeGasUsedIsCharged) {
  MockHost host;
  host.accounts[addr(0x11)];
  host.warm_accounts.insert(addr(0x11));
  host.call_handler = [](const Message& m) {
    Result res;
    res.gas_left = m.gas - 1234;
    res.gas_refund = 77;
    return res;
  };
  Result r = run(host, Revision::Cancun, call_code(OP_CALL, 10000, addr(0x11), 0) + ret_top(),
                 100000);
  EXPECT_EQ(output_word(r), U256{1});
  EXPECT_EQ(r.gas_refund, 77);
  // 7 pushes + 100 warm + 1234 used by the callee + ret_top (4 pushes/MSTORE 12 + memory 3).
  EXPECT_EQ(100000 - r.gas_left, 21 + 100 + 1234 + 15);
}

TEST(EvmCall, FailedCalleePushesZeroAndDropsRefund) {
  MockHost host;
  host.call_handler = [](const Message& m) {
    Result res;
    res.status = StatusCode::Revert;
    res.gas_left = m.gas;
    res.gas_refund = 99;
    res.output = {9};
    return res;
  };
  Result r = run(host, Revision::Cancun,
                 call_code(OP_CALL, 10000, addr(0x11), 0) + OP_RETURNDATASIZE + OP_ADD + ret_top(),
                 100000);
  EXPECT_EQ(output_word(r), U256{1});  // 0 (failure) + 1 byte of return data
  EXPECT_EQ(r.gas_refund, 0);
}

TEST(EvmCall, ValueTransferStipendAndNewAccount) {
  // Existing, warm recipient: 9000 for value, callee gets requested 0 + 2300 stipend.
  MockHost host;
  host.accounts[addr(0x11)];
  host.warm_accounts.insert(addr(0x11));
  host.call_handler = [](const Message& m) {
    Result res;
    res.gas_left = 0;  // the callee uses everything it got
    (void)m;
    return res;
  };
  Result r = run(host, Revision::Cancun, call_code(OP_CALL, 0, addr(0x11), 1), 100000);
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_EQ(host.calls[0].gas, 2300);
  EXPECT_EQ(host.calls[0].value, U256{1});
  EXPECT_EQ(100000 - r.gas_left, 21 + 100 + 9000);
  // Value to an empty (non-existent) account adds 25000 (EIP-161 from Spurious Dragon).
  host.calls.clear();
  host.warm_accounts.insert(addr(0x12));
  r = run(host, Revision::Cancun, call_code(OP_CALL, 0, addr(0x12), 1), 100000);
  EXPECT_EQ(100000 - r.gas_left, 21 + 100 + 9000 + 25000);
  // Without value, no new-account charge from Spurious Dragon on ...
  r = run(host, Revision::SpuriousDragon, call_code(OP_CALL, 0, addr(0x12), 0), 100000);
  EXPECT_EQ(100000 - r.gas_left, 21 + 700);
  // ... but before it any call to a non-existent account paid 25000 (EIP-150 era).
  r = run(host, Revision::TangerineWhistle, call_code(OP_CALL, 0, addr(0x12), 0), 100000);
  EXPECT_EQ(100000 - r.gas_left, 21 + 700 + 25000);
  // CALLCODE with value pays 9000 but never the new-account charge; the callee runs on self.
  host.calls.clear();
  r = run(host, Revision::Cancun, call_code(OP_CALLCODE, 0, addr(0x12), 1), 100000);
  EXPECT_EQ(100000 - r.gas_left, 21 + 100 + 9000);
  EXPECT_EQ(host.calls[0].recipient, addr(0xaa));
  EXPECT_EQ(host.calls[0].code_address, addr(0x12));
  EXPECT_EQ(host.calls[0].kind, CallKind::CallCode);
}

TEST(EvmCall, UnusedStipendReturnsToCaller) {
  // A callee that uses nothing returns its 2300 stipend to the caller (execution-specs
  // generic_call: gas_left += sub_call gas left).
  MockHost host;
  host.accounts[addr(0x11)];
  host.warm_accounts.insert(addr(0x11));
  Result r = run(host, Revision::Cancun, call_code(OP_CALL, 0, addr(0x11), 1), 100000);
  EXPECT_EQ(100000 - r.gas_left, 21 + 100 + 9000 - 2300);
}

TEST(EvmCall, PreTangerineRequestedGasMustBeAvailable) {
  MockHost host;
  host.accounts[addr(0x11)];
  // Homestead: 21 + 40 = 61 spent before the transfer of exactly the requested gas.
  Result r = run(host, Revision::Homestead, call_code(OP_CALL, 1000, addr(0x11), 0), 1061);
  EXPECT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(host.calls.at(0).gas, 1000);
  r = run(host, Revision::Homestead, call_code(OP_CALL, 1001, addr(0x11), 0), 1061);
  EXPECT_EQ(r.status, StatusCode::OutOfGas);
}

TEST(EvmCall, DelegatecallKeepsSenderAndValue) {
  MockHost host;
  Message msg;
  msg.gas = 100000;
  msg.recipient = addr(0xaa);
  msg.sender = addr(0xbb);
  msg.value = U256{42};
  Bytes code = call_code(OP_DELEGATECALL, 1000, addr(0x11), 0).bytes;
  Result r = execute(host, Revision::Cancun, msg, BytesView{code});
  EXPECT_EQ(r.status, StatusCode::Success);
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_EQ(host.calls[0].kind, CallKind::DelegateCall);
  EXPECT_EQ(host.calls[0].sender, addr(0xbb));
  EXPECT_EQ(host.calls[0].recipient, addr(0xaa));
  EXPECT_EQ(host.calls[0].value, U256{42});
  EXPECT_EQ(host.calls[0].gas, 1000);  // no stipend: no value is transferred
}

TEST(EvmCall, InputAndOutputRegions) {
  MockHost host;
  host.call_handler = [](const Message& m) {
    Result res;
    res.gas_left = m.gas;
    res.output = {0xde, 0xad, 0xbe, 0xef};
    return res;
  };
  // Input: bytes [30, 32) of memory holding 0x1234; output to [62, 64): 2 of the 4 bytes.
  Code c = push(0x1234) + push(0) + OP_MSTORE + push(2) + push(62) + push(2) + push(30) + push(0) +
           push(0x11) + push(10000) + OP_CALL + OP_POP + push(32) + OP_MLOAD + ret_top();
  Result r = run(host, Revision::Cancun, c, 100000);
  ASSERT_EQ(host.call_inputs.size(), 1u);
  EXPECT_EQ(host.call_inputs[0], (Bytes{0x12, 0x34}));
  EXPECT_EQ(output_word(r), U256{0xdead});
}

TEST(EvmCall, Eip7702DelegationAccessCost) {
  MockHost host;
  Bytes designator = *from_hex("ef0100");
  Address delegate = addr(0x77);
  designator.insert(designator.end(), delegate.begin(), delegate.end());
  host.accounts[addr(0x11)].code = designator;
  // Prague: cold target 2600 + cold delegate 2600.
  Result r = run(host, Revision::Prague, call_code(OP_STATICCALL, 0, addr(0x11), 0), 100000);
  EXPECT_EQ(100000 - r.gas_left, 18 + 2600 + 2600);
  // Both warm now: 100 + 100.
  r = run(host, Revision::Prague, call_code(OP_STATICCALL, 0, addr(0x11), 0), 100000);
  EXPECT_EQ(100000 - r.gas_left, 18 + 100 + 100);
  // Cancun knows no delegation.
  host.warm_accounts.clear();
  r = run(host, Revision::Cancun, call_code(OP_STATICCALL, 0, addr(0x11), 0), 100000);
  EXPECT_EQ(100000 - r.gas_left, 18 + 2600);
}

TEST(EvmCreate, GasAndMessage) {
  MockHost host;
  host.call_handler = [](const Message& m) {
    Result res;
    res.gas_left = m.gas;
    res.create_address = addr(0xcc);
    return res;
  };
  // CREATE with 33 bytes of init code at 0 in Shanghai: 32000 + 2 words * 2 (EIP-3860) + memory
  // 2 words (6), plus 3 pushes.
  Code c = push(33) + push(0) + push(5) + OP_CREATE + ret_top();
  Result r = run(host, Revision::Shanghai, c, 1'000'000);
  ASSERT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(output_word(r), U256{0xcc});
  ASSERT_EQ(host.calls.size(), 1u);
  EXPECT_EQ(host.calls[0].kind, CallKind::Create);
  EXPECT_EQ(host.calls[0].value, U256{5});
  EXPECT_EQ(host.calls[0].input.size(), 33u);
  const int64_t before_call = 1'000'000 - (9 + 32000 + 4 + 6);
  EXPECT_EQ(host.calls[0].gas, before_call - before_call / 64);
  // Paris has no init-code word cost.
  host.calls.clear();
  r = run(host, Revision::Paris, push(33) + push(0) + push(0) + OP_CREATE, 1'000'000);
  const int64_t paris_before = 1'000'000 - (9 + 32000 + 6);
  EXPECT_EQ(host.calls[0].gas, paris_before - paris_before / 64);
  // CREATE2 also pays 6 per word for hashing (EIP-1014) and passes the salt.
  host.calls.clear();
  r = run(host, Revision::Shanghai, push(0x5a) + push(33) + push(0) + push(0) + OP_CREATE2,
          1'000'000);
  const int64_t c2_before = 1'000'000 - (12 + 32000 + 4 + 12 + 6);
  EXPECT_EQ(host.calls[0].gas, c2_before - c2_before / 64);
  EXPECT_EQ(host.calls[0].salt, U256{0x5a});
  EXPECT_EQ(host.calls[0].kind, CallKind::Create2);
  // Frontier passes all remaining gas.
  host.calls.clear();
  run(host, Revision::Frontier, push(0) + push(0) + push(0) + OP_CREATE, 100000);
  EXPECT_EQ(host.calls[0].gas, 100000 - 9 - 32000);
}

TEST(EvmCreate, Eip3860InitcodeLimit) {
  MockHost host;
  // 49152 bytes are allowed, 49153 are an exceptional halt.
  Result r = run(host, Revision::Shanghai, push(49152) + push(0) + push(0) + OP_CREATE, 30'000'000);
  EXPECT_EQ(r.status, StatusCode::Success);
  r = run(host, Revision::Shanghai, push(49153) + push(0) + push(0) + OP_CREATE, 30'000'000);
  EXPECT_EQ(r.status, StatusCode::OutOfGas);
  EXPECT_EQ(r.gas_left, 0);
  r = run(host, Revision::Paris, push(49153) + push(0) + push(0) + OP_CREATE, 30'000'000);
  EXPECT_EQ(r.status, StatusCode::Success);
}

TEST(EvmCreate, RevertedCreationKeepsReturnData) {
  MockHost host;
  host.call_handler = [](const Message& m) {
    Result res;
    res.status = StatusCode::Revert;
    res.gas_left = m.gas;
    res.output = {1, 2};
    return res;
  };
  Result r = run(host, Revision::Cancun,
                 push(0) + push(0) + push(0) + OP_CREATE + OP_RETURNDATASIZE + OP_ADD + ret_top());
  EXPECT_EQ(output_word(r), U256{2});  // address 0 + 2 bytes of return data
}

TEST(EvmSelfdestruct, GasAndRefundPerRevision) {
  const Code c = push(0x22) + OP_SELFDESTRUCT;
  struct Case {
    Revision rev;
    bool beneficiary_exists;
    uint64_t balance;
    int64_t gas;
    int64_t refund;
  };
  const Case cases[] = {
      {Revision::Homestead, false, 1, 3, 24000},                    // free before EIP-150
      {Revision::TangerineWhistle, false, 0, 3 + 5000 + 25000, 24000},  // EIP-150 new account
      {Revision::SpuriousDragon, false, 0, 3 + 5000, 24000},        // EIP-161: no value moves
      {Revision::SpuriousDragon, false, 1, 3 + 5000 + 25000, 24000},
      {Revision::SpuriousDragon, true, 1, 3 + 5000, 24000},
      {Revision::Berlin, true, 1, 3 + 5000 + 2600, 24000},          // EIP-2929 cold beneficiary
      {Revision::London, true, 1, 3 + 5000 + 2600, 0},              // EIP-3529: no refund
  };
  for (const Case& k : cases) {
    MockHost host;
    host.accounts[addr(0xaa)].balance = U256{k.balance};
    if (k.beneficiary_exists) host.accounts[addr(0x22)];
    Result r = run(host, k.rev, c, 100000);
    ASSERT_EQ(r.status, StatusCode::Success) << revision_name(k.rev);
    EXPECT_EQ(100000 - r.gas_left, k.gas) << revision_name(k.rev);
    EXPECT_EQ(r.gas_refund, k.refund) << revision_name(k.rev);
    ASSERT_EQ(host.selfdestructs.size(), 1u);
    EXPECT_EQ(host.selfdestructs[0].second, addr(0x22));
  }
}

}  // namespace
}  // namespace paraevm::test
