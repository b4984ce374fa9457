// 0x100 P256VERIFY: ECDSA signature verification over secp256r1 / NIST P-256 (EIP-7951, Osaka).
// Input, exactly 160 bytes: hash | r | s | qx | qy (32 bytes each, big-endian). Output: the
// 32-byte word 1 when the signature is valid, else empty. Invalid input is not an error: the
// gas is charged and the output is empty. Arithmetic through OpenSSL's EC_POINT API.
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <memory>

#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

constexpr int64_t kP256VerifyGas = 6900;  // EIP-7951 (final value, as in the execution specs)
constexpr size_t kInputSize = 160;

/// The curve, built once; OpenSSL groups are safe to share read-only between threads.
const EC_GROUP* p256() {
  static const EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  return group;
}

struct BnCtxDeleter {
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
struct PointDeleter {
  void operator()(EC_POINT* p) const { EC_POINT_free(p); }
};

/// A per-thread scratch context: BN_CTX is not thread-safe, and creating one per call is costly.
BN_CTX* scratch() {
  thread_local std::unique_ptr<BN_CTX, BnCtxDeleter> ctx(BN_CTX_new());
  return ctx.get();
}

/// The EIP-7951 checks and ECDSA verification: r, s in [1, n-1]; qx, qy in [0, p-1]; Q on
/// the curve and not the point at infinity; R = (h*s^-1)G + (r*s^-1)Q not infinity and
/// R.x mod n == r.
bool verify(const uint8_t* in) {
  const EC_GROUP* group = p256();
  BN_CTX* ctx = scratch();
  if (group == nullptr || ctx == nullptr) return false;
  BN_CTX_start(ctx);
  BIGNUM* h = BN_bin2bn(in, 32, BN_CTX_get(ctx));
  BIGNUM* r = BN_bin2bn(in + 32, 32, BN_CTX_get(ctx));
  BIGNUM* s = BN_bin2bn(in + 64, 32, BN_CTX_get(ctx));
  BIGNUM* qx = BN_bin2bn(in + 96, 32, BN_CTX_get(ctx));
  BIGNUM* qy = BN_bin2bn(in + 128, 32, BN_CTX_get(ctx));
  BIGNUM* w = BN_CTX_get(ctx);
  BIGNUM* x = BN_CTX_get(ctx);
  const BIGNUM* n = EC_GROUP_get0_order(group);
  const BIGNUM* p = EC_GROUP_get0_field(group);
  std::unique_ptr<EC_POINT, PointDeleter> q(EC_POINT_new(group)), rp(EC_POINT_new(group));
  bool ok = x != nullptr && q && rp && n != nullptr && p != nullptr;
  ok = ok && !BN_is_zero(r) && BN_cmp(r, n) < 0 && !BN_is_zero(s) && BN_cmp(s, n) < 0;
  ok = ok && BN_cmp(qx, p) < 0 && BN_cmp(qy, p) < 0 && !(BN_is_zero(qx) && BN_is_zero(qy));
  // set_affine_coordinates rejects points off the curve (OpenSSL >= 1.1.1).
  ok = ok && EC_POINT_set_affine_coordinates(group, q.get(), qx, qy, ctx) == 1;
  ok = ok && EC_POINT_is_on_curve(group, q.get(), ctx) == 1;
  ok = ok && BN_mod_inverse(w, s, n, ctx) != nullptr;
  ok = ok && BN_mod_mul(h, h, w, n, ctx) == 1 && BN_mod_mul(w, r, w, n, ctx) == 1;  // u1, u2
  ok = ok && EC_POINT_mul(group, rp.get(), h, q.get(), w, ctx) == 1;
  ok = ok && EC_POINT_is_at_infinity(group, rp.get()) == 0;
  ok = ok && EC_POINT_get_affine_coordinates(group, rp.get(), x, nullptr, ctx) == 1;
  ok = ok && BN_nnmod(x, x, n, ctx) == 1 && BN_cmp(x, r) == 0;
  BN_CTX_end(ctx);
  return ok;
}

}  // namespace

PrecompileResult p256verify(Revision, BytesView input, int64_t gas_limit) {
  PrecompileResult result = charge(kP256VerifyGas, gas_limit);
  if (!result.success || input.size() != kInputSize) return result;
  if (verify(input.data())) {
    result.output.assign(32, 0);
    result.output[31] = 1;
  }
  return result;
}

}  // namespace paraevm::precompiles
