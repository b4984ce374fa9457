#include "chain/system_contracts.hpp"

#include "crypto/hashes.hpp"
#include "state/host.hpp"
#include "state/state.hpp"

namespace paraevm {

namespace {

Address address_from_hex(std::string_view hex) {
  Address a;
  auto nibble = [](char c) -> uint8_t {
    if (c >= '0' && c <= '9') return static_cast<uint8_t>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<uint8_t>(c - 'a' + 10);
    return static_cast<uint8_t>(c - 'A' + 10);
  };
  for (size_t i = 0; i < 20; ++i)
    a[i] = static_cast<uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return a;
}

constexpr uint8_t kDepositTopic[32] = {
    0x64, 0x9b, 0xbc, 0x62, 0xd0, 0xe3, 0x13, 0x42, 0xaf, 0xea, 0x4e, 0x5c, 0xd8, 0x2d, 0x40, 0x49,
    0xe7, 0xe1, 0xee, 0x91, 0x2f, 0xc0, 0x88, 0x9a, 0xa7, 0x90, 0x80, 0x3b, 0xe3, 0x90, 0x38, 0xc5};

/// A 32-byte big-endian word of `data` at `at` equals `value`.
bool word_is(BytesView data, size_t at, uint64_t value) {
  for (size_t i = 0; i < 24; ++i)
    if (data[at + i] != 0) return false;
  uint64_t v = 0;
  for (size_t i = 24; i < 32; ++i) v = v << 8 | data[at + i];
  return v == value;
}

/// EIP-6110 deposit event layout: (offset of each field, its length).
struct DepositField {
  uint64_t offset;
  uint64_t size;
};
constexpr DepositField kDepositFields[] = {{160, 48}, {256, 32}, {320, 8}, {384, 96}, {512, 8}};
constexpr size_t kDepositEventLength = 576;

bool append_deposit(BytesView data, Bytes& out) {
  if (data.size() != kDepositEventLength) return false;
  for (size_t i = 0; i < 5; ++i) {
    const DepositField f = kDepositFields[i];
    if (!word_is(data, 32 * i, f.offset) || !word_is(data, f.offset, f.size)) return false;
  }
  for (const DepositField f : kDepositFields)
    out.insert(out.end(), data.begin() + static_cast<ptrdiff_t>(f.offset + 32),
               data.begin() + static_cast<ptrdiff_t>(f.offset + 32 + f.size));
  return true;
}

}  // namespace

const Address kSystemAddress = address_from_hex("fffffffffffffffffffffffffffffffffffffffe");
const Address kBeaconRootsAddress = address_from_hex("000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
const Address kHistoryStorageAddress = address_from_hex("0000F90827F1C53a10cb7A02335B175320002935");
const Address kWithdrawalRequestAddress =
    address_from_hex("00000961Ef480Eb55e80D19ad83579A64c007002");
const Address kConsolidationRequestAddress =
    address_from_hex("0000BBdDc7CE488642fb579F8B00f3a590007251");
const Address kDepositContractAddress =
    address_from_hex("00000000219ab540356cbb839cbe05303d7705fa");

SystemCallResult system_call(InMemoryState& state, const BlockEnv& env, Revision rev,
                             const Address& target, BytesView data) {
  SystemCallResult out;
  State st(state);
  if (st.get_code(target)->empty()) {
    out.code_missing = true;
  }
  TxContext ctx;
  ctx.gas_price = env.base_fee;
  ctx.origin = kSystemAddress;
  ctx.coinbase = env.coinbase;
  ctx.number = env.number;
  ctx.timestamp = env.timestamp;
  ctx.gas_limit = env.gas_limit;
  ctx.prev_randao = env.prev_randao;
  ctx.chain_id = env.chain_id;
  ctx.base_fee = env.base_fee;
  ctx.blob_base_fee = env.blob_base_fee;
  StateHost host(st, rev, ctx);
  Message msg;
  msg.kind = CallKind::Call;
  msg.gas = kSystemCallGas;
  msg.recipient = target;
  msg.sender = kSystemAddress;
  msg.code_address = target;
  msg.input = data;
  const Result r = host.call(msg);
  out.failed = r.status != StatusCode::Success;
  out.output = r.output;
  st.finalize(true);
  state.apply(st.build_diff());
  return out;
}

std::optional<Bytes> deposit_requests(std::span<const Log> logs, std::string& error) {
  Bytes out;
  for (const Log& log : logs) {
    if (log.address != kDepositContractAddress || log.topics.empty()) continue;
    if (!std::equal(log.topics[0].begin(), log.topics[0].end(), kDepositTopic)) continue;
    if (!append_deposit(log.data, out)) {
      error = "invalid deposit event log";
      return std::nullopt;
    }
  }
  return out;
}

Hash requests_hash(std::span<const Bytes> requests_with_type) {
  Bytes concat;
  for (const Bytes& r : requests_with_type) {
    if (r.size() <= 1) continue;
    const Hash h = sha256(r);
    concat.insert(concat.end(), h.begin(), h.end());
  }
  return sha256(concat);
}

}  // namespace paraevm
