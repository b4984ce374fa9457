// Fp6 multiplication and inversion.
#include "precompiles/bls12_381/fp6.hpp"

namespace paraevm::bls12_381 {

Fp6 operator*(const Fp6& a, const Fp6& b) {
  // Karatsuba over the three coefficients, reducing v^3 = xi.
  const Fp2 t0 = a.c0 * b.c0;
  const Fp2 t1 = a.c1 * b.c1;
  const Fp2 t2 = a.c2 * b.c2;
  const Fp2 r0 = ((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2).mul_by_xi() + t0;
  const Fp2 r1 = (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + t2.mul_by_xi();
  const Fp2 r2 = (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1;
  return {r0, r1, r2};
}

Fp6 Fp6::square() const {
  // Chung-Hasan SQR2.
  const Fp2 s0 = c0.square();
  const Fp2 s1 = (c0 * c1).dbl();
  const Fp2 s2 = (c0 - c1 + c2).square();
  const Fp2 s3 = (c1 * c2).dbl();
  const Fp2 s4 = c2.square();
  return {s0 + s3.mul_by_xi(), s1 + s4.mul_by_xi(), s1 + s2 + s3 - s0 - s4};
}

Fp6 Fp6::mul_by_01(const Fp2& b0, const Fp2& b1) const {
  const Fp2 t0 = c0 * b0;
  const Fp2 t1 = c1 * b1;
  const Fp2 r0 = (c2 * b1).mul_by_xi() + t0;
  const Fp2 r1 = (c0 + c1) * (b0 + b1) - t0 - t1;
  const Fp2 r2 = c2 * b0 + t1;
  return {r0, r1, r2};
}

Fp6 Fp6::inverse() const {
  const Fp2 t0 = c0.square() - (c1 * c2).mul_by_xi();
  const Fp2 t1 = c2.square().mul_by_xi() - c0 * c1;
  const Fp2 t2 = c1.square() - c0 * c2;
  const Fp2 norm = c0 * t0 + (c2 * t1 + c1 * t2).mul_by_xi();
  const Fp2 inv = norm.inverse();
  return {t0 * inv, t1 * inv, t2 * inv};
}

}  // namespace paraevm::bls12_381
