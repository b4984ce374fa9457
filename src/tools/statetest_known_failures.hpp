// The known-failures list of the spec-test runners: one test id per line with its reason,
// `<test>|<fork>|d/g/v # reason` (" # " with its spaces separates the reason: test names may
// contain '#'). A shorter id (`<test>` or `<test>|<fork>`) covers every run below it. Blank
// lines and lines starting with '#' are ignored.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace paraevm::tools {

class KnownFailures {
 public:
  /// Reads `path`; throws std::runtime_error naming the file (and line) when it cannot.
  static KnownFailures load(const std::string& path);

  /// Whether the run `id` ("<test>|<fork>|d/g/v", or a bare test name) is listed.
  bool contains(const std::string& id) const;
  /// The reason written for the entry that covers `id` ("" when none).
  const std::string& reason(const std::string& id) const;
  size_t size() const { return entries_.size(); }

 private:
  const std::string* find(const std::string& id) const;
  std::unordered_map<std::string, std::string> entries_;  // id -> reason
};

}  // namespace paraevm::tools
