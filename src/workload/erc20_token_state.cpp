#include "workload/erc20_token_state.hpp"

#include "workload/abi.hpp"

namespace paraevm::workload {
namespace {

constexpr uint64_t kBalancesSlot = 0, kAllowancesSlot = 1, kTotalSupplySlot = 2, kNameSlot = 3,
                   kSymbolSlot = 4, kDecimalsSlot = 5;

}  // namespace

void Erc20TokenState::set_balance(const Address& holder, const U256& amount) {
  U256& slot = storage_[solidity::mapping_slot(kBalancesSlot, solidity::word(holder))];
  total_supply_ = total_supply_ - slot + amount;
  slot = amount;
}

void Erc20TokenState::set_allowance(const Address& owner, const Address& spender,
                                    const U256& amount) {
  storage_[solidity::mapping_slot(kAllowancesSlot,
                                  {solidity::word(owner), solidity::word(spender)})] = amount;
}

void Erc20TokenState::install(InMemoryState& state, const Address& address, Bytes code) const {
  state.set_account(address, 1, {}, std::move(code), storage_);
  state.set_storage(address, kTotalSupplySlot, total_supply_);
  state.set_storage(address, kNameSlot, solidity::short_string(name_));
  state.set_storage(address, kSymbolSlot, solidity::short_string(symbol_));
  state.set_storage(address, kDecimalsSlot, 18);
}

Bytes Erc20TokenState::transfer_call(const Address& to, const U256& amount) {
  return abi::encode_call("transfer(address,uint256)", {abi::word(to), amount});
}

}  // namespace paraevm::workload
