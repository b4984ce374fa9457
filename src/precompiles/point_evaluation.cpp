// EIP-4844 point evaluation (0x0a): verifies a KZG proof that the blob polynomial committed
// to by `commitment` evaluates to y at z.
#include <array>

#include "crypto/hashes.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/bls12_381/msm.hpp"
#include "precompiles/bls12_381/pairing.hpp"
#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace bls = bls12_381;

namespace {

constexpr int64_t kPointEvaluationGas = 50000;  // EIP-4844 POINT_EVALUATION_PRECOMPILE_GAS
constexpr uint8_t kVersionedHashVersionKzg = 0x01;
constexpr uint64_t kFieldElementsPerBlob = 4096;

/// [tau]G2 of the KZG ceremony: the second G2 point of the trusted setup (c-kzg-4844
/// src/trusted_setup.txt; execution-specs KZG_SETUP_G2_MONOMIAL_1), compressed.
constexpr std::string_view kTauG2Hex =
    "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72"
    "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2";

const bls::G2Affine& tau_g2() {
  static const bls::G2Affine tau = [] {
    std::array<uint8_t, 96> bytes{};
    for (size_t i = 0; i < 96; ++i) {
      auto nib = [](char c) { return uint8_t(c <= '9' ? c - '0' : c - 'a' + 10); };
      bytes[i] = uint8_t(nib(kTauG2Hex[2 * i]) << 4 | nib(kTauG2Hex[2 * i + 1]));
    }
    bls::G2Affine p;
    bls::decompress_g2(bytes.data(), p);  // a fixed valid point; the unit test checks it
    return p;
  }();
  return tau;
}

/// 32 big-endian bytes as a scalar below the BLS modulus r.
bool read_bls_field(const uint8_t* in, bls::Scalar& out) {
  out = bls::decode_scalar(in);
  for (int i = 3; i >= 0; --i)
    if (out[i] != bls::kGroupOrder[i]) return out[i] < bls::kGroupOrder[i];
  return false;  // equal to r
}

/// r - k for 0 < k < r, and 0 for k = 0: the scalar of -[k].
bls::Scalar negate_mod_r(const bls::Scalar& k) {
  if ((k[0] | k[1] | k[2] | k[3]) == 0) return k;
  bls::Scalar out{};
  unsigned __int128 borrow = 0;
  for (size_t i = 0; i < 4; ++i) {
    const unsigned __int128 d = (unsigned __int128)bls::kGroupOrder[i] - k[i] - borrow;
    out[i] = uint64_t(d);
    borrow = (d >> 64) & 1;
  }
  return out;
}

/// EIP-4844 verify_kzg_proof: e(C - [y]G1, -G2) e(proof, [tau]G2 - [z]G2) == 1. Since
/// e(proof, -[z]G2) = e([z]proof, -G2), this is e(C - [y]G1 + [z]proof, -G2) e(proof, [tau]G2)
/// == 1, which needs only G1 scalar multiplications and fixed G2 points.
bool verify_kzg_proof(const bls::G1Affine& commitment, const bls::Scalar& z, const bls::Scalar& y,
                      const bls::G1Affine& proof) {
  // Both G2 points are constants: their Miller-loop lines are computed once.
  static const bls::G2Prepared neg_g2 =
      bls::prepare_g2({bls::g2_generator().x, -bls::g2_generator().y, false});
  static const bls::G2Prepared tau = bls::prepare_g2(tau_g2());
  // C - [y]G1 + [z]proof: the generator through its fixed-base table, the proof (checked to be
  // in G1 by decompress_g1) by the GLV split.
  const bls::G1 lhs = bls::add(bls::add_mixed(bls::g1_mul_glv(proof, z), commitment),
                               bls::g1_mul_generator(negate_mod_r(y)));
  const bls::PreparedInput pairs[2] = {{bls::to_affine(lhs), &neg_g2}, {proof, &tau}};
  return bls::pairing_check_prepared(pairs);
}

void write_u256_be(const bls::Scalar& v, uint8_t* out) {
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 8; ++b) out[(3 - i) * 8 + b] = uint8_t(v[i] >> (56 - 8 * b));
}

}  // namespace

PrecompileResult point_evaluation(Revision, BytesView input, int64_t gas_limit) {
  if (input.size() != 192) return {};
  PrecompileResult r = charge(kPointEvaluationGas, gas_limit);
  if (!r.success) return r;
  const uint8_t* versioned_hash = input.data();
  const BytesView commitment_bytes = input.subspan(96, 48);
  Hash h = paraevm::sha256(commitment_bytes);
  h[0] = kVersionedHashVersionKzg;
  if (!std::equal(h.begin(), h.end(), versioned_hash)) return {};
  bls::Scalar z, y;
  if (!read_bls_field(input.data() + 32, z) || !read_bls_field(input.data() + 64, y)) return {};
  bls::G1Affine commitment, proof;
  if (bls::decompress_g1(commitment_bytes.data(), commitment) != bls::DecodeError::kOk ||
      bls::decompress_g1(input.data() + 144, proof) != bls::DecodeError::kOk)
    return {};
  if (!verify_kzg_proof(commitment, z, y, proof)) return {};
  r.output.assign(64, 0);
  write_u256_be({kFieldElementsPerBlob, 0, 0, 0}, r.output.data());
  write_u256_be(bls::kGroupOrder, r.output.data() + 32);
  return r;
}

}  // namespace paraevm::precompiles
