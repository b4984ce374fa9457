// Networks of blockchain tests: a single fork ("Cancun", "BPO1"), or a transition
// ("CancunToPragueAtTime15k", "BerlinToLondonAt5"), with blob schedules from
// `config.blobSchedule` (blob-parameter-only forks run Osaka's rules with their own schedule).
// "HomesteadToDaoAt5" (ethereum/tests' DAO transition) keeps Homestead's rules and puts the DAO
// fork's irregular state change at block 5; no other network supports the DAO fork.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "chain/blob_gas.hpp"
#include "evm/revision.hpp"

namespace paraevm::tools {

struct ForkSpec {
  std::string name;  ///< fixture name ("Prague", "BPO2")
  Revision rev = Revision::Frontier;
};

class Network {
 public:
  /// Parses a network name; nullopt when unknown.
  static std::optional<Network> parse(std::string_view name);
  /// The fork active at a block.
  const ForkSpec& at(uint64_t number, uint64_t timestamp) const;
  /// Blob schedule of `fork`: `config.blobSchedule` first, else the revision's default.
  std::optional<BlobSchedule> blob_schedule(
      const ForkSpec& fork, const std::map<std::string, BlobSchedule, std::less<>>& config) const;
  /// The DAO fork block, for a network that supports the fork.
  std::optional<uint64_t> dao_fork_block() const { return dao_fork_block_; }

 private:
  ForkSpec before_;
  std::optional<ForkSpec> after_;
  uint64_t switch_at_ = 0;
  bool by_time_ = false;
  std::optional<uint64_t> dao_fork_block_;
};

}  // namespace paraevm::tools
