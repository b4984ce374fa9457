#include "tools/statetest_known_failures.hpp"

#include <fstream>
#include <stdexcept>

namespace paraevm::tools {
namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

KnownFailures KnownFailures::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open known-failures file");
  KnownFailures out;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    // " # " (spaces around) separates the reason: test names may contain "#" (e.g. "#10:").
    const size_t hash = t.find(" # ");
    const std::string id = trim(t.substr(0, hash));
    const std::string why = hash == std::string::npos ? "" : trim(t.substr(hash + 3));
    if (why.empty())
      throw std::runtime_error(path + ":" + std::to_string(n) + ": entry without a '# reason'");
    out.entries_[id] = why;
  }
  return out;
}

const std::string* KnownFailures::find(const std::string& id) const {
  // The full id, then "<test>|<fork>", then "<test>".
  std::string key = id;
  for (int level = 0; level < 3; ++level) {
    if (auto it = entries_.find(key); it != entries_.end()) return &it->second;
    const size_t bar = key.rfind('|');
    if (bar == std::string::npos) break;
    key.resize(bar);
  }
  return nullptr;
}

bool KnownFailures::contains(const std::string& id) const { return find(id) != nullptr; }

const std::string& KnownFailures::reason(const std::string& id) const {
  static const std::string kNone;
  const std::string* r = find(id);
  return r ? *r : kNone;
}

}  // namespace paraevm::tools
