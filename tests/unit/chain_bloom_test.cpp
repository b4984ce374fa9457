// bloom_of_logs skips entries equal to the previous log's: it must still equal adding every
// address and topic.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "base/keccak.hpp"
#include "chain/bloom.hpp"

namespace paraevm {
namespace {

Bloom naive_bloom(const std::vector<Log>& logs) {
  Bloom bloom;
  for (const Log& log : logs) {
    bloom_add(bloom, log.address.view());
    for (const Hash& topic : log.topics) bloom_add(bloom, topic.view());
  }
  return bloom;
}

TEST(Bloom, OfLogsEqualsAddingEveryEntry) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::vector<Log> logs(rng() % 12);
    for (Log& log : logs) {
      log.address[19] = static_cast<uint8_t>(rng() % 3);  // few addresses: many repeats
      log.topics.resize(rng() % 5);
      for (Hash& t : log.topics) t[0] = static_cast<uint8_t>(rng() % 3);
    }
    EXPECT_EQ(bloom_of_logs(logs), naive_bloom(logs)) << "round " << round;
  }
  EXPECT_EQ(bloom_of_logs({}), Bloom{});
}

// bloom_add keeps recently seen entries' bits in a per-thread cache: against the Yellow Paper's
// definition computed here directly, over many entries that collide in the cache and repeat.
TEST(Bloom, AddMatchesTheDefinitionThroughItsCache) {
  std::mt19937_64 rng(9);
  for (int round = 0; round < 5000; ++round) {
    Bytes entry(rng() % 2 ? 20 : 32);
    for (auto& b : entry) b = static_cast<uint8_t>(rng() % 4);  // few distinct values: repeats
    Bloom got;
    bloom_add(got, BytesView(entry.data(), entry.size()));
    Bloom want;
    const Hash h = keccak256(BytesView(entry.data(), entry.size()));
    for (size_t i = 0; i < 6; i += 2) {
      const unsigned bit = ((h[i] << 8) | h[i + 1]) & 2047u;
      want[255 - bit / 8] |= static_cast<uint8_t>(1u << (bit % 8));
    }
    ASSERT_EQ(got, want) << "round " << round;
  }
}

}  // namespace
}  // namespace paraevm
