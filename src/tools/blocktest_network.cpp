#include "tools/blocktest_network.hpp"

#include <charconv>

namespace paraevm::tools {

namespace {

std::optional<ForkSpec> parse_fork(std::string_view name) {
  if (name.size() == 4 && name.substr(0, 3) == "BPO" && name[3] >= '1' && name[3] <= '9')
    return ForkSpec{std::string(name), Revision::Osaka};
  if (auto rev = revision_from_name(name)) return ForkSpec{std::string(name), *rev};
  return std::nullopt;
}

}  // namespace

std::optional<Network> Network::parse(std::string_view name) {
  Network n;
  const size_t to = name.find("To");
  if (to == std::string_view::npos) {
    auto f = parse_fork(name);
    if (!f) return std::nullopt;
    n.before_ = *f;
    return n;
  }
  const size_t at = name.rfind("At");
  if (at == std::string_view::npos || at < to) return std::nullopt;
  auto before = parse_fork(name.substr(0, to));
  const std::string_view after_name = name.substr(to + 2, at - to - 2);
  // The DAO fork is a state change, not a revision: the rules stay those of the fork before.
  const bool dao = after_name == "Dao";
  auto after = dao ? before : parse_fork(after_name);
  if (!before || !after) return std::nullopt;
  std::string_view when = name.substr(at + 2);
  if (when.starts_with("Time")) {
    n.by_time_ = true;
    when.remove_prefix(4);
  }
  uint64_t scale = 1;
  if (when.ends_with("k")) {
    scale = 1000;
    when.remove_suffix(1);
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(when.data(), when.data() + when.size(), v);
  if (ec != std::errc{} || p != when.data() + when.size()) return std::nullopt;
  n.before_ = *before;
  n.after_ = *after;
  n.switch_at_ = v * scale;
  if (dao) {
    if (n.by_time_) return std::nullopt;
    n.dao_fork_block_ = n.switch_at_;
  }
  return n;
}

const ForkSpec& Network::at(uint64_t number, uint64_t timestamp) const {
  if (!after_) return before_;
  return (by_time_ ? timestamp : number) >= switch_at_ ? *after_ : before_;
}

std::optional<BlobSchedule> Network::blob_schedule(
    const ForkSpec& fork, const std::map<std::string, BlobSchedule, std::less<>>& config) const {
  if (!at_least(fork.rev, Revision::Cancun)) return std::nullopt;
  if (auto it = config.find(fork.name); it != config.end()) return it->second;
  return default_blob_schedule(fork.rev);
}

}  // namespace paraevm::tools
