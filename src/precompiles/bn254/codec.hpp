// EIP-196/197 encodings: field elements as 32-byte big-endian integers < p; a G1 point as x | y;
// a G2 point as x_im | x_re | y_im | y_re (imaginary part first); infinity as all zeros.
#pragma once

#include <optional>

#include "precompiles/bn254/curve.hpp"

namespace paraevm::bn254 {

/// The integer at `in` (32 bytes, big-endian); nullopt when it is not below p.
std::optional<Fp> decode_fp(const uint8_t* in);

/// A G1 point from 64 bytes; nullopt when a coordinate is >= p or the point is not on the curve.
std::optional<Affine<Fp>> decode_g1(const uint8_t* in);

/// A point of the twist from 128 bytes; nullopt when a coordinate is >= p or the point is not on
/// the twist. Subgroup membership is the caller's check.
std::optional<Affine<Fp2>> decode_g2(const uint8_t* in);

/// Writes x | y (64 bytes; zeros for infinity).
void encode_g1(const Affine<Fp>& p, uint8_t* out);

/// 32 big-endian bytes as limbs (for scalars).
Limbs load_be(const uint8_t* in);

}  // namespace paraevm::bn254
