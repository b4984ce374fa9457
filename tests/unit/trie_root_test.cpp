// Trie roots: unit cases, and every fixture of ethereum-tests/TrieTests (one gtest each).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/hex.hpp"
#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/hash_builder.hpp"
#include "trie/trie_root.hpp"

namespace paraevm {
namespace {

Bytes bytes_of(std::string_view s) { return Bytes(s.begin(), s.end()); }

TEST(TrieRoot, Empty) {
  EXPECT_EQ(to_hex(kEmptyTrieRoot),
            "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  EXPECT_EQ(kEmptyTrieRoot, keccak256(rlp_encode_bytes({})));
  EXPECT_EQ(trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(trie_root({{bytes_of("a"), {}}}), kEmptyTrieRoot);  // empty value = absent
  EXPECT_EQ(ordered_trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(secure_trie_root({}), kEmptyTrieRoot);
}

// A single leaf whose node is shorter than 32 bytes: the root still hashes it.
TEST(TrieRoot, SingleSmallLeaf) {
  // Leaf node for key "A" (nibbles 4,1; even, leaf flag 0x20) and value "b": rlp([0x2041, "b"]).
  const Bytes node = from_hex("0xc482204162").value();
  EXPECT_EQ(trie_root({{bytes_of("A"), bytes_of("b")}}), keccak256(node));
}

TEST(TrieRoot, OrderAndDuplicates) {
  std::vector<std::pair<Bytes, Bytes>> e = {{bytes_of("dog"), bytes_of("puppy")},
                                            {bytes_of("do"), bytes_of("verb")},
                                            {bytes_of("horse"), bytes_of("stallion")},
                                            {bytes_of("doge"), bytes_of("coin")}};
  const Hash root = trie_root(e);
  // Published root of this set (ethereum-tests trieanyorder "puppy").
  EXPECT_EQ(to_hex(root), "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84");
  auto reversed = e;
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(trie_root(reversed), root);
  // A later entry for the same key wins; an empty value deletes.
  auto updated = e;
  updated.push_back({bytes_of("dog"), bytes_of("cat")});
  updated.push_back({bytes_of("dog"), bytes_of("puppy")});
  updated.push_back({bytes_of("zebra"), bytes_of("x")});
  updated.push_back({bytes_of("zebra"), {}});
  EXPECT_EQ(trie_root(updated), root);
}

TEST(TrieRoot, OrderedMatchesRlpIndexKeys) {
  std::vector<Bytes> items;
  std::vector<std::pair<Bytes, Bytes>> keyed;
  for (uint64_t i = 0; i < 300; ++i) {
    items.push_back(Bytes(1 + i % 40, static_cast<uint8_t>(i)));
    keyed.push_back({rlp_encode_u64(i), items.back()});
  }
  EXPECT_EQ(ordered_trie_root(items), trie_root(keyed));
}

TEST(TrieRoot, HashedMatchesSecure) {
  std::mt19937_64 rng(7);
  std::vector<std::pair<Bytes, Bytes>> plain;
  std::vector<std::pair<Hash, Bytes>> hashed;
  for (int i = 0; i < 500; ++i) {
    Bytes k(20), v(1 + rng() % 80);
    for (auto& b : k) b = static_cast<uint8_t>(rng());
    for (auto& b : v) b = static_cast<uint8_t>(rng());
    plain.push_back({k, v});
    hashed.push_back({keccak256(k), v});
  }
  EXPECT_EQ(secure_trie_root(plain), trie_root_hashed(hashed));
  EXPECT_NE(secure_trie_root(plain), trie_root(plain));
}

TEST(HashBuilder, RejectsBrokenPreconditions) {
  const Bytes a = bytes_of("a"), b = bytes_of("b"), v = bytes_of("v"), empty;
  HashBuilder builder;
  const TrieLeaf unsorted[] = {{b, v}, {a, v}};
  const TrieLeaf repeated[] = {{a, v}, {a, v}};
  const TrieLeaf no_value[] = {{a, empty}};
  EXPECT_THROW(builder.root(unsorted), std::invalid_argument);
  EXPECT_THROW(builder.root(repeated), std::invalid_argument);
  EXPECT_THROW(builder.root(no_value), std::invalid_argument);
  const TrieLeaf sorted[] = {{a, v}, {b, v}};
  EXPECT_EQ(builder.root(sorted), trie_root({{b, v}, {a, v}}));
}

// ---------------------------------------------------------------- ethereum-tests fixtures

struct Fixture {
  std::string name;
  std::string skip;  // non-empty: reason the fixture is not run
  bool secure = false;
  std::vector<std::pair<Bytes, std::optional<Bytes>>> ops;  // in order; nullopt deletes
  std::string root;
};

/// Fixture strings are raw text unless 0x-prefixed, in which case they are hex.
Bytes fixture_bytes(std::string_view s) {
  if (s.starts_with("0x")) return from_hex(s).value();
  return bytes_of(s);
}

std::optional<Bytes> fixture_value(simdjson::dom::element v) {
  if (v.is_null()) return std::nullopt;
  return fixture_bytes(v.get_string().value());
}

std::vector<Fixture> load_fixtures() {
  const char* root = std::getenv("PARAEVM_DATA");
  if (!root || !*root) return {Fixture{"PARAEVM_DATA_unset", "PARAEVM_DATA is not set", false, {}, {}}};
  const auto dir = std::filesystem::path(root) / "ethereum-tests" / "TrieTests";
  if (!std::filesystem::is_directory(dir))
    return {Fixture{"TrieTests_missing", {}, false, {}, "missing directory " + dir.string()}};
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Fixture> out;
  simdjson::dom::parser parser;
  for (const auto& file : files) {
    const std::string stem = file.stem().string();
    simdjson::dom::object doc = parser.load(file.string()).get_object();
    for (auto [key, value] : doc) {
      Fixture f;
      f.name = stem + "_" + std::string(key);
      std::replace_if(f.name.begin(), f.name.end(), [](char c) { return !std::isalnum(c); }, '_');
      if (stem == "trietestnextprev") {
        f.skip = "iteration (next/prev key) test: the hash builder computes roots and offers no "
                 "key iteration";
        out.push_back(std::move(f));
        continue;
      }
      f.secure = stem.find("secure") != std::string::npos;
      f.root = std::string(value["root"].get_string().value());
      simdjson::dom::element in = value["in"];
      if (in.is_array()) {
        for (simdjson::dom::array op : in.get_array())
          f.ops.push_back({fixture_bytes(op.at(0).get_string().value()), fixture_value(op.at(1))});
      } else {
        for (auto [k, v] : in.get_object()) f.ops.push_back({fixture_bytes(k), fixture_value(v)});
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

/// Names the fixture in gtest messages instead of dumping its bytes.
void PrintTo(const Fixture& f, std::ostream* os) { *os << f.name; }

class TrieFixture : public testing::TestWithParam<Fixture> {};

TEST_P(TrieFixture, Root) {
  const Fixture& f = GetParam();
  if (!f.skip.empty()) GTEST_SKIP() << f.skip;
  if (!f.root.starts_with("0x")) FAIL() << f.root;
  // Reference semantics: apply the operations in order to a map.
  std::map<std::string, Bytes> state;  // string keys: ordered like bytes, no GCC 12 false warning
  for (const auto& [k, v] : f.ops) {
    const std::string key(k.begin(), k.end());
    if (v && !v->empty()) {
      state[key] = *v;
    } else {
      state.erase(key);
    }
  }
  std::vector<std::pair<Bytes, Bytes>> final_entries;  // reverse order: the API must sort
  for (auto it = state.rbegin(); it != state.rend(); ++it)
    final_entries.push_back({bytes_of(it->first), it->second});
  std::vector<std::pair<Bytes, Bytes>> raw_ops;  // the operations themselves: last one wins
  for (const auto& [k, v] : f.ops) raw_ops.push_back({k, v.value_or(Bytes{})});

  if (f.secure) {
    EXPECT_EQ(to_hex(secure_trie_root(final_entries)), f.root);
    EXPECT_EQ(to_hex(secure_trie_root(raw_ops)), f.root);
  } else {
    EXPECT_EQ(to_hex(trie_root(final_entries)), f.root);
    EXPECT_EQ(to_hex(trie_root(raw_ops)), f.root);
  }
}

INSTANTIATE_TEST_SUITE_P(EthereumTests, TrieFixture, testing::ValuesIn(load_fixtures()),
                         [](const testing::TestParamInfo<Fixture>& info) { return info.param.name; });

}  // namespace
}  // namespace paraevm
