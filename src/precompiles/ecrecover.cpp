// 0x01 ECRECOVER: the address that signed a message hash (Frontier).
// Input (zero-padded to 128 bytes): hash | v | r | s, each 32 bytes big-endian. v must be 27 or
// 28 (as a full 32-byte word), r and s in [1, n-1]; the EIP-2 low-s rule does not apply here.
// An invalid signature is not an error: the call succeeds with empty output.
#include <algorithm>
#include <array>

#include "crypto/secp256k1.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

constexpr int64_t kEcrecoverGas = 3000;  // unchanged since Frontier (Yellow Paper G_ecrec)

/// The recovery id (0 or 1) encoded by the 32-byte word v, or -1 when v is not 27 or 28.
int recovery_id(const uint8_t* v) {
  if (!std::all_of(v, v + 31, [](uint8_t b) { return b == 0; })) return -1;
  return v[31] == 27 || v[31] == 28 ? v[31] - 27 : -1;
}

}  // namespace

PrecompileResult ecrecover(Revision, BytesView input, int64_t gas_limit) {
  PrecompileResult result = charge(kEcrecoverGas, gas_limit);
  if (!result.success) return result;
  std::array<uint8_t, 128> in{};
  std::copy_n(input.begin(), std::min(input.size(), in.size()), in.begin());

  const int id = recovery_id(in.data() + 32);
  if (id < 0) return result;
  const Hash message = Hash::from_view(BytesView(in.data(), 32));
  const U256 r = U256::from_be(BytesView(in.data() + 64, 32));
  const U256 s = U256::from_be(BytesView(in.data() + 96, 32));
  // paraevm::ecrecover rejects r or s outside [1, n-1].
  const std::optional<Address> signer = paraevm::ecrecover(message, r, s, static_cast<uint8_t>(id));
  if (!signer) return result;
  result.output.assign(32, 0);
  std::copy(signer->begin(), signer->end(), result.output.begin() + 12);
  return result;
}

}  // namespace paraevm::precompiles
