// EIP-2537 and compressed (ZCash) point encodings.
#include "precompiles/bls12_381/codec.hpp"

#include <cstring>

namespace paraevm::bls12_381 {
namespace {

/// 48 big-endian bytes to limbs; false when the value is not below p.
bool read_48(const uint8_t* in, Limbs& out) {
  for (int i = 0; i < 6; ++i) {
    uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w = w << 8 | in[(5 - i) * 8 + b];
    out[i] = w;
  }
  return !detail::geq(out, kP);
}

void write_48(const Limbs& v, uint8_t* out) {
  for (int i = 0; i < 6; ++i)
    for (int b = 0; b < 8; ++b) out[(5 - i) * 8 + b] = uint8_t(v[i] >> (56 - 8 * b));
}

bool all_zero(const uint8_t* in, size_t n) {
  uint8_t acc = 0;
  for (size_t i = 0; i < n; ++i) acc |= in[i];
  return acc == 0;
}

}  // namespace

std::string_view describe(DecodeError e) {
  switch (e) {
    case DecodeError::kOk: return "ok";
    case DecodeError::kBadFieldElement: return "field element not canonical (>= p or top bytes set)";
    case DecodeError::kNotOnCurve: return "point not on the curve";
    case DecodeError::kNotInSubgroup: return "point not in the prime-order subgroup";
    case DecodeError::kBadCompressedFlags: return "invalid compressed point flags";
  }
  return "unknown";
}

DecodeError decode_fp(const uint8_t* in, Fp& out) {
  Limbs l;
  if (!all_zero(in, 16) || !read_48(in + 16, l)) return DecodeError::kBadFieldElement;
  out = Fp::from_canonical(l);
  return DecodeError::kOk;
}

DecodeError decode_fp2(const uint8_t* in, Fp2& out) {
  if (decode_fp(in, out.c0) != DecodeError::kOk) return DecodeError::kBadFieldElement;
  return decode_fp(in + 64, out.c1);
}

DecodeError decode_g1(const uint8_t* in, G1Affine& out, bool subgroup_check) {
  if (all_zero(in, 128)) {
    out = {};
    return DecodeError::kOk;
  }
  out.infinity = false;
  if (decode_fp(in, out.x) != DecodeError::kOk || decode_fp(in + 64, out.y) != DecodeError::kOk)
    return DecodeError::kBadFieldElement;
  if (!on_curve(out, kG1B)) return DecodeError::kNotOnCurve;
  if (subgroup_check && !g1_in_subgroup(G1::from_affine(out))) return DecodeError::kNotInSubgroup;
  return DecodeError::kOk;
}

DecodeError decode_g2(const uint8_t* in, G2Affine& out, bool subgroup_check) {
  if (all_zero(in, 256)) {
    out = {};
    return DecodeError::kOk;
  }
  out.infinity = false;
  if (decode_fp2(in, out.x) != DecodeError::kOk || decode_fp2(in + 128, out.y) != DecodeError::kOk)
    return DecodeError::kBadFieldElement;
  if (!on_curve(out, kG2B)) return DecodeError::kNotOnCurve;
  if (subgroup_check && !g2_in_subgroup(G2::from_affine(out))) return DecodeError::kNotInSubgroup;
  return DecodeError::kOk;
}

Scalar decode_scalar(const uint8_t* in) {
  Scalar k{};
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 8; ++b) k[i] = k[i] << 8 | in[(3 - i) * 8 + b];
  return k;
}

void encode_fp(const Fp& a, uint8_t* out) {
  std::memset(out, 0, 16);
  write_48(a.canonical(), out + 16);
}

void encode_g1(const G1& p, uint8_t* out) {
  const G1Affine a = to_affine(p);
  if (a.infinity) {
    std::memset(out, 0, 128);
    return;
  }
  encode_fp(a.x, out);
  encode_fp(a.y, out + 64);
}

void encode_g2(const G2& p, uint8_t* out) {
  const G2Affine a = to_affine(p);
  if (a.infinity) {
    std::memset(out, 0, 256);
    return;
  }
  encode_fp(a.x.c0, out);
  encode_fp(a.x.c1, out + 64);
  encode_fp(a.y.c0, out + 128);
  encode_fp(a.y.c1, out + 192);
}

DecodeError decompress_g1(const uint8_t* in, G1Affine& out) {
  const bool compressed = in[0] & 0x80, infinity = in[0] & 0x40, sign = in[0] & 0x20;
  if (!compressed) return DecodeError::kBadCompressedFlags;
  uint8_t buf[48];
  std::memcpy(buf, in, 48);
  buf[0] &= 0x1f;
  if (infinity) {
    if (sign || !all_zero(buf, 48)) return DecodeError::kBadCompressedFlags;
    out = {};
    return DecodeError::kOk;
  }
  Limbs l;
  if (!read_48(buf, l)) return DecodeError::kBadFieldElement;
  const Fp x = Fp::from_canonical(l);
  Fp y;
  if (!(x.square() * x + kG1B).sqrt(y)) return DecodeError::kNotOnCurve;
  if (y.lexicographically_largest() != sign) y = -y;
  out = {x, y, false};
  if (!g1_in_subgroup(G1::from_affine(out))) return DecodeError::kNotInSubgroup;
  return DecodeError::kOk;
}

DecodeError decompress_g2(const uint8_t* in, G2Affine& out) {
  const bool compressed = in[0] & 0x80, infinity = in[0] & 0x40, sign = in[0] & 0x20;
  if (!compressed) return DecodeError::kBadCompressedFlags;
  uint8_t buf[96];
  std::memcpy(buf, in, 96);
  buf[0] &= 0x1f;
  if (infinity) {
    if (sign || !all_zero(buf, 96)) return DecodeError::kBadCompressedFlags;
    out = {};
    return DecodeError::kOk;
  }
  Limbs c1, c0;
  if (!read_48(buf, c1) || !read_48(buf + 48, c0)) return DecodeError::kBadFieldElement;
  const Fp2 x{Fp::from_canonical(c0), Fp::from_canonical(c1)};
  Fp2 y;
  if (!(x.square() * x + kG2B).sqrt(y)) return DecodeError::kNotOnCurve;
  if (y.lexicographically_largest() != sign) y = -y;
  out = {x, y, false};
  if (!g2_in_subgroup(G2::from_affine(out))) return DecodeError::kNotInSubgroup;
  return DecodeError::kOk;
}

}  // namespace paraevm::bls12_381
