// libFuzzer target: EIP-4844 point-evaluation (0x0a) input decoding (length, versioned hash,
// field elements, compressed points). The versioned hash is recomputed for the fuzzed
// commitment so that the decoding behind the hash check is reached. Checked: a success costs
// 50000 gas and returns FIELD_ELEMENTS_PER_BLOB | BLS_MODULUS; compressed-point decoding agrees
// with the curve and subgroup checks; and the proof of a constant polynomial c (commitment
// [c]G, proof at infinity, y = c) verifies at any z, while y = c + 1 does not.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "crypto/hashes.hpp"
#include "fuzz_common.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/entry_points.hpp"

namespace {
using namespace paraevm;  // NOLINT: fuzz entry point
namespace bls = paraevm::bls12_381;
using fuzz::require;

constexpr int64_t kGas = 1'000'000;

PrecompileResult evaluate(BytesView in) {
  const auto call = [&](int64_t gas) { return precompiles::point_evaluation(Revision::Cancun, in, gas); };
  PrecompileResult r = call(kGas);
  fuzz::check_gas(call, kGas, r);
  if (!r.success) return r;
  require(kGas - r.gas_left == 50000 && r.output.size() == 64);
  // 4096 as a 32-byte word, then the BLS12-381 scalar field modulus r.
  static const uint8_t kModulus[32] = {0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8,
                                       0x08, 0x09, 0xa1, 0xd8, 0x05, 0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe,
                                       0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01};
  require(std::all_of(r.output.begin(), r.output.begin() + 30, [](uint8_t b) { return b == 0; }));
  require(r.output[30] == 0x10 && r.output[31] == 0 && std::equal(kModulus, kModulus + 32, r.output.begin() + 32));
  return r;
}

/// Sets in[0, 32) to the versioned hash of the commitment in[96, 144).
void set_versioned_hash(Bytes& in) {
  Hash h = sha256(BytesView(in).subspan(96, 48));
  h[0] = 0x01;
  std::copy(h.begin(), h.end(), in.begin());
}

/// ZCash compressed form of p (48 bytes).
void compress(const bls::G1& p, uint8_t* out) {
  uint8_t pos[128], neg[128];
  bls::encode_g1(p, pos);
  if (std::all_of(pos, pos + 128, [](uint8_t b) { return b == 0; })) {
    std::memset(out, 0, 48);
    out[0] = 0xc0;
    return;
  }
  bls::encode_g1(-p, neg);
  std::memcpy(out, pos + 16, 48);
  out[0] |= 0x80;
  if (std::lexicographical_compare(neg + 80, neg + 128, pos + 80, pos + 128)) out[0] |= 0x20;  // y > -y
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  evaluate(BytesView(data, size));
  if (size != 192) return 0;
  Bytes in(data, data + size);
  set_versioned_hash(in);
  evaluate(in);
  // Compressed-point decoding must agree with the curve and subgroup on what it accepts.
  bls::G1Affine p;
  if (bls::decompress_g1(data + 96, p) == bls::DecodeError::kOk)
    require(bls::on_curve(p, bls::kG1B) && bls::g1_in_subgroup_by_order(bls::G1::from_affine(p)));
  // A constant polynomial c (from input bytes 144..152) opened at z (input bytes 32..64 below r).
  uint64_t c = 0;
  std::memcpy(&c, data + 144, 8);
  Bytes k(192, 0);
  std::copy_n(data + 32, 32, k.begin() + 32);
  k[32] &= 0x3f;  // z < 2^254 < r
  for (int i = 0; i < 8; ++i) k[64 + 31 - i] = static_cast<uint8_t>(c >> (8 * i));  // y = c
  compress(bls::mul_scalar(bls::G1::from_affine(bls::g1_generator()), bls::Scalar{c, 0, 0, 0}), k.data() + 96);
  k[144] = 0xc0;  // proof: infinity
  set_versioned_hash(k);
  require(evaluate(k).success);
  // y = c + 1 (c < 2^64, so no carry past byte 55 matters: add with carry over the word).
  for (int i = 95; i >= 64 && ++k[i] == 0; --i) {
  }
  require(!evaluate(k).success);
  return 0;
}
