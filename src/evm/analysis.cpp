#include "evm/analysis.hpp"

#include <cstring>

#include "base/local_handle.hpp"
#include "evm/opcodes.hpp"

namespace paraevm {

AnalyzedCode::AnalyzedCode(BytesView code)
    : padded_(code.size() + kPadding, 0), jumpdests_((code.size() + 63) / 64, 0), size_(code.size()) {
  if (!code.empty()) std::memcpy(padded_.data(), code.data(), code.size());
  for (size_t pc = 0; pc < size_; ++pc) {
    uint8_t op = padded_[pc];
    if (op == OP_JUMPDEST)
      jumpdests_[pc / 64] |= uint64_t{1} << (pc % 64);
    else if (op >= OP_PUSH1 && op <= OP_PUSH32)
      pc += op - OP_PUSH1 + 1;  // skip the immediate bytes: they are data, never JUMPDESTs
  }
}

std::shared_ptr<const AnalyzedCode> analyze(BytesView code) {
  return std::make_shared<const AnalyzedCode>(code);
}

CodeCache::CodeCache(size_t max_entries)
    : max_per_shard_(max_entries / kShards > 0 ? max_entries / kShards : 1) {}

std::shared_ptr<const AnalyzedCode> CodeCache::get(const Hash& code_hash, BytesView code) {
  // This thread's handle first: no lock, no shared reference count (base/local_handle.hpp). An
  // analysis depends on the code alone, so handles serve every cache instance.
  using Local = LocalHandles<AnalyzedCode>;
  if (const auto* local = Local::find(code_hash)) return *local;
  // The hash's last byte is uniformly distributed: a good shard index.
  Shard& shard = shards_[code_hash[31] % kShards];
  {
    std::lock_guard lock(shard.mutex);
    auto it = shard.map.find(code_hash);
    if (it != shard.map.end()) return Local::insert(code_hash, it->second);
  }
  // Analyze outside the lock; a concurrent miss on the same code wastes one analysis, harmlessly.
  auto analyzed = analyze(code);
  std::lock_guard lock(shard.mutex);
  if (shard.map.size() >= max_per_shard_) shard.map.clear();
  auto [it, inserted] = shard.map.emplace(code_hash, std::move(analyzed));
  return Local::insert(code_hash, it->second);
}

size_t CodeCache::size() const {
  size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    n += s.map.size();
  }
  return n;
}

void CodeCache::clear() {
  for (auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    s.map.clear();
  }
}

}  // namespace paraevm
