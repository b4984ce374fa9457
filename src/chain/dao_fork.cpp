#include "chain/dao_fork.hpp"

#include <array>
#include <string_view>

#include "state/state.hpp"

namespace paraevm {

namespace {

constexpr uint8_t hex_nibble(char c) {
  if (c >= '0' && c <= '9') return static_cast<uint8_t>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<uint8_t>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<uint8_t>(c - 'A' + 10);
  throw "not a hex digit";  // a compile error in the constant evaluation below
}

/// "0x" and 40 hex digits.
constexpr Address address_from_hex(std::string_view hex) {
  if (hex.size() != 42 || hex[0] != '0' || hex[1] != 'x') throw "not an address";
  Address a;
  for (size_t i = 0; i < Address::size(); ++i)
    a[i] = static_cast<uint8_t>(hex_nibble(hex[2 + 2 * i]) << 4 | hex_nibble(hex[3 + 2 * i]));
  return a;
}

constexpr std::string_view kDrainListHex[] = {
#include "chain/dao_fork_accounts.inc"
};
static_assert(std::size(kDrainListHex) == 116, "EIP-779's list L has 116 accounts");

constexpr std::array<Address, std::size(kDrainListHex)> parse_drain_list() {
  std::array<Address, std::size(kDrainListHex)> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = address_from_hex(kDrainListHex[i]);
  return out;
}

constexpr std::array<Address, std::size(kDrainListHex)> kDrainList = parse_drain_list();

constexpr uint8_t kExtraData[] = {'d', 'a', 'o', '-', 'h', 'a', 'r', 'd', '-', 'f', 'o', 'r', 'k'};

}  // namespace

const Address kDaoRefundContract = address_from_hex("0xbf4ed7b27f1d666546e30d74d50d173d20bca754");

std::span<const Address> dao_drain_accounts() { return kDrainList; }

BytesView dao_fork_extra_data() { return BytesView(kExtraData, sizeof(kExtraData)); }

bool dao_extra_data_required(uint64_t number, std::optional<uint64_t> dao_fork_block) {
  return dao_fork_block && number >= *dao_fork_block &&
         number - *dao_fork_block < kDaoForkExtraDataBlocks;
}

void apply_dao_fork(InMemoryState& state) {
  State st(state);
  for (const Address& account : kDrainList) {
    const U256 balance = st.get_balance(account);
    st.sub_balance(account, balance);  // creates the account when absent
    st.add_balance(kDaoRefundContract, balance);
  }
  st.finalize(false);
  state.apply(st.build_diff());
}

}  // namespace paraevm
