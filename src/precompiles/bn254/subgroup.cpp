// G2 membership with the twisted Frobenius psi instead of a multiplication by r.
//
// psi = (untwist)^-1 o (p-power Frobenius) o untwist is an endomorphism of the twist E'(Fp2)
// with characteristic polynomial X^2 - tX + p, t = p + 1 - r = 6u^2 + 1 the trace. If
// psi(Q) = [t - 1]Q then 0 = psi^2(Q) - [t]psi(Q) + [p]Q = [(t-1)^2 - t(t-1) + p]Q = [r]Q, so Q
// is in G2. Conversely psi acts on G2 as [p] = [p - r] = [6u^2] (p - r = 6u^2 for BN curves).
// So Q is in G2 iff psi(Q) = [6u^2]Q (El Housni, Guillevic, Piellard, "Co-factor clearing and
// subgroup membership testing on pairing-friendly curves", Africacrypt 2022, section 5): a
// 127-bit multiplication instead of a 254-bit one.
#include "precompiles/bn254/curve.hpp"
#include "precompiles/bn254/pairing.hpp"

namespace paraevm::bn254 {
namespace {

constexpr uint128 kSixUSquared = uint128{kU} * kU * 6;
static_assert(kSixUSquared / 6 / kU == kU, "6u^2 fits in 128 bits");

}  // namespace

bool in_g2_subgroup(const Affine<Fp2>& q) {
  if (q.infinity) return true;
  const Limbs k{{static_cast<uint64_t>(kSixUSquared), static_cast<uint64_t>(kSixUSquared >> 64), 0, 0}};
  const G2 m = G2::from_affine(q).mul(k);
  if (m.is_infinity()) return false;  // psi(Q) is never infinity for a finite Q
  const Affine<Fp2> psi = twist_frobenius(q);
  // Compare with the Jacobian point without inverting: x = X/Z^2, y = Y/Z^3.
  const Fp2 z2 = m.z.square();
  return psi.x * z2 == m.x && psi.y * z2 * m.z == m.y;
}

}  // namespace paraevm::bn254
