// libFuzzer target: EIP-4844 point-evaluation input decoding (length, versioned hash, field
// elements, compressed points). The versioned hash is recomputed for the fuzzed commitment so
// that the decoding behind the hash check is reached.
#include <cstdint>
#include <cstdlib>

#include "crypto/hashes.hpp"
#include "precompiles/bls12_381/codec.hpp"
#include "precompiles/entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paraevm;
  namespace bls = paraevm::bls12_381;
  precompiles::point_evaluation(Revision::Cancun, BytesView(data, size), 100'000);
  if (size != 192) return 0;
  Bytes in(data, data + size);
  Hash h = sha256(BytesView(in).subspan(96, 48));
  h[0] = 0x01;
  std::copy(h.begin(), h.end(), in.begin());
  const PrecompileResult r = precompiles::point_evaluation(Revision::Cancun, in, 100'000);
  if (r.success && r.output.size() != 64) std::abort();
  // Compressed-point decoding must agree with the curve and subgroup on what it accepts.
  bls::G1Affine p;
  if (bls::decompress_g1(data + 96, p) == bls::DecodeError::kOk &&
      !(bls::on_curve(p, bls::kG1B) && bls::g1_in_subgroup_by_order(bls::G1::from_affine(p))))
    std::abort();
  return 0;
}
