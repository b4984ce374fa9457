// Header checks (EIP-1559 base fee, gas limit bounds, parent linkage, merge constants) and the
// EIP-6110 / EIP-7685 request helpers.
#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "chain/header_validation.hpp"
#include "chain/system_contracts.hpp"

namespace paraevm {
namespace {

BlockHeader london_parent() {
  BlockHeader p;
  p.number = 10;
  p.timestamp = 100;
  p.gas_limit = 30'000'000;
  p.gas_used = 15'000'000;
  p.base_fee = U256{1'000'000'000};
  p.difficulty = U256{131072};             // the minimum: unchanged by a child 12 s later
  p.ommers_hash = keccak256(Bytes{0xc0});  // no ommers (EIP-100 counts them)
  return p;
}

TEST(BaseFee, FollowsEip1559) {
  BlockHeader p = london_parent();
  EXPECT_EQ(expected_base_fee(p, false), U256{1'000'000'000});  // at target: unchanged
  p.gas_used = 30'000'000;                                      // full: +1/8
  EXPECT_EQ(expected_base_fee(p, false), U256{1'125'000'000});
  p.gas_used = 0;  // empty: -1/8
  EXPECT_EQ(expected_base_fee(p, false), U256{875'000'000});
  p.base_fee = U256{7};
  p.gas_used = 15'000'001;  // just above target: at least +1
  EXPECT_EQ(expected_base_fee(p, false), U256{8});
  EXPECT_EQ(expected_base_fee(p, true), U256{1'000'000'000});  // London fork block
}

BlockHeader child_of(const BlockHeader& p) {
  BlockHeader c;
  c.number = p.number + 1;
  c.timestamp = p.timestamp + 12;
  c.gas_limit = p.gas_limit;
  c.base_fee = expected_base_fee(p, false);
  c.ommers_hash = keccak256(Bytes{0xc0});
  c.difficulty = p.difficulty;
  return c;
}

TEST(HeaderValidation, AcceptsAValidChild) {
  const HeaderRules rules{Revision::London, Revision::London, std::nullopt, std::nullopt};
  EXPECT_EQ(validate_header(child_of(london_parent()), london_parent(), rules), std::nullopt);
}

TEST(HeaderValidation, RejectsEachBrokenField) {
  const BlockHeader p = london_parent();
  const HeaderRules rules{Revision::London, Revision::London, std::nullopt, std::nullopt};
  auto broken = [&](auto change) {
    BlockHeader c = child_of(p);
    change(c);
    return validate_header(c, p, rules).has_value();
  };
  EXPECT_TRUE(broken([](BlockHeader& c) { c.number += 1; }));
  EXPECT_TRUE(broken([&](BlockHeader& c) { c.timestamp = p.timestamp; }));
  EXPECT_TRUE(broken([&](BlockHeader& c) { c.gas_limit = p.gas_limit + p.gas_limit / 1024; }));
  EXPECT_FALSE(broken([&](BlockHeader& c) { c.gas_limit = p.gas_limit + p.gas_limit / 1024 - 1; }));
  EXPECT_TRUE(broken([](BlockHeader& c) { c.gas_used = c.gas_limit + 1; }));
  EXPECT_TRUE(broken([](BlockHeader& c) { c.base_fee = *c.base_fee + U256{1}; }));
  EXPECT_TRUE(broken([](BlockHeader& c) { c.extra_data.assign(33, 0); }));
  EXPECT_TRUE(broken([](BlockHeader& c) { c.withdrawals_root = Hash{}; }));  // Shanghai field
  EXPECT_TRUE(broken([](BlockHeader& c) { c.base_fee.reset(); }));
  EXPECT_TRUE(broken([](BlockHeader& c) { c.difficulty = c.difficulty + U256{1}; }));
  // EIP-100: 1 s after the parent the difficulty rises by parent / 2048.
  EXPECT_FALSE(broken([&](BlockHeader& c) {
    c.timestamp = p.timestamp + 1;
    c.difficulty = p.difficulty + p.difficulty / U256{2048};
  }));
}

TEST(HeaderValidation, MergeConstants) {
  const BlockHeader p = london_parent();
  const HeaderRules rules{Revision::Paris, Revision::Paris, std::nullopt, std::nullopt};
  BlockHeader c = child_of(p);
  c.difficulty = U256{};
  EXPECT_EQ(validate_header(c, p, rules), std::nullopt);
  c.difficulty = U256{1};
  EXPECT_TRUE(validate_header(c, p, rules).has_value());
  c.difficulty = U256{};
  c.ommers_hash = Hash{};
  EXPECT_TRUE(validate_header(c, p, rules).has_value());
}

TEST(Requests, EmptyRequestsHashIsSha256OfNothing) {
  const std::vector<Bytes> requests = {Bytes{0x00}, Bytes{0x01}, Bytes{0x02}};
  EXPECT_EQ(
      requests_hash(requests),
      *fixed_from_hex<32>("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

Bytes deposit_event_data() {
  Bytes d(576, 0);
  const uint64_t offsets[] = {160, 256, 320, 384, 512};
  const uint64_t sizes[] = {48, 32, 8, 96, 8};
  for (size_t i = 0; i < 5; ++i) {
    d[32 * i + 30] = static_cast<uint8_t>(offsets[i] >> 8);
    d[32 * i + 31] = static_cast<uint8_t>(offsets[i]);
    d[offsets[i] + 31] = static_cast<uint8_t>(sizes[i]);
    for (size_t k = 0; k < sizes[i]; ++k) d[offsets[i] + 32 + k] = static_cast<uint8_t>(i + 1);
  }
  return d;
}

Log deposit_log(Bytes data) {
  Log log;
  log.address = kDepositContractAddress;
  log.topics.push_back(
      *fixed_from_hex<32>("649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5"));
  log.data = std::move(data);
  return log;
}

TEST(Requests, DepositEventsBecome192ByteRequests) {
  const std::vector<Log> logs = {deposit_log(deposit_event_data())};
  std::string error;
  auto out = deposit_requests(logs, error);
  ASSERT_TRUE(out) << error;
  ASSERT_EQ(out->size(), 192u);
  EXPECT_EQ((*out)[0], 1);    // pubkey
  EXPECT_EQ((*out)[48], 2);   // withdrawal credentials
  EXPECT_EQ((*out)[80], 3);   // amount
  EXPECT_EQ((*out)[88], 4);   // signature
  EXPECT_EQ((*out)[184], 5);  // index
}

TEST(Requests, MalformedDepositEventInvalidatesTheBlock) {
  Bytes bad = deposit_event_data();
  bad[31] = 0xa1;  // pubkey offset 161
  std::string error;
  EXPECT_FALSE(deposit_requests(std::vector<Log>{deposit_log(bad)}, error));
  Bytes short_data = deposit_event_data();
  short_data.pop_back();
  EXPECT_FALSE(deposit_requests(std::vector<Log>{deposit_log(short_data)}, error));
  Log other = deposit_log(bad);
  other.address = Address{};  // another contract's log is ignored
  auto out = deposit_requests(std::vector<Log>{other}, error);
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->empty());
}

}  // namespace
}  // namespace paraevm
