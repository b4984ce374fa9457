// libFuzzer target for the ecrecover precompile (0x01): input padding and the v, r, s checks,
// plus a round trip: a signature made with a key taken from the input recovers its address.
#include <algorithm>
#include <array>

#include "crypto/secp256k1.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;  // NOLINT: fuzz entry point
  if (size == 0) return 0;
  const Revision rev = fuzz::pick_revision(data[0], Revision::Frontier);
  const BytesView input(data + 1, size - 1);
  const PrecompileResult r = fuzz::call(0x01, rev, input);
  // ECRECOVER never fails with enough gas and costs 3000; the output is empty or a
  // left-padded address, and an address only for v in {27, 28} and r, s in [1, n-1].
  fuzz::require(r.success && fuzz::gas_used(r) == 3000);
  fuzz::require(r.output.empty() || (r.output.size() == 32 && std::all_of(r.output.begin(),
                                                                          r.output.begin() + 12,
                                                                          [](uint8_t b) { return b == 0; })));
  std::array<uint8_t, 128> in{};
  std::copy_n(input.begin(), std::min<size_t>(input.size(), 128), in.begin());
  if (!r.output.empty()) {
    fuzz::require(std::all_of(in.begin() + 32, in.begin() + 63, [](uint8_t b) { return b == 0; }));
    fuzz::require(in[63] == 27 || in[63] == 28);
    const U256 sig_r = U256::from_be(BytesView(in.data() + 64, 32));
    const U256 sig_s = U256::from_be(BytesView(in.data() + 96, 32));
    fuzz::require(!sig_r.is_zero() && sig_r < kSecp256k1N && !sig_s.is_zero() && sig_s < kSecp256k1N);
  }
  // Round trip: hash = input[0, 32), private key = input[32, 64) (when it is a valid key).
  const Hash message = Hash::from_view(BytesView(in.data(), 32));
  const Bytes32 key = Bytes32::from_view(BytesView(in.data() + 32, 32));
  const std::optional<Signature> sig = sign(message, key);
  if (!sig) return 0;
  Bytes call(128, 0);
  std::copy_n(in.data(), 32, call.begin());
  call[63] = static_cast<uint8_t>(27 + sig->recovery_id);
  sig->r.to_be(call.data() + 64);
  sig->s.to_be(call.data() + 96);
  const PrecompileResult rec = fuzz::call(0x01, rev, call);
  const std::optional<Address> expected = address_from_private_key(key);
  fuzz::require(expected.has_value() && rec.output.size() == 32 &&
                std::equal(expected->begin(), expected->end(), rec.output.begin() + 12));
  return 0;
}
