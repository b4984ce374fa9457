#include "state/log.hpp"

#include "base/keccak.hpp"
#include "base/rlp.hpp"

namespace paraevm {
namespace {

void append_log(RlpEncoder& enc, const Log& log) {
  const size_t outer = enc.begin_list();
  enc.append_address(log.address);
  const size_t topics = enc.begin_list();
  for (const Hash& t : log.topics) enc.append_hash(t);
  enc.end_list(topics);
  enc.append_bytes(log.data);
  enc.end_list(outer);
}

}  // namespace

Bytes rlp_encode_log(const Log& log) {
  RlpEncoder enc(64 + 33 * log.topics.size() + log.data.size());
  append_log(enc, log);
  return enc.take();
}

Hash logs_hash(std::span<const Log> logs) {
  RlpEncoder enc;
  const size_t mark = enc.begin_list();
  for (const Log& log : logs) append_log(enc, log);
  enc.end_list(mark);
  return keccak256(enc.view());
}

}  // namespace paraevm
