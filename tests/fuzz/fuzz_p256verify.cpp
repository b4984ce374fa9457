// libFuzzer target for the p256verify precompile (0x100): the length check and the EIP-7951
// range checks on r, s, qx, qy. A mutated signature must not verify where the original did.
#include <algorithm>
#include <array>

#include "fuzz_common.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point

// P-256 group order n and field prime p, big-endian.
constexpr std::array<uint8_t, 32> kN = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17,
                                        0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};
constexpr std::array<uint8_t, 32> kP = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
                                        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

bool below(const uint8_t* a, const std::array<uint8_t, 32>& bound) {
  return std::lexicographical_compare(a, a + 32, bound.begin(), bound.end());
}
bool is_zero(const uint8_t* a) {
  return std::all_of(a, a + 32, [](uint8_t b) { return b == 0; });
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Osaka);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x100, rev, input);
  // Always succeeds (gas 6900); the output is empty or the word 1.
  fuzz::require(r.success && fuzz::gas_used(r) == 6900);
  fuzz::require(r.output.empty() || (r.output.size() == 32 && r.output[31] == 1 &&
                                     std::all_of(r.output.begin(), r.output.end() - 1,
                                                 [](uint8_t b) { return b == 0; })));
  if (r.output.empty()) return 0;
  // A valid signature: exactly 160 bytes, r and s in [1, n-1], qx and qy below p, Q not (0, 0).
  const uint8_t* in = input.data();
  fuzz::require(input.size() == 160);
  fuzz::require(!is_zero(in + 32) && below(in + 32, kN) && !is_zero(in + 64) && below(in + 64, kN));
  fuzz::require(below(in + 96, kP) && below(in + 128, kP) && !(is_zero(in + 96) && is_zero(in + 128)));
  // Flipping one bit of the hash, r or s (picked by the revision byte) must break it.
  Bytes flipped(input.begin(), input.end());
  const size_t bit = (size_t{data[0]} * 7) % (96 * 8);
  flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
  fuzz::require(fuzz::call(0x100, rev, flipped).output.empty());
  // Appending a byte breaks the length rule.
  flipped.assign(input.begin(), input.end());
  flipped.push_back(0);
  fuzz::require(fuzz::call(0x100, rev, flipped).output.empty());
  return 0;
}
