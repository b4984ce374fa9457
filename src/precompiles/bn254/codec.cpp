#include "precompiles/bn254/codec.hpp"

#include <algorithm>

namespace paraevm::bn254 {
namespace {

void store_be(const Limbs& a, uint8_t* out) {
  for (int i = 0; i < 32; ++i) out[i] = static_cast<uint8_t>(a.w[3 - i / 8] >> (8 * (7 - i % 8)));
}

}  // namespace

Limbs load_be(const uint8_t* in) {
  Limbs a{};
  for (int i = 0; i < 32; ++i) a.w[3 - i / 8] = a.w[3 - i / 8] << 8 | in[i];
  return a;
}

std::optional<Fp> decode_fp(const uint8_t* in) {
  const Limbs a = load_be(in);
  if (!detail::less(a, kP)) return std::nullopt;
  return Fp::from_limbs(a);
}

std::optional<Affine<Fp>> decode_g1(const uint8_t* in) {
  const auto x = decode_fp(in), y = decode_fp(in + 32);
  if (!x || !y) return std::nullopt;
  if (x->is_zero() && y->is_zero()) return Affine<Fp>{};
  if (!on_curve(*x, *y, curve_b())) return std::nullopt;
  return Affine<Fp>{*x, *y, false};
}

std::optional<Affine<Fp2>> decode_g2(const uint8_t* in) {
  const auto x1 = decode_fp(in), x0 = decode_fp(in + 32);
  const auto y1 = decode_fp(in + 64), y0 = decode_fp(in + 96);
  if (!x0 || !x1 || !y0 || !y1) return std::nullopt;
  const Fp2 x{*x0, *x1}, y{*y0, *y1};
  if (x.is_zero() && y.is_zero()) return Affine<Fp2>{};
  if (!on_curve(x, y, constants().twist_b)) return std::nullopt;
  return Affine<Fp2>{x, y, false};
}

void encode_g1(const Affine<Fp>& p, uint8_t* out) {
  if (p.infinity) {
    std::fill(out, out + 64, 0);
    return;
  }
  store_be(p.x.to_limbs(), out);
  store_be(p.y.to_limbs(), out + 32);
}

}  // namespace paraevm::bn254
