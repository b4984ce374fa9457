// ethereum/tests TransactionTests: every file, every fork, one gtest each. A valid transaction
// must decode, re-encode to the same bytes, and give the fixture's hash, sender and intrinsic
// gas; an invalid one must be rejected by decoding, signature checks or static validity rules.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "chain/intrinsic_gas.hpp"
#include "chain/sender.hpp"
#include "chain/transaction_codec.hpp"
#include "chain/transition.hpp"
#include "chain/validation.hpp"

namespace paraevm {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::string file;  // relative to TransactionTests/
  std::string name;
  std::string fork;
  std::string txbytes_hex;
  bool valid = false;
  std::string exception;
  std::string hash, sender, intrinsic_gas;
};

std::string sanitize(std::string_view s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

/// The string at `e`, "" when absent or not a string.
std::string str(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::string_view s;
  return e.get_string().get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}

/// Why a transaction is rejected under `rev`, or "" when it is valid. Fills `tx` and `sender`.
std::string check(BytesView bytes, Revision rev, Transaction& tx, Address& sender) {
  std::string error;
  auto decoded = decode_transaction(bytes, &error);
  if (!decoded) return "decode: " + error;
  tx = std::move(*decoded);
  SenderResult s = recover_sender(tx, rev, U256{1});
  if (!s.ok()) return std::string("sender: ") + std::string(sender_error_name(s.error));
  sender = *s.sender;
  // Sender-independent validity: a block that offers everything and charges no base fee.
  BlockEnv block;
  block.gas_limit = INT64_MAX;
  // BlockEnv's gas limit is an int64: a transaction above 2^63 - 1 gas (valid here, no block
  // holds it) trips the block allowance, which is no property of the transaction.
  auto err = validate_static(tx, rev, block, BlockGasLeft{});
  if (err && !(*err == TxError::GasAllowanceExceeded && tx.gas_limit > uint64_t{INT64_MAX}))
    return std::string("static: ") + std::string(tx_error_name(*err, tx.type));
  // gas_limit * fee cap must fit 256 bits (GASLIMIT_PRICE_PRODUCT_OVERFLOW), whatever the balance.
  const U256& price = tx.type >= TxType::DynamicFee ? tx.max_fee_per_gas : tx.gas_price;
  if (tx.gas_limit != 0 && price > U256::max() / U256{tx.gas_limit}) return "gas * price overflows";
  return "";
}

/// The stages allowed to reject a transaction the fixture rejects with `exception`: structural
/// problems at decoding, signature problems at decoding (a field too wide) or sender recovery,
/// validity rules at static validation.
std::vector<std::string_view> allowed_stages(std::string_view exception) {
  std::string_view name = exception.substr(exception.find('.') + 1);
  if (name == "GASLIMIT_PRICE_PRODUCT_OVERFLOW") return {"gas * price"};
  if (name.starts_with("RLP_") || name.ends_with("_OVERFLOW") || name.starts_with("ADDRESS_TOO"))
    return {"decode"};
  if (name == "INVALID_SIGNATURE_VRS" || name == "INVALID_CHAINID" || name == "EC_RECOVERY_FAIL")
    return {"decode", "sender"};
  if (name == "TYPE_NOT_SUPPORTED") return {"decode", "static"};
  return {"static"};
}

class TransactionFixture : public testing::Test {
 public:
  explicit TransactionFixture(Expectation e) : e_(std::move(e)) {}
  void TestBody() override {
    auto rev = revision_from_name(e_.fork);
    ASSERT_TRUE(rev) << "unknown fork " << e_.fork;
    auto bytes = from_hex(e_.txbytes_hex);
    ASSERT_TRUE(bytes) << "bad txbytes hex";
    Transaction tx;
    Address sender;
    const std::string why = check(to_view(*bytes), *rev, tx, sender);
    if (!e_.valid) {
      ASSERT_NE(why, "") << "accepted a transaction the fixture rejects with " << e_.exception;
      bool stage_ok = false;
      for (std::string_view stage : allowed_stages(e_.exception)) stage_ok |= why.starts_with(stage);
      EXPECT_TRUE(stage_ok) << "expected " << e_.exception << ", rejected for: " << why;
      return;
    }
    ASSERT_EQ(why, "") << "rejected a valid transaction";
    EXPECT_EQ(encode_transaction(tx), *bytes) << "re-encoding differs";
    EXPECT_EQ(to_hex(transaction_hash(tx)), e_.hash);
    EXPECT_EQ(to_hex(keccak256(to_view(*bytes))), e_.hash);
    EXPECT_EQ(to_hex(sender), e_.sender);
    EXPECT_EQ(U256{intrinsic_gas(*rev, tx).cost}, *U256::from_string(e_.intrinsic_gas));
  }

 private:
  Expectation e_;
};

class FailingTest : public testing::Test {
 public:
  explicit FailingTest(std::string why) : why_(std::move(why)) {}
  void TestBody() override { FAIL() << why_; }

 private:
  std::string why_;
};

void register_file(simdjson::dom::parser& parser, const fs::path& root, const fs::path& file) {
  simdjson::dom::element doc;
  const std::string rel = fs::relative(file, root).string();
  simdjson::dom::object tests;
  if (parser.load(file.string()).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(tests) != simdjson::SUCCESS) {
    testing::RegisterTest("TransactionTests", sanitize(rel).c_str(), nullptr, nullptr,
                          __FILE__, __LINE__, [rel]() -> testing::Test* {
                            return new FailingTest(rel + ": not a JSON object of fixtures");
                          });
    return;
  }
  for (auto [name, fixture] : tests) {
    Expectation base;
    base.file = rel;
    base.name = std::string(name);
    base.txbytes_hex = str(fixture["txbytes"]);
    simdjson::dom::object results;
    if (fixture["result"].get_object().get(results) != simdjson::SUCCESS) {
      const std::string why = rel + ": " + base.name + " has no \"result\" object";
      testing::RegisterTest("TransactionTests", sanitize(rel + "_" + base.name).c_str(), nullptr,
                            nullptr, __FILE__, __LINE__,
                            [why]() -> testing::Test* { return new FailingTest(why); });
      continue;
    }
    for (auto [fork, result] : results) {
      Expectation e = base;
      e.fork = std::string(fork);
      simdjson::dom::element ex;
      e.valid = result["exception"].get(ex) != simdjson::SUCCESS;
      if (!e.valid) e.exception = str(result["exception"]);
      e.hash = str(result["hash"]);
      e.sender = str(result["sender"]);
      e.intrinsic_gas = str(result["intrinsicGas"]);
      const std::string suite = "TransactionTests/" + sanitize(file.parent_path().filename().string());
      const std::string test = sanitize(base.name) + "/" + e.fork;
      testing::RegisterTest(suite.c_str(), test.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [e]() -> testing::Test* { return new TransactionFixture(e); });
    }
  }
}

class SkipWithoutData : public testing::Test {
 public:
  explicit SkipWithoutData(std::string why) : why_(std::move(why)) {}
  void TestBody() override { GTEST_SKIP() << why_; }

 private:
  std::string why_;
};

// Registers the tests at static-initialisation time, before gtest_main runs them.
const bool kRegistered = [] {
  const char* data = std::getenv("PARAEVM_DATA");
  if (!data || !*data) {
    testing::RegisterTest("TransactionTests", "NoData", nullptr, nullptr, __FILE__, __LINE__,
                          []() -> testing::Test* {
                            return new SkipWithoutData("PARAEVM_DATA is not set");
                          });
    return false;
  }
  const fs::path root = fs::path(data) / "ethereum-tests" / "TransactionTests";
  if (!fs::is_directory(root)) {  // the data is there but not this suite: a broken setup
    const std::string why = "missing directory " + root.string();
    testing::RegisterTest("TransactionTests", "MissingData", nullptr, nullptr, __FILE__, __LINE__,
                          [why]() -> testing::Test* { return new FailingTest(why); });
    return false;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  simdjson::dom::parser parser;
  for (const fs::path& f : files) register_file(parser, root, f);
  return true;
}();

}  // namespace
}  // namespace paraevm
