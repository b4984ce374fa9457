// The state of the third-party ERC20Token (RISE's op-test-bench, OpenZeppelin-style), written
// by hand: slot 0 balances, 1 allowances[owner][spender], 2 totalSupply, 3 name, 4 symbol,
// 5 decimals.
#pragma once

#include <string>

#include "state/in_memory_state.hpp"
#include "workload/solidity_storage.hpp"

namespace paraevm::workload {

class Erc20TokenState {
 public:
  Erc20TokenState(std::string name, std::string symbol)
      : name_(std::move(name)), symbol_(std::move(symbol)) {}

  /// Sets `holder`'s balance (replacing an earlier one) and adds it to the total supply.
  void set_balance(const Address& holder, const U256& amount);
  /// Sets allowances[owner][spender].
  void set_allowance(const Address& owner, const Address& spender, const U256& amount);

  /// Writes the token at `address` (nonce 1, no ether) with `code`, its runtime bytecode.
  void install(InMemoryState& state, const Address& address, Bytes code) const;

  /// The calldata of transfer(address,uint256) (selector a9059cbb).
  static Bytes transfer_call(const Address& to, const U256& amount);

 private:
  std::string name_, symbol_;
  U256 total_supply_;
  solidity::Storage storage_;
};

}  // namespace paraevm::workload
