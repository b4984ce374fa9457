// Generators, endomorphisms and subgroup checks of G1 and G2.
#include "precompiles/bls12_381/groups.hpp"

#include <array>

#include "precompiles/bls12_381/exponents.hpp"
#include "precompiles/bls12_381/msm.hpp"

namespace paraevm::bls12_381 {
namespace {

constexpr const Fp& kBeta = kG1Beta;

struct PsiConstants {
  Fp2 cx, cy;  // 1 / (1+u)^((p-1)/3), 1 / (1+u)^((p-1)/2)
};

/// Computed from their RFC 9380 definitions rather than transcribed.
const PsiConstants& psi_constants() {
  static const PsiConstants c = [] {
    const Fp2 xi{Fp::one(), Fp::one()};
    return PsiConstants{xi.pow(exponents::kPMinus1Div3).inverse(),
                        xi.pow(exponents::kPMinus1Div2).inverse()};
  }();
  return c;
}

}  // namespace

G1Affine g1_generator() {
  return {Fp::from_hex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
          Fp::from_hex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"),
          false};
}

G2Affine g2_generator() {
  return {{Fp::from_hex("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
           Fp::from_hex("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")},
          {Fp::from_hex("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
           Fp::from_hex("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")},
          false};
}

G2 psi(const G2& p) {
  // The Frobenius commutes with the Jacobian scaling, so it applies coordinate-wise.
  const PsiConstants& c = psi_constants();
  return {p.x.conjugate() * c.cx, p.y.conjugate() * c.cy, p.z.conjugate()};
}

bool g1_in_subgroup(const G1& p) {
  if (p.is_infinity()) return true;
  const G1 phi{p.x * kBeta, p.y, p.z};
  // [x^2] P = [|x|]([|x|] P): the two sign flips cancel.
  const G1 x2p = mul_u64(mul_u64(p, kXAbs), kXAbs);
  return add(phi, x2p).is_infinity();
}

bool g2_in_subgroup(const G2& p) {
  if (p.is_infinity()) return true;
  // psi(P) == [x] P == -[|x|] P
  return add(psi(p), mul_u64(p, kXAbs)).is_infinity();
}

bool g1_in_subgroup_by_order(const G1& p) { return mul_scalar(p, kGroupOrder).is_infinity(); }
bool g2_in_subgroup_by_order(const G2& p) { return mul_scalar(p, kGroupOrder).is_infinity(); }

G1 g1_mul_glv(const G1Affine& p, const Scalar& k) { return msm({&p, 1}, {&k, 1}); }

std::vector<G1Affine> batch_to_affine(std::span<const G1> points) {
  std::vector<G1Affine> out(points.size());
  std::vector<Fp> prefix(points.size());
  Fp acc = Fp::one();
  for (size_t i = 0; i < points.size(); ++i) {
    prefix[i] = acc;
    if (!points[i].is_infinity()) acc *= points[i].z;
  }
  Fp inv = acc.inverse();
  for (size_t i = points.size(); i-- > 0;) {
    if (points[i].is_infinity()) continue;  // out[i] stays the point at infinity
    const Fp zinv = inv * prefix[i];
    inv *= points[i].z;
    const Fp zinv2 = zinv.square();
    out[i] = {points[i].x * zinv2, points[i].y * zinv2 * zinv, false};
  }
  return out;
}

G1 g1_mul_generator(const Scalar& k) {
  // table[15 w + d - 1] = [d 16^w] G, d = 1..15, w = 0..63.
  static const std::vector<G1Affine> table = [] {
    std::vector<G1> jac;
    jac.reserve(64 * 15);
    G1 base = G1::from_affine(g1_generator());
    for (int w = 0; w < 64; ++w) {
      G1 multiple = base;
      for (int d = 1; d <= 15; ++d) {
        jac.push_back(multiple);
        multiple = add(multiple, base);
      }
      base = multiple;  // 16 * 16^w G
    }
    return batch_to_affine(jac);
  }();
  G1 acc = G1::infinity();
  for (size_t w = 0; w < 64; ++w) {
    const unsigned d = unsigned(k[w / 16] >> ((w % 16) * 4)) & 15;
    if (d != 0) acc = add_mixed(acc, table[15 * w + d - 1]);
  }
  return acc;
}

}  // namespace paraevm::bls12_381
