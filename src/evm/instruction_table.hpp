// Per-revision instruction tables: base gas cost and stack traits of every opcode, built fork by
// fork at compile time. Each revision copies its predecessor's table and applies its EIPs. The
// interpreter's dispatcher checks availability, stack height and base gas from these tables once,
// so instruction bodies only do their own work and charge their dynamic costs.
#pragma once

#include <array>
#include <cstdint>

#include "evm/opcodes.hpp"
#include "evm/revision.hpp"

namespace paraevm {

/// Marks an opcode the revision does not define (executing it is UndefinedInstruction).
inline constexpr int16_t kUndefined = -1;

/// Stack traits of an opcode; independent of the revision.
struct StackTraits {
  /// Items the opcode needs on the stack (the "required height").
  int8_t required = 0;
  /// Net change of the stack height (outputs - inputs).
  int8_t change = 0;
};

/// Base gas costs of one revision indexed by opcode; kUndefined where the opcode is unavailable.
using CostTable = std::array<int16_t, 256>;

namespace detail {

constexpr std::array<StackTraits, 256> make_stack_traits() {
  std::array<StackTraits, 256> t{};
  auto set = [&t](int op, int in, int out) {
    t[op] = {static_cast<int8_t>(in), static_cast<int8_t>(out - in)};
  };
  set(OP_STOP, 0, 0);
  for (int op : {OP_ADD, OP_MUL, OP_SUB, OP_DIV, OP_SDIV, OP_MOD, OP_SMOD, OP_EXP, OP_SIGNEXTEND,
                 OP_LT, OP_GT, OP_SLT, OP_SGT, OP_EQ, OP_AND, OP_OR, OP_XOR, OP_BYTE, OP_SHL,
                 OP_SHR, OP_SAR, OP_KECCAK256})
    set(op, 2, 1);
  set(OP_ADDMOD, 3, 1), set(OP_MULMOD, 3, 1);
  set(OP_ISZERO, 1, 1), set(OP_NOT, 1, 1), set(OP_CLZ, 1, 1);
  for (int op : {OP_ADDRESS, OP_ORIGIN, OP_CALLER, OP_CALLVALUE, OP_CALLDATASIZE, OP_CODESIZE,
                 OP_GASPRICE, OP_RETURNDATASIZE, OP_COINBASE, OP_TIMESTAMP, OP_NUMBER,
                 OP_PREVRANDAO, OP_GASLIMIT, OP_CHAINID, OP_SELFBALANCE, OP_BASEFEE,
                 OP_BLOBBASEFEE, OP_PC, OP_MSIZE, OP_GAS, OP_PUSH0})
    set(op, 0, 1);
  for (int op : {OP_BALANCE, OP_CALLDATALOAD, OP_EXTCODESIZE, OP_EXTCODEHASH, OP_BLOCKHASH,
                 OP_BLOBHASH, OP_MLOAD, OP_SLOAD, OP_TLOAD})
    set(op, 1, 1);
  for (int op : {OP_CALLDATACOPY, OP_CODECOPY, OP_RETURNDATACOPY, OP_MCOPY}) set(op, 3, 0);
  set(OP_EXTCODECOPY, 4, 0);
  set(OP_POP, 1, 0), set(OP_JUMP, 1, 0), set(OP_JUMPI, 2, 0), set(OP_JUMPDEST, 0, 0);
  for (int op : {OP_MSTORE, OP_MSTORE8, OP_SSTORE, OP_TSTORE}) set(op, 2, 0);
  for (int i = 0; i < 32; ++i) set(OP_PUSH1 + i, 0, 1);
  for (int i = 0; i < 16; ++i) set(OP_DUP1 + i, i + 1, i + 2), set(OP_SWAP1 + i, i + 2, i + 2);
  for (int i = 0; i <= 4; ++i) set(OP_LOG0 + i, 2 + i, 0);
  set(OP_CREATE, 3, 1), set(OP_CREATE2, 4, 1);
  set(OP_CALL, 7, 1), set(OP_CALLCODE, 7, 1), set(OP_DELEGATECALL, 6, 1), set(OP_STATICCALL, 6, 1);
  set(OP_RETURN, 2, 0), set(OP_REVERT, 2, 0), set(OP_INVALID, 0, 0), set(OP_SELFDESTRUCT, 1, 0);
  return t;
}

/// Frontier: the Yellow Paper's original schedule.
constexpr CostTable frontier_costs() {
  CostTable c{};
  c.fill(kUndefined);
  c[OP_STOP] = 0;
  for (int op : {OP_ADD, OP_SUB, OP_LT, OP_GT, OP_SLT, OP_SGT, OP_EQ, OP_ISZERO, OP_AND, OP_OR,
                 OP_XOR, OP_NOT, OP_BYTE, OP_CALLDATALOAD, OP_CALLDATACOPY, OP_CODECOPY, OP_MLOAD,
                 OP_MSTORE, OP_MSTORE8})
    c[op] = 3;
  for (int op : {OP_MUL, OP_DIV, OP_SDIV, OP_MOD, OP_SMOD, OP_SIGNEXTEND}) c[op] = 5;
  c[OP_ADDMOD] = 8, c[OP_MULMOD] = 8, c[OP_EXP] = 10;
  c[OP_KECCAK256] = 30;
  for (int op : {OP_ADDRESS, OP_ORIGIN, OP_CALLER, OP_CALLVALUE, OP_CALLDATASIZE, OP_CODESIZE,
                 OP_GASPRICE, OP_COINBASE, OP_TIMESTAMP, OP_NUMBER, OP_PREVRANDAO, OP_GASLIMIT,
                 OP_POP, OP_PC, OP_MSIZE, OP_GAS})
    c[op] = 2;
  c[OP_BALANCE] = 20, c[OP_EXTCODESIZE] = 20, c[OP_EXTCODECOPY] = 20, c[OP_BLOCKHASH] = 20;
  c[OP_SLOAD] = 50, c[OP_SSTORE] = 0;  // SSTORE is fully dynamic (sstore_costs.hpp)
  c[OP_JUMP] = 8, c[OP_JUMPI] = 10, c[OP_JUMPDEST] = 1;
  for (int i = 0; i < 32; ++i) c[OP_PUSH1 + i] = 3;
  for (int i = 0; i < 16; ++i) c[OP_DUP1 + i] = 3, c[OP_SWAP1 + i] = 3;
  for (int i = 0; i <= 4; ++i) c[OP_LOG0 + i] = static_cast<int16_t>(375 + 375 * i);
  c[OP_CREATE] = 32000, c[OP_CALL] = 40, c[OP_CALLCODE] = 40, c[OP_RETURN] = 0;
  c[OP_INVALID] = 0, c[OP_SELFDESTRUCT] = 0;
  return c;
}

constexpr std::array<CostTable, kRevisionCount> make_cost_tables() {
  std::array<CostTable, kRevisionCount> t{};
  auto at = [&t](Revision r) -> CostTable& { return t[static_cast<int>(r)]; };
  auto derive = [&t](Revision r) -> CostTable& {
    int i = static_cast<int>(r);
    t[i] = t[i - 1];
    return t[i];
  };
  at(Revision::Frontier) = frontier_costs();

  derive(Revision::Homestead)[OP_DELEGATECALL] = 40;  // EIP-7

  auto& tw = derive(Revision::TangerineWhistle);  // EIP-150: IO-heavy operations repriced
  tw[OP_BALANCE] = 400, tw[OP_EXTCODESIZE] = 700, tw[OP_EXTCODECOPY] = 700, tw[OP_SLOAD] = 200;
  tw[OP_CALL] = 700, tw[OP_CALLCODE] = 700, tw[OP_DELEGATECALL] = 700, tw[OP_SELFDESTRUCT] = 5000;

  derive(Revision::SpuriousDragon);  // EIP-160 EXP byte cost is dynamic: see exp_byte_cost

  auto& byz = derive(Revision::Byzantium);
  byz[OP_RETURNDATASIZE] = 2, byz[OP_RETURNDATACOPY] = 3;  // EIP-211
  byz[OP_STATICCALL] = 700;                                 // EIP-214
  byz[OP_REVERT] = 0;                                       // EIP-140

  auto& con = derive(Revision::Constantinople);
  con[OP_SHL] = 3, con[OP_SHR] = 3, con[OP_SAR] = 3;  // EIP-145
  con[OP_EXTCODEHASH] = 400;                          // EIP-1052
  con[OP_CREATE2] = 32000;                            // EIP-1014

  derive(Revision::Petersburg);  // EIP-1283 removed: an SSTORE table change only

  auto& ist = derive(Revision::Istanbul);
  ist[OP_BALANCE] = 700, ist[OP_EXTCODEHASH] = 700, ist[OP_SLOAD] = 800;  // EIP-1884
  ist[OP_SELFBALANCE] = 5;                                                // EIP-1884
  ist[OP_CHAINID] = 2;                                                    // EIP-1344

  // EIP-2929: the base cost of state access is the warm cost; the cold surcharge is dynamic.
  auto& ber = derive(Revision::Berlin);
  for (int op : {OP_BALANCE, OP_EXTCODESIZE, OP_EXTCODECOPY, OP_EXTCODEHASH, OP_SLOAD, OP_CALL,
                 OP_CALLCODE, OP_DELEGATECALL, OP_STATICCALL})
    ber[op] = 100;

  derive(Revision::London)[OP_BASEFEE] = 2;  // EIP-3198
  derive(Revision::Paris);                   // EIP-4399: DIFFICULTY becomes PREVRANDAO (same cost)
  derive(Revision::Shanghai)[OP_PUSH0] = 2;  // EIP-3855

  auto& can = derive(Revision::Cancun);
  can[OP_TLOAD] = 100, can[OP_TSTORE] = 100;  // EIP-1153
  can[OP_MCOPY] = 3;                          // EIP-5656
  can[OP_BLOBHASH] = 3;                       // EIP-4844
  can[OP_BLOBBASEFEE] = 2;                    // EIP-7516

  derive(Revision::Prague);  // EIP-7702: delegation access cost is dynamic (CALL family)

  derive(Revision::Osaka)[OP_CLZ] = 5;  // EIP-7939
  return t;
}

/// Whether every revision's table is complete: each opcode defined in a revision stays defined
/// later, and every defined opcode has sensible stack traits.
constexpr bool tables_complete(const std::array<CostTable, kRevisionCount>& t,
                               const std::array<StackTraits, 256>& s) {
  for (int r = 1; r < kRevisionCount; ++r)
    for (int op = 0; op < 256; ++op)
      if (t[r - 1][op] != kUndefined && t[r][op] == kUndefined) return false;
  for (int op = 0; op < 256; ++op) {
    if (t[kRevisionCount - 1][op] == kUndefined) continue;
    if (s[op].required < 0 || s[op].required > 17 || s[op].change < -6 || s[op].change > 1)
      return false;
  }
  return true;
}

}  // namespace detail

/// Stack traits of every opcode.
inline constexpr std::array<StackTraits, 256> kStackTraits = detail::make_stack_traits();
/// Base gas costs per revision, indexed [revision][opcode].
inline constexpr std::array<CostTable, kRevisionCount> kCostTables = detail::make_cost_tables();

static_assert(detail::tables_complete(kCostTables, kStackTraits));
// Spot checks of the derivation against the EIPs.
static_assert(kCostTables[0][OP_DELEGATECALL] == kUndefined);
static_assert(kCostTables[static_cast<int>(Revision::Osaka)][OP_CLZ] == 5);
static_assert(kCostTables[static_cast<int>(Revision::Cancun)][OP_CLZ] == kUndefined);
static_assert(kCostTables[static_cast<int>(Revision::Berlin)][OP_SLOAD] == 100);
// Opcodes defined by Osaka: 150 (Frontier's 130 + DELEGATECALL, 4 Byzantium, 5 Constantinople,
// 2 Istanbul, BASEFEE, PUSH0, 5 Cancun, CLZ) -- guards against a forgotten entry.
static_assert([] {
  int n = 0;
  for (auto c : kCostTables[static_cast<int>(Revision::Osaka)]) n += c != kUndefined;
  return n;
}() == 150);

/// The cost table of `rev`.
constexpr const CostTable& cost_table(Revision rev) { return kCostTables[static_cast<int>(rev)]; }

}  // namespace paraevm
