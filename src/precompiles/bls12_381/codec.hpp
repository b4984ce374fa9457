// Byte encodings: EIP-2537 (64-byte big-endian field elements, uncompressed points, all
// zeros for infinity) and the compressed ZCash format of KZG commitments and proofs.
#pragma once

#include <cstdint>
#include <string_view>

#include "precompiles/bls12_381/groups.hpp"

namespace paraevm::bls12_381 {

enum class DecodeError {
  kOk,
  kBadFieldElement,  // top 16 bytes not zero, or value >= p
  kNotOnCurve,
  kNotInSubgroup,
  kBadCompressedFlags,  // compressed form: flag bits inconsistent
};

/// A short description of `e` for error messages.
std::string_view describe(DecodeError e);

/// 64 bytes: 16 zero bytes, then a big-endian integer below p.
DecodeError decode_fp(const uint8_t* in, Fp& out);
/// 128 bytes: c0 then c1.
DecodeError decode_fp2(const uint8_t* in, Fp2& out);
/// 128 / 256 bytes: x then y, all zeros meaning infinity; checks the curve equation and, when
/// `subgroup_check`, membership in G1 / G2.
DecodeError decode_g1(const uint8_t* in, G1Affine& out, bool subgroup_check);
DecodeError decode_g2(const uint8_t* in, G2Affine& out, bool subgroup_check);
/// 32 bytes big-endian, any value (not reduced modulo r).
Scalar decode_scalar(const uint8_t* in);

void encode_fp(const Fp& a, uint8_t* out);                 // 64 bytes
void encode_g1(const G1& p, uint8_t* out);                 // 128 bytes
void encode_g2(const G2& p, uint8_t* out);                 // 256 bytes

/// 48-byte compressed G1 point (flags in the top 3 bits: compressed, infinity, sign), with
/// the subgroup check, as KZG commitments and proofs are validated (EIP-4844 validate_kzg_g1).
DecodeError decompress_g1(const uint8_t* in, G1Affine& out);
/// 96-byte compressed G2 point (x.c1 first, then x.c0), with the subgroup check.
DecodeError decompress_g2(const uint8_t* in, G2Affine& out);

}  // namespace paraevm::bls12_381
