// RLP encoder/decoder: unit cases, and every fixture of ethereum-tests/RLPTests (one gtest each).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/hex.hpp"
#include "base/rlp.hpp"

namespace paraevm {
namespace {

Bytes hex(std::string_view s) { return from_hex(s).value(); }

// ---------------------------------------------------------------- unit cases

TEST(RlpEncode, Scalars) {
  EXPECT_EQ(rlp_encode_u64(0), hex("80"));
  EXPECT_EQ(rlp_encode_u64(0x7f), hex("7f"));
  EXPECT_EQ(rlp_encode_u64(0x80), hex("8180"));
  EXPECT_EQ(rlp_encode_u64(0x0400), hex("820400"));
  EXPECT_EQ(rlp_encode_u64(~0ULL), hex("88ffffffffffffffff"));
  EXPECT_EQ(rlp_encode_u256(U256(0, 1, 0, 0)), hex("89010000000000000000"));
  EXPECT_EQ(rlp_encode_u256(U256::max()), hex("a0" + std::string(64, 'f')));
  EXPECT_EQ(rlp_encode_bytes(hex("")), hex("80"));
  EXPECT_EQ(rlp_encode_bytes(hex("00")), hex("00"));
  EXPECT_EQ(rlp_encode_bytes(hex("80")), hex("8180"));
}

TEST(RlpEncode, NestedLongLists) {
  // [[56 x "a" as 1-byte strings ... ]] forces two long headers to be patched in.
  RlpEncoder enc;
  const size_t outer = enc.begin_list();
  const size_t inner = enc.begin_list();
  for (int i = 0; i < 60; ++i) enc.append_u64(0x61);
  enc.end_list(inner);
  enc.append_string("dog");
  enc.end_list(outer);
  Bytes expected = hex("f842f83c");
  expected.insert(expected.end(), 60, 0x61);
  for (uint8_t b : hex("83646f67")) expected.push_back(b);
  EXPECT_EQ(enc.bytes(), expected);

  RlpReader r = RlpReader::open_list(enc.view());
  RlpReader in = r.read_list();
  int n = 0;
  while (!in.at_end()) {
    EXPECT_EQ(in.read_u64(), 0x61u);
    ++n;
  }
  EXPECT_EQ(n, 60);
  const BytesView dog = r.read_bytes();
  EXPECT_EQ(std::string(dog.begin(), dog.end()), "dog");
  EXPECT_TRUE(r.at_end());
}

TEST(RlpDecode, TypedReads) {
  RlpEncoder enc;
  const size_t m = enc.begin_list();
  Address a;
  a[0] = 0xaa;
  a[19] = 0x01;
  Hash h;
  h[31] = 0x77;
  enc.append_address(a).append_hash(h).append_u256(U256(5, 0, 0, 9)).append_u64(1234567);
  enc.end_list(m);
  RlpReader r = RlpReader::open_list(enc.view());
  EXPECT_EQ(r.read_address(), a);
  EXPECT_EQ(r.read_hash(), h);
  EXPECT_EQ(r.read_u256(), U256(5, 0, 0, 9));
  EXPECT_EQ(r.read_u64(), 1234567u);
  EXPECT_NO_THROW(r.expect_end());
}

TEST(RlpEncode, ListHeaderFirst) {
  RlpEncoder a;
  a.append_list_header(4).append_string("dog").append_list_header(60);
  for (int i = 0; i < 60; ++i) a.append_u64(1);
  RlpEncoder b;
  size_t m = b.begin_list();
  b.append_string("dog");
  b.end_list(m);
  m = b.begin_list();
  for (int i = 0; i < 60; ++i) b.append_u64(1);
  b.end_list(m);
  EXPECT_EQ(a.bytes(), b.bytes());
  EXPECT_EQ(rlp_header_size(55), 1u);
  EXPECT_EQ(rlp_header_size(56), 2u);
  EXPECT_EQ(rlp_header_size(256), 3u);
}

TEST(RlpDecode, OptionalAddress) {
  RlpEncoder enc;
  Address a;
  a[5] = 9;
  enc.append_bytes({}).append_address(a).append_bytes(Bytes(3, 1));
  RlpReader r(enc.view());
  EXPECT_FALSE(r.read_optional_address().has_value());
  EXPECT_EQ(r.read_optional_address(), a);
  EXPECT_THROW(r.read_optional_address(), RlpError);
}

TEST(RlpDecode, IntegerCanonicality) {
  EXPECT_THROW(RlpReader(hex("00")).read_u64(), RlpError);          // zero is 0x80, not 0x00
  EXPECT_THROW(RlpReader(hex("820001")).read_u64(), RlpError);      // leading zero
  EXPECT_THROW(RlpReader(hex("89010000000000000000")).read_u64(), RlpError);  // > 64 bits
  EXPECT_EQ(RlpReader(hex("80")).read_u64(), 0u);
  EXPECT_EQ(RlpReader(hex("88ffffffffffffffff")).read_u64(), ~0ULL);
  EXPECT_THROW(RlpReader(hex("a1" + std::string(66, '1'))).read_u256(), RlpError);
  EXPECT_THROW(RlpReader(hex("c0")).read_u64(), RlpError);  // a list is not an integer
}

TEST(RlpDecode, ErrorsNameOffset) {
  // The second inner list, at offset 2, claims 5 bytes but only 1 follows.
  const Bytes bad = hex("c3c0c501");
  try {
    RlpReader r = RlpReader::open_list(bad);
    r.read_list();
    r.read_list();
    FAIL() << "no error";
  } catch (const RlpError& e) {
    EXPECT_EQ(e.offset(), 2u) << e.what();
    EXPECT_NE(std::string(e.what()).find("offset 2"), std::string::npos);
  }
  EXPECT_THROW(rlp_decode_single(hex("8001")), RlpError);  // trailing byte
  EXPECT_THROW(RlpReader(hex("")).read_item(), RlpError);
  EXPECT_THROW(RlpReader(hex("83aabb")).read_address(), RlpError);
  EXPECT_THROW(RlpReader(hex("8400000000")).read_hash(), RlpError);
}

TEST(RlpDecode, RawAndRemaining) {
  const Bytes data = hex("c4c20102038180");
  RlpReader r(data);
  RlpReader l = r.read_list();
  EXPECT_EQ(Bytes(l.remaining_raw().begin(), l.remaining_raw().end()), hex("c2010203"));
  const BytesView raw = l.read_raw();
  EXPECT_EQ(Bytes(raw.begin(), raw.end()), hex("c20102"));
  EXPECT_EQ(l.offset(), 4u);
  EXPECT_EQ(l.read_u64(), 3u);
  EXPECT_TRUE(l.at_end());
  EXPECT_EQ(r.read_u64(), 0x80u);
}

/// Walks every item, recursing into lists; returns the number of items.
size_t walk(RlpReader r, int depth = 0) {
  size_t n = 0;
  while (!r.at_end()) {
    ++n;
    if (r.next_is_list() && depth < 64) {
      n += walk(r.read_list(), depth + 1);
    } else {
      r.read_item();
    }
  }
  return n;
}

// Mutated and truncated encodings must decode or throw RlpError, never read out of bounds
// (run under ASan to catch the latter).
TEST(RlpDecode, MutatedInputNeverCrashes) {
  RlpEncoder enc;
  const size_t outer = enc.begin_list();
  enc.append_u64(0).append_u64(300).append_string("dog").append_bytes(Bytes(70, 0xab));
  const size_t inner = enc.begin_list();
  enc.append_u256(U256::max()).append_bytes({});
  enc.end_list(inner);
  enc.end_list(outer);
  const Bytes good = enc.take();
  std::mt19937_64 rng(99);
  size_t ok = 0, rejected = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    Bytes b = good;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) b[rng() % b.size()] = static_cast<uint8_t>(rng());
    b.resize(rng() % (b.size() + 1));
    try {
      walk(RlpReader(b));
      ++ok;
    } catch (const RlpError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0u);
  EXPECT_GT(ok, 0u);
}

// ---------------------------------------------------------------- ethereum-tests fixtures

/// A value from a fixture's "in": a byte string (text, integer or #bigint) or a list.
struct Node {
  bool is_list = false;
  Bytes bytes;
  std::optional<uint64_t> u64;  // set when the fixture gave a JSON integer
  std::vector<Node> items;
};

enum class Kind { kValue, kValid, kInvalid, kNoData, kLoadError };

struct Fixture {
  std::string name;
  Kind kind = Kind::kNoData;
  Node in;
  std::string out_hex;
};

/// Decimal digits to minimal big-endian bytes (arbitrary size).
Bytes decimal_to_be(std::string_view digits) {
  Bytes le;  // little-endian accumulator
  for (char c : digits) {
    unsigned carry = static_cast<unsigned>(c - '0');
    for (auto& b : le) {
      const unsigned v = b * 10u + carry;
      b = static_cast<uint8_t>(v);
      carry = v >> 8;
    }
    if (carry) le.push_back(static_cast<uint8_t>(carry));
  }
  return Bytes(le.rbegin(), le.rend());
}

Node to_node(simdjson::dom::element e) {
  Node n;
  if (e.is_array()) {
    n.is_list = true;
    for (auto child : e.get_array()) n.items.push_back(to_node(child));
  } else if (e.is_string()) {
    std::string_view s = e.get_string();
    if (!s.empty() && s[0] == '#') {
      n.bytes = decimal_to_be(s.substr(1));
    } else {
      n.bytes.assign(s.begin(), s.end());
    }
  } else {
    const uint64_t v = e.get_uint64();
    n.u64 = v;
    for (uint64_t x = v; x != 0; x >>= 8) n.bytes.insert(n.bytes.begin(), static_cast<uint8_t>(x));
  }
  return n;
}

std::string test_name(const std::filesystem::path& file, std::string_view key) {
  std::string name = file.stem().string() + "_" + std::string(key);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

std::vector<Fixture> load_fixtures() {
  const char* root = std::getenv("PARAEVM_DATA");
  if (!root || !*root) return {Fixture{"PARAEVM_DATA_unset", Kind::kNoData, {}, {}}};
  const auto dir = std::filesystem::path(root) / "ethereum-tests" / "RLPTests";
  if (!std::filesystem::is_directory(dir))
    return {Fixture{"RLPTests_missing", Kind::kLoadError, {}, dir.string() + " is not a directory"}};
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Fixture> out;
  simdjson::dom::parser parser;
  for (const auto& file : files) {
    simdjson::dom::object doc = parser.load(file.string()).get_object();
    for (auto [key, value] : doc) {
      Fixture f;
      f.name = test_name(file, key);
      f.out_hex = std::string(value["out"].get_string().value());
      simdjson::dom::element in = value["in"];
      std::string_view s;
      if (in.is_string() && (s = in.get_string()) == "VALID") {
        f.kind = Kind::kValid;
      } else if (in.is_string() && s == "INVALID") {
        f.kind = Kind::kInvalid;
      } else {
        f.kind = Kind::kValue;
        f.in = to_node(in);
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

/// Fully decodes one item (recursing into lists), enforcing canonical form throughout.
Node decode_node(RlpItem item) {
  Node n;
  n.is_list = item.is_list;
  if (!item.is_list) {
    n.bytes.assign(item.payload.begin(), item.payload.end());
    return n;
  }
  RlpReader r(item.payload, item.offset);
  while (!r.at_end()) n.items.push_back(decode_node(r.read_item()));
  return n;
}

void encode_node(RlpEncoder& enc, const Node& n) {
  if (!n.is_list) {
    if (n.u64) {
      enc.append_u64(*n.u64);  // exercise the integer encoder for JSON integers
    } else {
      enc.append_bytes(n.bytes);
    }
    return;
  }
  const size_t mark = enc.begin_list();
  for (const Node& c : n.items) encode_node(enc, c);
  enc.end_list(mark);
}

bool same_tree(const Node& a, const Node& b) {
  if (a.is_list != b.is_list) return false;
  if (!a.is_list) return a.bytes == b.bytes;
  if (a.items.size() != b.items.size()) return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  return true;
}

/// Names the fixture in gtest messages instead of dumping its bytes.
void PrintTo(const Fixture& f, std::ostream* os) { *os << f.name; }

class RlpFixture : public testing::TestWithParam<Fixture> {};

TEST_P(RlpFixture, Run) {
  const Fixture& f = GetParam();
  if (f.kind == Kind::kNoData) GTEST_SKIP() << "PARAEVM_DATA is not set; RLPTests not available";
  if (f.kind == Kind::kLoadError) FAIL() << f.out_hex;
  const std::optional<Bytes> out = from_hex(f.out_hex);
  if (f.kind == Kind::kInvalid) {
    // Malformed hex counts as invalid input as well, but every fixture here is valid hex.
    ASSERT_TRUE(out) << "bad hex in fixture";
    EXPECT_THROW(decode_node(rlp_decode_single(*out)), RlpError);
    return;
  }
  ASSERT_TRUE(out) << "bad hex in fixture";
  Node decoded;
  ASSERT_NO_THROW(decoded = decode_node(rlp_decode_single(*out)));
  if (f.kind == Kind::kValue) {
    RlpEncoder enc;
    encode_node(enc, f.in);
    EXPECT_EQ(to_hex(enc.bytes()), to_hex(*out));
    EXPECT_TRUE(same_tree(decoded, f.in)) << "decoded value differs from \"in\"";
  }
  // Re-encoding the decoded tree must reproduce the input exactly (canonical round trip).
  RlpEncoder again;
  encode_node(again, decoded);
  EXPECT_EQ(to_hex(again.bytes()), to_hex(*out));
}

INSTANTIATE_TEST_SUITE_P(EthereumTests, RlpFixture, testing::ValuesIn(load_fixtures()),
                         [](const testing::TestParamInfo<Fixture>& info) { return info.param.name; });

}  // namespace
}  // namespace paraevm
