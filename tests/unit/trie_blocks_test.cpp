// Roots of real fixture blocks (ethereum-tests BlockchainTests/ValidBlocks, one gtest per file):
// - state_root() over each test's "pre" must equal the genesis stateRoot, and over "postState"
//   the last block's stateRoot (accounts, code hashes and storage tries);
// - each block's RLP is decoded with RlpReader: the header hash, uncle hash, transactions root
//   (ordered_trie_root over legacy list encodings / typed envelopes) and withdrawals root must
//   match the fixture's header.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/state_root.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

namespace fs = std::filesystem;
using simdjson::dom::element;
using simdjson::dom::object;

Bytes hex_bytes(std::string_view s) {
  auto b = from_hex(s);
  if (!b) throw std::runtime_error("bad hex: " + std::string(s));
  return *b;
}

/// A JSON quantity ("0x..." hex of any length) as U256, via big-endian bytes.
U256 quantity(std::string_view s) {
  std::string digits(s.substr(2));
  if (digits.size() % 2) digits.insert(digits.begin(), '0');
  const Bytes be = hex_bytes(digits);
  U256 r;
  for (size_t i = 0; i < be.size(); ++i) {
    const size_t bit = 8 * (be.size() - 1 - i);
    if (bit < 256) r.limb[bit / 64] |= uint64_t{be[i]} << (bit % 64);
  }
  return r;
}

Hash hash_of(std::string_view s) { return Hash::from_view(hex_bytes(s)); }

std::vector<AccountData> accounts_of(object alloc) {
  std::vector<AccountData> out;
  for (auto [addr, acc] : alloc) {
    AccountData a;
    a.address = Address::from_view(hex_bytes(addr));
    a.nonce = quantity(acc["nonce"].get_string().value()).low64();
    a.balance = quantity(acc["balance"].get_string().value());
    a.code_hash = keccak256(hex_bytes(acc["code"].get_string().value()));
    for (auto [slot, value] : acc["storage"].get_object())
      a.storage.push_back({quantity(slot), quantity(value.get_string().value())});
    out.push_back(std::move(a));
  }
  return out;
}

/// Checks one block's RLP against its JSON header; returns the number of roots checked.
int check_block(const Bytes& rlp, object header, const std::string& where) {
  RlpReader block = RlpReader::open_list(rlp);
  const BytesView header_raw = block.read_raw();
  EXPECT_EQ(keccak256(header_raw), hash_of(header["hash"].get_string().value())) << where;

  std::vector<Bytes> txs;
  RlpReader tx_list = block.read_list();
  while (!tx_list.at_end()) {
    // Legacy transactions are lists (the trie value is their encoding); typed ones are byte
    // strings holding the envelope type || payload.
    const BytesView tx = tx_list.next_is_list() ? tx_list.read_raw() : tx_list.read_bytes();
    txs.emplace_back(tx.begin(), tx.end());
  }
  EXPECT_EQ(ordered_trie_root(txs), hash_of(header["transactionsTrie"].get_string().value()))
      << where << ": " << txs.size() << " transactions";
  EXPECT_EQ(keccak256(block.read_raw()), hash_of(header["uncleHash"].get_string().value()))
      << where;
  int checked = 3;
  if (!block.at_end()) {
    std::vector<Bytes> withdrawals;
    RlpReader w = block.read_list();
    while (!w.at_end()) {
      const BytesView raw = w.read_raw();
      withdrawals.emplace_back(raw.begin(), raw.end());
    }
    EXPECT_EQ(ordered_trie_root(withdrawals),
              hash_of(header["withdrawalsRoot"].get_string().value()))
        << where;
    ++checked;
  }
  return checked;
}

std::vector<std::string> fixture_files() {
  const char* root = std::getenv("PARAEVM_DATA");
  if (!root || !*root) return {""};
  std::vector<std::string> files;
  const fs::path dir = fs::path(root) / "ethereum-tests" / "BlockchainTests" / "ValidBlocks";
  if (!fs::is_directory(dir)) return {dir.string()};  // the test then fails naming it
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class BlockRoots : public testing::TestWithParam<std::string> {};

TEST_P(BlockRoots, Match) {
  if (GetParam().empty()) GTEST_SKIP() << "PARAEVM_DATA is not set; BlockchainTests not available";
  if (!fs::is_regular_file(GetParam())) FAIL() << "missing test data: " << GetParam();
  simdjson::dom::parser parser;
  object doc = parser.load(GetParam()).get_object();
  int checked = 0;
  for (auto [name, test] : doc) {
    const std::string where(name);
    object genesis = test["genesisBlockHeader"].get_object();
    EXPECT_EQ(state_root(accounts_of(test["pre"].get_object())),
              hash_of(genesis["stateRoot"].get_string().value()))
        << where << ": pre state";
    ++checked;
    std::string last_state_root(genesis["stateRoot"].get_string().value());
    for (element blk : test["blocks"].get_array()) {
      object b = blk.get_object();
      if (b["expectException"].error() == simdjson::SUCCESS || b["blockHeader"].error()) continue;
      object header = b["blockHeader"].get_object();
      checked += check_block(hex_bytes(b["rlp"].get_string().value()), header, where);
      last_state_root = std::string(header["stateRoot"].get_string().value());
    }
    // The post state belongs to the head of the canonical chain, which fork tests may not
    // end with; compare against lastblockhash's block only when that is the last one decoded.
    auto post = test["postState"];
    simdjson::dom::array blocks = test["blocks"].get_array();
    if (post.error() == simdjson::SUCCESS && blocks.size() > 0) {
      element last = blocks.at(blocks.size() - 1);
      if (last["blockHeader"].error() == simdjson::SUCCESS &&
          std::string_view(last["blockHeader"]["hash"].get_string().value()) ==
              std::string_view(test["lastblockhash"].get_string().value())) {
        EXPECT_EQ(to_hex(state_root(accounts_of(post.get_object().value()))), last_state_root)
            << where << ": post state";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
  RecordProperty("roots_checked", checked);
}

std::string file_test_name(const testing::TestParamInfo<std::string>& info) {
  if (info.param.empty()) return "PARAEVM_DATA_unset";
  if (!fs::is_regular_file(info.param)) return "ValidBlocks_missing";
  const fs::path p(info.param);
  std::string name = p.parent_path().filename().string() + "_" + p.stem().string();
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(ValidBlocks, BlockRoots, testing::ValuesIn(fixture_files()),
                         file_test_name);

}  // namespace
}  // namespace paraevm
