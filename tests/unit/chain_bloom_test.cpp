// bloom_of_logs skips entries equal to the previous log's: it must still equal adding every
// address and topic.
#include <gtest/gtest.h>

#include <random>
#include <vector>

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

}  // namespace
}  // namespace paraevm
