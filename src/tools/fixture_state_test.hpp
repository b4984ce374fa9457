// The state-test fixture format (ethereum/tests GeneralStateTests and execution-spec-tests
// state_tests) as plain structs, parsed from simdjson DOM. The runner (statetest.cpp) turns these
// into a State, a BlockEnv and one Transaction per post entry.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chain/blob_gas.hpp"
#include "chain/transaction.hpp"
#include "chain/transition.hpp"
#include "tools/fixture_json.hpp"

namespace paraevm::tools {

/// One account of a fixture's `pre` (or `post.state`) allocation.
struct FixtureAccount {
  Address address;
  uint64_t nonce = 0;
  U256 balance;
  Bytes code;
  /// Slots as listed (zero values included when the fixture lists them).
  std::vector<std::pair<U256, U256>> storage;
};
using FixtureAlloc = std::vector<FixtureAccount>;

/// `transaction`: a template whose data, gasLimit and value are arrays indexed by a post entry.
struct TxTemplate {
  TxType type = TxType::Legacy;
  uint64_t nonce = 0;
  U256 gas_price;  // legacy and type 1
  U256 max_fee_per_gas;
  U256 max_priority_fee_per_gas;
  std::optional<Address> to;  // nullopt: creation
  std::vector<Bytes> data;
  std::vector<uint64_t> gas_limits;
  /// nullopt: a value above 2^256 - 1 (ethereum/tests use these for transactions that cannot
  /// be encoded, expecting them to be rejected).
  std::vector<std::optional<U256>> values;
  /// One per data entry where the fixture has `accessLists` (empty otherwise); a null entry
  /// makes that data index's transaction a legacy one (ethereum/tests mix types this way).
  std::vector<std::optional<AccessList>> access_lists;
  U256 max_fee_per_blob_gas;
  std::vector<Hash> blob_versioned_hashes;
  std::vector<Authorization> authorizations;
  std::optional<Address> sender;
  std::optional<Bytes32> secret_key;
};

/// Which template elements build one concrete transaction.
struct TxIndexes {
  size_t data = 0;
  size_t gas = 0;
  size_t value = 0;
};

/// One expected result of `post.<fork>[i]`.
struct PostEntry {
  TxIndexes indexes;
  Hash state_root;
  Hash logs_hash;
  std::optional<Bytes> txbytes;
  /// The `expectException` text ("" when the transaction is valid).
  std::string expect_exception;
  /// `state`: the full expected post-state (EEST only), kept unparsed for diagnostics; valid
  /// while the parsed document lives.
  std::optional<JsonElement> expected_state;
  bool expects_exception() const { return !expect_exception.empty(); }
};

struct ForkPost {
  std::string fork;
  std::vector<PostEntry> entries;
};

struct StateTest {
  std::string name;
  BlockEnv env;  // blob_base_fee is left zero: it depends on the fork's blob schedule
  FixtureAlloc pre;
  TxTemplate tx;
  std::vector<ForkPost> post;
  /// `config.blobSchedule` by fork name (empty in ethereum/tests fixtures).
  std::map<std::string, BlobSchedule, std::less<>> blob_schedules;
};

/// Parses one fixture (the value under its test name). Throws FixtureError.
StateTest parse_state_test(std::string_view name, JsonElement fixture, const JsonPath& path);

FixtureAlloc parse_alloc(JsonElement alloc, const JsonPath& path);
BlockEnv parse_state_test_env(JsonElement env, const JsonPath& path);
TxTemplate parse_tx_template(JsonElement tx, const JsonPath& path);
AccessList parse_access_list(JsonElement list, const JsonPath& path);
std::map<std::string, BlobSchedule, std::less<>> parse_blob_schedules(JsonElement config,
                                                                      const JsonPath& path);

/// The concrete transaction of `indexes` (unsigned: v, r, s zero; chain_id set for typed
/// transactions and left empty for legacy ones). Throws FixtureError on an index out of range.
/// `unencodable` is set (and the value left zero) when the value exceeds 256 bits.
Transaction instantiate(const TxTemplate& tmpl, const TxIndexes& indexes, const U256& chain_id,
                        bool& unencodable);

}  // namespace paraevm::tools
