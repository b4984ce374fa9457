// The base field Fp of BLS12-381: 381-bit prime, Montgomery form on 6 x 64-bit limbs.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <type_traits>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#endif

namespace paraevm::bls12_381 {

using Limbs = std::array<uint64_t, 6>;  // little-endian 64-bit words

/// Parses a hex string (optional 0x, at most 96 digits) into little-endian limbs.
constexpr Limbs limbs_from_hex(std::string_view hex) {
  if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
  Limbs out{};
  size_t bit = 0;
  for (size_t i = hex.size(); i-- > 0; bit += 4) {
    const char c = hex[i];
    const uint64_t d = c <= '9' ? uint64_t(c - '0') : c <= 'F' ? uint64_t(c - 'A' + 10) : uint64_t(c - 'a' + 10);
    out[bit / 64] |= d << (bit % 64);
  }
  return out;
}

/// The field modulus p (EIP-2537 "Base field modulus"; p = (x-1)^2 (x^4-x^2+1)/3 + x for
/// x = -0xd201000000010000).
inline constexpr Limbs kP = limbs_from_hex(
    "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab");

namespace detail {
using u128 = unsigned __int128;

/// -p^-1 mod 2^64 by Newton iteration (each step doubles the correct low bits).
constexpr uint64_t neg_inv64(uint64_t p0) {
  uint64_t inv = 1;
  for (int i = 0; i < 6; ++i) inv *= 2 - p0 * inv;
  return ~inv + 1;
}
inline constexpr uint64_t kPInv = neg_inv64(kP[0]);

constexpr bool geq(const Limbs& a, const Limbs& b) {
  for (int i = 5; i >= 0; --i)
    if (a[i] != b[i]) return a[i] > b[i];
  return true;
}
/// a - b, returns the borrow.
constexpr uint64_t sub_limbs(Limbs& out, const Limbs& a, const Limbs& b) {
  uint64_t borrow = 0;
  for (int i = 0; i < 6; ++i) {
    const u128 d = u128(a[i]) - b[i] - borrow;
    out[i] = uint64_t(d);
    borrow = uint64_t(d >> 64) & 1;
  }
  return borrow;
}
constexpr uint64_t add_limbs(Limbs& out, const Limbs& a, const Limbs& b) {
  uint64_t carry = 0;
  for (int i = 0; i < 6; ++i) {
    const u128 s = u128(a[i]) + b[i] + carry;
    out[i] = uint64_t(s);
    carry = uint64_t(s >> 64);
  }
  return carry;
}

/// a - p when a >= p, else a; branch-free (the comparison outcome is data-dependent, so a
/// branch would mispredict about half the time). Precondition: a < 2p.
constexpr Limbs reduce_once(const Limbs& a) {
  Limbs d{};
  const uint64_t borrow = sub_limbs(d, a, kP);
  const uint64_t keep_a = 0 - borrow;  // all ones when a < p
  Limbs r{};
  for (int i = 0; i < 6; ++i) r[i] = (a[i] & keep_a) | (d[i] & ~keep_a);
  return r;
}

/// Montgomery product a*b/R mod p (CIOS), portable C++. p's top word is below 2^63 - 1, so the running
/// value never needs a seventh word (the "no carry" variant) and inputs below p give outputs
/// below p.
constexpr Limbs mont_mul_portable(const Limbs& a, const Limbs& b) {
  Limbs t{};
  // Fully unrolled: GCC otherwise keeps the outer loop, costing about a third in speed.
#pragma GCC unroll 6
  for (int i = 0; i < 6; ++i) {
    u128 acc = u128(a[0]) * b[i] + t[0];
    t[0] = uint64_t(acc);
    uint64_t carry_a = uint64_t(acc >> 64);
    const uint64_t m = t[0] * kPInv;
    u128 red = u128(m) * kP[0] + t[0];
    uint64_t carry_r = uint64_t(red >> 64);
#pragma GCC unroll 5
    for (int j = 1; j < 6; ++j) {
      acc = u128(a[j]) * b[i] + t[j] + carry_a;
      carry_a = uint64_t(acc >> 64);
      red = u128(m) * kP[j] + uint64_t(acc) + carry_r;
      carry_r = uint64_t(red >> 64);
      t[j - 1] = uint64_t(red);
    }
    t[5] = carry_a + carry_r;
  }
  return reduce_once(t);
}

// The assembly needs the register allocation of an optimized build: at -O0 GCC reports its
// operands as impossible constraints, so unoptimized (Debug) builds take the portable code.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__OPTIMIZE__)
#define PARAEVM_BLS12_381_ADX 1
/// (t0..t5) - p when it is >= p, else (t0..t5), in registers (precondition: below 2p). The
/// portable reduce_once compiles to spills and flag rebuilds through the 128-bit arithmetic.
inline Limbs reduce_once_asm(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, uint64_t t4,
                             uint64_t t5) {
  uint64_t s0, s1, s2, s3, s4, s5;
  asm("movq %[t0], %[s0]\n\t"
      "subq %[p0], %[s0]\n\t"
      "movq %[t1], %[s1]\n\t"
      "sbbq %[p1], %[s1]\n\t"
      "movq %[t2], %[s2]\n\t"
      "sbbq %[p2], %[s2]\n\t"
      "movq %[t3], %[s3]\n\t"
      "sbbq %[p3], %[s3]\n\t"
      "movq %[t4], %[s4]\n\t"
      "sbbq %[p4], %[s4]\n\t"
      "movq %[t5], %[s5]\n\t"
      "sbbq %[p5], %[s5]\n\t"
      // no borrow: t >= p, take t - p
      "cmovncq %[s0], %[t0]\n\t"
      "cmovncq %[s1], %[t1]\n\t"
      "cmovncq %[s2], %[t2]\n\t"
      "cmovncq %[s3], %[t3]\n\t"
      "cmovncq %[s4], %[t4]\n\t"
      "cmovncq %[s5], %[t5]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5), [s0] "=&r"(s0), [s1] "=&r"(s1), [s2] "=&r"(s2), [s3] "=&r"(s3), [s4] "=&r"(s4),
        [s5] "=&r"(s5)
      : [p0] "m"(kP[0]), [p1] "m"(kP[1]), [p2] "m"(kP[2]), [p3] "m"(kP[3]), [p4] "m"(kP[4]),
        [p5] "m"(kP[5])
      : "cc");
  return {t0, t1, t2, t3, t4, t5};
}

/// a + b mod p for a, b < p (no carry out of 382 bits), then one conditional subtraction.
/// The limbs are early-clobber: t0 is written before b1 is read, so no b limb may share a
/// register with a t limb (GCC would otherwise allow it when it knows the values are equal).
inline Limbs add_mod_asm(const Limbs& a, const Limbs& b) {
  uint64_t t0 = a[0], t1 = a[1], t2 = a[2], t3 = a[3], t4 = a[4], t5 = a[5];
  asm("addq %[b0], %[t0]\n\t"
      "adcq %[b1], %[t1]\n\t"
      "adcq %[b2], %[t2]\n\t"
      "adcq %[b3], %[t3]\n\t"
      "adcq %[b4], %[t4]\n\t"
      "adcq %[b5], %[t5]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5)
      : [b0] "rm"(b[0]), [b1] "rm"(b[1]), [b2] "rm"(b[2]), [b3] "rm"(b[3]), [b4] "rm"(b[4]),
        [b5] "rm"(b[5])
      : "cc");
  return reduce_once_asm(t0, t1, t2, t3, t4, t5);
}

/// a - b mod p for a, b < p: the difference, plus p when it borrowed. b is read through one
/// pointer register: with twelve limb registers, memory operands that each need their own
/// address registers can leave the allocator without a solution in some inlining contexts.
inline Limbs sub_mod_asm(const Limbs& a, const Limbs& b) {
  uint64_t t0 = a[0], t1 = a[1], t2 = a[2], t3 = a[3], t4 = a[4], t5 = a[5];
  uint64_t m0, m1, m2, m3, m4, m5;
  asm("subq 0(%[b]), %[t0]\n\t"
      "sbbq 8(%[b]), %[t1]\n\t"
      "sbbq 16(%[b]), %[t2]\n\t"
      "sbbq 24(%[b]), %[t3]\n\t"
      "sbbq 32(%[b]), %[t4]\n\t"
      "sbbq 40(%[b]), %[t5]\n\t"
      "sbbq %[m0], %[m0]\n\t"  // all ones on borrow
      "movq %[m0], %[m1]\n\t"
      "movq %[m0], %[m2]\n\t"
      "movq %[m0], %[m3]\n\t"
      "movq %[m0], %[m4]\n\t"
      "movq %[m0], %[m5]\n\t"
      "andq %[p0], %[m0]\n\t"
      "andq %[p1], %[m1]\n\t"
      "andq %[p2], %[m2]\n\t"
      "andq %[p3], %[m3]\n\t"
      "andq %[p4], %[m4]\n\t"
      "andq %[p5], %[m5]\n\t"
      "addq %[m0], %[t0]\n\t"
      "adcq %[m1], %[t1]\n\t"
      "adcq %[m2], %[t2]\n\t"
      "adcq %[m3], %[t3]\n\t"
      "adcq %[m4], %[t4]\n\t"
      "adcq %[m5], %[t5]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5), [m0] "=&r"(m0), [m1] "=&r"(m1), [m2] "=&r"(m2), [m3] "=&r"(m3),
        [m4] "=&r"(m4), [m5] "=&r"(m5)
      : [b] "r"(b.data()), "m"(b), [p0] "m"(kP[0]), [p1] "m"(kP[1]), [p2] "m"(kP[2]),
        [p3] "m"(kP[3]), [p4] "m"(kP[4]), [p5] "m"(kP[5])
      : "cc");
  return {t0, t1, t2, t3, t4, t5};
}

/// The same CIOS product with MULX/ADCX/ADOX: two independent carry chains (CF for the low
/// halves, OF for the high halves) per row. The no-carry bound of p keeps every row within
/// seven words, so the chains never carry out of the seventh. The seven window registers
/// rotate names from row to row instead of shifting by moves (the result ends in t6, t0..t4).
inline Limbs mont_mul_adx(const Limbs& a, const Limbs& b) {
  uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6, lo, hi;
  asm("movq 0(%[b]), %%rdx\n\t"
      "xorl %k[t6], %k[t6]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "adcq $0, %[t6]\n\t"
      "movq %[t0], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "adcq $0, %[t6]\n\t"
      "movq 8(%[b]), %%rdx\n\t"
      "xorl %k[t0], %k[t0]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "adcq $0, %[t0]\n\t"
      "movq %[t1], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "adcq $0, %[t0]\n\t"
      "movq 16(%[b]), %%rdx\n\t"
      "xorl %k[t1], %k[t1]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "adcq $0, %[t1]\n\t"
      "movq %[t2], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "adcq $0, %[t1]\n\t"
      "movq 24(%[b]), %%rdx\n\t"
      "xorl %k[t2], %k[t2]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "adcq $0, %[t2]\n\t"
      "movq %[t3], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "adcq $0, %[t2]\n\t"
      "movq 32(%[b]), %%rdx\n\t"
      "xorl %k[t3], %k[t3]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "adcq $0, %[t3]\n\t"
      "movq %[t4], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "adcq $0, %[t3]\n\t"
      "movq 40(%[b]), %%rdx\n\t"
      "xorl %k[t4], %k[t4]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "adcq $0, %[t4]\n\t"
      "movq %[t5], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "adcq $0, %[t4]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5), [t6] "=&r"(t6), [lo] "=&r"(lo), [hi] "=&r"(hi)
      : [a] "r"(a.data()), [b] "r"(b.data()), [p] "r"(kP.data()), [inv] "m"(kPInv), "m"(a), "m"(b)
      : "rdx", "cc");
  return reduce_once_asm(t6, t0, t1, t2, t3, t4);
}

/// A double-width (768-bit) value: a product before Montgomery reduction.
using Wide = std::array<uint64_t, 12>;

/// The full 768-bit product a*b (inputs below 2^384), schoolbook with MULX/ADCX/ADOX rows.
/// `out` must not overlap a or b (its words are stored while they are still read).
inline void mul_wide_adx(Wide& out, const Limbs& a, const Limbs& b) {
  uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6, lo, hi;
  asm("movq 0(%[b]), %%rdx\n\t"
      "xorl %k[t6], %k[t6]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "adcq $0, %[t6]\n\t"
      "movq %[t0], 0(%[out])\n\t"
      "movq 8(%[b]), %%rdx\n\t"
      "xorl %k[t0], %k[t0]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "adcq $0, %[t0]\n\t"
      "movq %[t1], 8(%[out])\n\t"
      "movq 16(%[b]), %%rdx\n\t"
      "xorl %k[t1], %k[t1]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "adcq $0, %[t1]\n\t"
      "movq %[t2], 16(%[out])\n\t"
      "movq 24(%[b]), %%rdx\n\t"
      "xorl %k[t2], %k[t2]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "adcq $0, %[t2]\n\t"
      "movq %[t3], 24(%[out])\n\t"
      "movq 32(%[b]), %%rdx\n\t"
      "xorl %k[t3], %k[t3]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "adcq $0, %[t3]\n\t"
      "movq %[t4], 32(%[out])\n\t"
      "movq 40(%[b]), %%rdx\n\t"
      "xorl %k[t4], %k[t4]\n\t"
      "mulxq 0(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 8(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 16(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 24(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 32(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 40(%[a]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "adcq $0, %[t4]\n\t"
      "movq %[t5], 40(%[out])\n\t"
      "movq %[t6], 48(%[out])\n\t"
      "movq %[t0], 56(%[out])\n\t"
      "movq %[t1], 64(%[out])\n\t"
      "movq %[t2], 72(%[out])\n\t"
      "movq %[t3], 80(%[out])\n\t"
      "movq %[t4], 88(%[out])\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5), [t6] "=&r"(t6), [lo] "=&r"(lo), [hi] "=&r"(hi), "=m"(out)
      : [a] "r"(a.data()), [b] "r"(b.data()), [out] "r"(out.data()), "m"(a), "m"(b)
      : "rdx", "cc");
}

/// The full 768-bit square a^2: the 15 products a_i a_j (i < j) in rows, then one pass that
/// doubles them (CF chain) and adds the six a_i^2 (OF chain). 21 MULX instead of 36.
/// One pointer addresses both the input and the output, which leaves enough registers for the
/// ten accumulator words.
struct SquareIo {
  Limbs a;
  Wide out;
};
static_assert(sizeof(Limbs) == 48 && sizeof(SquareIo) == 144, "the assembly addresses out at io + 48");
inline void sqr_wide_adx(SquareIo& io) {
  uint64_t acc1 = 0, acc2 = 0, acc3 = 0, acc4 = 0, acc5 = 0, acc6 = 0, acc7 = 0, acc8 = 0,
           acc9 = 0, acc10 = 0, lo, hi;
  asm("xorl %k[lo], %k[lo]\n\t"
      "movq 0(%[io]), %%rdx\n\t"
      "mulxq 8(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc1]\n\t"
      "adoxq %[hi], %[acc2]\n\t"
      "mulxq 16(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc2]\n\t"
      "adoxq %[hi], %[acc3]\n\t"
      "mulxq 24(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc3]\n\t"
      "adoxq %[hi], %[acc4]\n\t"
      "mulxq 32(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc4]\n\t"
      "adoxq %[hi], %[acc5]\n\t"
      "mulxq 40(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc5]\n\t"
      "adoxq %[hi], %[acc6]\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[acc6]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "movq 8(%[io]), %%rdx\n\t"
      "mulxq 16(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc3]\n\t"
      "adoxq %[hi], %[acc4]\n\t"
      "mulxq 24(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc4]\n\t"
      "adoxq %[hi], %[acc5]\n\t"
      "mulxq 32(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc5]\n\t"
      "adoxq %[hi], %[acc6]\n\t"
      "mulxq 40(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc6]\n\t"
      "adoxq %[hi], %[acc7]\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[acc7]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "movq 16(%[io]), %%rdx\n\t"
      "mulxq 24(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc5]\n\t"
      "adoxq %[hi], %[acc6]\n\t"
      "mulxq 32(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc6]\n\t"
      "adoxq %[hi], %[acc7]\n\t"
      "mulxq 40(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc7]\n\t"
      "adoxq %[hi], %[acc8]\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[acc8]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "movq 24(%[io]), %%rdx\n\t"
      "mulxq 32(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc7]\n\t"
      "adoxq %[hi], %[acc8]\n\t"
      "mulxq 40(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc8]\n\t"
      "adoxq %[hi], %[acc9]\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[acc9]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "movq 32(%[io]), %%rdx\n\t"
      "mulxq 40(%[io]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[acc9]\n\t"
      "adoxq %[hi], %[acc10]\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[acc10]\n\t"
      "xorl %k[lo], %k[lo]\n\t"
      "movq 0(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "movq %[lo], 48(%[io])\n\t"
      "adcxq %[acc1], %[acc1]\n\t"
      "adoxq %[hi], %[acc1]\n\t"
      "movq %[acc1], 56(%[io])\n\t"
      "movq 8(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adcxq %[acc2], %[acc2]\n\t"
      "adoxq %[lo], %[acc2]\n\t"
      "movq %[acc2], 64(%[io])\n\t"
      "adcxq %[acc3], %[acc3]\n\t"
      "adoxq %[hi], %[acc3]\n\t"
      "movq %[acc3], 72(%[io])\n\t"
      "movq 16(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adcxq %[acc4], %[acc4]\n\t"
      "adoxq %[lo], %[acc4]\n\t"
      "movq %[acc4], 80(%[io])\n\t"
      "adcxq %[acc5], %[acc5]\n\t"
      "adoxq %[hi], %[acc5]\n\t"
      "movq %[acc5], 88(%[io])\n\t"
      "movq 24(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adcxq %[acc6], %[acc6]\n\t"
      "adoxq %[lo], %[acc6]\n\t"
      "movq %[acc6], 96(%[io])\n\t"
      "adcxq %[acc7], %[acc7]\n\t"
      "adoxq %[hi], %[acc7]\n\t"
      "movq %[acc7], 104(%[io])\n\t"
      "movq 32(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adcxq %[acc8], %[acc8]\n\t"
      "adoxq %[lo], %[acc8]\n\t"
      "movq %[acc8], 112(%[io])\n\t"
      "adcxq %[acc9], %[acc9]\n\t"
      "adoxq %[hi], %[acc9]\n\t"
      "movq %[acc9], 120(%[io])\n\t"
      "movq 40(%[io]), %%rdx\n\t"
      "mulxq %%rdx, %[lo], %[hi]\n\t"
      "adcxq %[acc10], %[acc10]\n\t"
      "adoxq %[lo], %[acc10]\n\t"
      "movq %[acc10], 128(%[io])\n\t"
      "movl $0, %k[lo]\n\t"
      "adcxq %[lo], %[hi]\n\t"
      "adoxq %[lo], %[hi]\n\t"
      "movq %[hi], 136(%[io])\n\t"
      : [acc1] "+&r"(acc1), [acc2] "+&r"(acc2), [acc3] "+&r"(acc3), [acc4] "+&r"(acc4),
        [acc5] "+&r"(acc5), [acc6] "+&r"(acc6), [acc7] "+&r"(acc7), [acc8] "+&r"(acc8),
        [acc9] "+&r"(acc9), [acc10] "+&r"(acc10), [lo] "=&r"(lo), [hi] "=&r"(hi), "+m"(io)
      : [io] "r"(&io)
      : "rdx", "cc");
}

/// Montgomery reduction T/R mod p for T < p R: the reduction half of each CIOS row over the
/// low six words, then the high six words added (the sum is (T + m p)/R < 2p), then one
/// conditional subtraction.
inline Limbs redc_adx(const Wide& T) {
  uint64_t t0 = T[0], t1 = T[1], t2 = T[2], t3 = T[3], t4 = T[4], t5 = T[5], t6, lo, hi;
  asm("movq %[t0], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t6], %k[t6]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "adcq $0, %[t6]\n\t"
      "movq %[t1], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t0], %k[t0]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "adcq $0, %[t0]\n\t"
      "movq %[t2], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t1], %k[t1]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "adcq $0, %[t1]\n\t"
      "movq %[t3], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t2], %k[t2]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "adcq $0, %[t2]\n\t"
      "movq %[t4], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t3], %k[t3]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "adcq $0, %[t3]\n\t"
      "movq %[t5], %%rdx\n\t"
      "imulq %[inv], %%rdx\n\t"
      "xorl %k[t4], %k[t4]\n\t"
      "mulxq 0(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "mulxq 8(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t6]\n\t"
      "adoxq %[hi], %[t0]\n\t"
      "mulxq 16(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 24(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 32(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 40(%[p]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "adcq $0, %[t4]\n\t"
      "addq 48(%[T]), %[t6]\n\t"
      "adcq 56(%[T]), %[t0]\n\t"
      "adcq 64(%[T]), %[t1]\n\t"
      "adcq 72(%[T]), %[t2]\n\t"
      "adcq 80(%[T]), %[t3]\n\t"
      "adcq 88(%[T]), %[t4]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5), [t6] "=&r"(t6), [lo] "=&r"(lo), [hi] "=&r"(hi)
      : [T] "r"(T.data()), [p] "r"(kP.data()), [inv] "m"(kPInv), "m"(T)
      : "rdx", "cc");
  return reduce_once_asm(t6, t0, t1, t2, t3, t4);
}

/// out = a - b over 768 bits (no modular correction; the caller knows a >= b).
inline void wide_sub_asm(Wide& out, const Wide& a, const Wide& b) {
  uint64_t t;
  asm volatile("movq 0(%[a]), %[t]\n\t"
      "subq 0(%[b]), %[t]\n\t"
      "movq %[t], 0(%[out])\n\t"
      "movq 8(%[a]), %[t]\n\t"
      "sbbq 8(%[b]), %[t]\n\t"
      "movq %[t], 8(%[out])\n\t"
      "movq 16(%[a]), %[t]\n\t"
      "sbbq 16(%[b]), %[t]\n\t"
      "movq %[t], 16(%[out])\n\t"
      "movq 24(%[a]), %[t]\n\t"
      "sbbq 24(%[b]), %[t]\n\t"
      "movq %[t], 24(%[out])\n\t"
      "movq 32(%[a]), %[t]\n\t"
      "sbbq 32(%[b]), %[t]\n\t"
      "movq %[t], 32(%[out])\n\t"
      "movq 40(%[a]), %[t]\n\t"
      "sbbq 40(%[b]), %[t]\n\t"
      "movq %[t], 40(%[out])\n\t"
      "movq 48(%[a]), %[t]\n\t"
      "sbbq 48(%[b]), %[t]\n\t"
      "movq %[t], 48(%[out])\n\t"
      "movq 56(%[a]), %[t]\n\t"
      "sbbq 56(%[b]), %[t]\n\t"
      "movq %[t], 56(%[out])\n\t"
      "movq 64(%[a]), %[t]\n\t"
      "sbbq 64(%[b]), %[t]\n\t"
      "movq %[t], 64(%[out])\n\t"
      "movq 72(%[a]), %[t]\n\t"
      "sbbq 72(%[b]), %[t]\n\t"
      "movq %[t], 72(%[out])\n\t"
      "movq 80(%[a]), %[t]\n\t"
      "sbbq 80(%[b]), %[t]\n\t"
      "movq %[t], 80(%[out])\n\t"
      "movq 88(%[a]), %[t]\n\t"
      "sbbq 88(%[b]), %[t]\n\t"
      "movq %[t], 88(%[out])\n\t"
      : [t] "=&r"(t)
      : [a] "r"(a.data()), [b] "r"(b.data()), [out] "r"(out.data())
      : "cc", "memory");
}

/// out = a - b + (a < b ? p R : 0): a - b modulo p R, nonnegative, for Montgomery reduction.
inline void wide_sub_mod_pr_asm(Wide& out, const Wide& a, const Wide& b) {
  uint64_t t, m0, m1, m2, m3, m4, m5;
  asm volatile("movq 0(%[a]), %[t]\n\t"
      "subq 0(%[b]), %[t]\n\t"
      "movq %[t], 0(%[out])\n\t"
      "movq 8(%[a]), %[t]\n\t"
      "sbbq 8(%[b]), %[t]\n\t"
      "movq %[t], 8(%[out])\n\t"
      "movq 16(%[a]), %[t]\n\t"
      "sbbq 16(%[b]), %[t]\n\t"
      "movq %[t], 16(%[out])\n\t"
      "movq 24(%[a]), %[t]\n\t"
      "sbbq 24(%[b]), %[t]\n\t"
      "movq %[t], 24(%[out])\n\t"
      "movq 32(%[a]), %[t]\n\t"
      "sbbq 32(%[b]), %[t]\n\t"
      "movq %[t], 32(%[out])\n\t"
      "movq 40(%[a]), %[t]\n\t"
      "sbbq 40(%[b]), %[t]\n\t"
      "movq %[t], 40(%[out])\n\t"
      "movq 48(%[a]), %[t]\n\t"
      "sbbq 48(%[b]), %[t]\n\t"
      "movq %[t], 48(%[out])\n\t"
      "movq 56(%[a]), %[t]\n\t"
      "sbbq 56(%[b]), %[t]\n\t"
      "movq %[t], 56(%[out])\n\t"
      "movq 64(%[a]), %[t]\n\t"
      "sbbq 64(%[b]), %[t]\n\t"
      "movq %[t], 64(%[out])\n\t"
      "movq 72(%[a]), %[t]\n\t"
      "sbbq 72(%[b]), %[t]\n\t"
      "movq %[t], 72(%[out])\n\t"
      "movq 80(%[a]), %[t]\n\t"
      "sbbq 80(%[b]), %[t]\n\t"
      "movq %[t], 80(%[out])\n\t"
      "movq 88(%[a]), %[t]\n\t"
      "sbbq 88(%[b]), %[t]\n\t"
      "movq %[t], 88(%[out])\n\t"
      "sbbq %[t], %[t]\n\t"
      "movq %[t], %[m0]\n\t"
      "andq 0(%[p]), %[m0]\n\t"
      "movq %[t], %[m1]\n\t"
      "andq 8(%[p]), %[m1]\n\t"
      "movq %[t], %[m2]\n\t"
      "andq 16(%[p]), %[m2]\n\t"
      "movq %[t], %[m3]\n\t"
      "andq 24(%[p]), %[m3]\n\t"
      "movq %[t], %[m4]\n\t"
      "andq 32(%[p]), %[m4]\n\t"
      "movq %[t], %[m5]\n\t"
      "andq 40(%[p]), %[m5]\n\t"
      "addq %[m0], 48(%[out])\n\t"
      "adcq %[m1], 56(%[out])\n\t"
      "adcq %[m2], 64(%[out])\n\t"
      "adcq %[m3], 72(%[out])\n\t"
      "adcq %[m4], 80(%[out])\n\t"
      "adcq %[m5], 88(%[out])\n\t"
      : [t] "=&r"(t), [m0] "=&r"(m0), [m1] "=&r"(m1), [m2] "=&r"(m2), [m3] "=&r"(m3),
        [m4] "=&r"(m4), [m5] "=&r"(m5)
      : [a] "r"(a.data()), [b] "r"(b.data()), [out] "r"(out.data()), [p] "r"(kP.data())
      : "cc", "memory");
}

/// a + b without reduction (inputs below p: the sum is below 2^382).
inline Limbs add_raw_asm(const Limbs& a, const Limbs& b) {
  uint64_t t0 = a[0], t1 = a[1], t2 = a[2], t3 = a[3], t4 = a[4], t5 = a[5];
  asm("addq %[b0], %[t0]\n\t"
      "adcq %[b1], %[t1]\n\t"
      "adcq %[b2], %[t2]\n\t"
      "adcq %[b3], %[t3]\n\t"
      "adcq %[b4], %[t4]\n\t"
      "adcq %[b5], %[t5]\n\t"
      : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4),
        [t5] "+&r"(t5)
      : [b0] "rm"(b[0]), [b1] "rm"(b[1]), [b2] "rm"(b[2]), [b3] "rm"(b[3]), [b4] "rm"(b[4]),
        [b5] "rm"(b[5])
      : "cc");
  return {t0, t1, t2, t3, t4, t5};
}

/// Whether the CPU has MULX (BMI2) and ADCX/ADOX (ADX). Read at run time only; before its
/// dynamic initialisation it is false, which selects the portable product (still correct).
inline const bool kHasAdx = [] {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  return ((ebx >> 8) & 1) != 0 && ((ebx >> 19) & 1) != 0;  // CPUID.7.0:EBX bit 8 BMI2, bit 19 ADX
}();
#endif

/// Montgomery product a*b/R mod p: the ADX assembly at run time when the CPU has it.
constexpr Limbs mont_mul(const Limbs& a, const Limbs& b) {
#ifdef PARAEVM_BLS12_381_ADX
  if (!std::is_constant_evaluated() && kHasAdx) return mont_mul_adx(a, b);
#endif
  return mont_mul_portable(a, b);
}

/// R^2 mod p with R = 2^384, by 768 modular doublings of 1.
constexpr Limbs compute_r2() {
  Limbs v{1, 0, 0, 0, 0, 0};
  for (int i = 0; i < 768; ++i) {
    add_limbs(v, v, v);  // v < p < 2^382: no overflow
    if (geq(v, kP)) sub_limbs(v, v, kP);
  }
  return v;
}
inline constexpr Limbs kR2 = compute_r2();
}  // namespace detail

/// An element of Fp in Montgomery form (always fully reduced, so limbs compare directly).
struct Fp {
  Limbs v{};

  static constexpr Fp zero() { return {}; }
  static constexpr Fp one() { return from_canonical({1, 0, 0, 0, 0, 0}); }
  /// From a canonical integer below p (precondition).
  static constexpr Fp from_canonical(const Limbs& a) { return {detail::mont_mul(a, detail::kR2)}; }
  static constexpr Fp from_hex(std::string_view hex) { return from_canonical(limbs_from_hex(hex)); }
  static constexpr Fp from_u64(uint64_t a) { return from_canonical({a, 0, 0, 0, 0, 0}); }
  /// The canonical integer (out of Montgomery form).
  constexpr Limbs canonical() const { return detail::mont_mul(v, {1, 0, 0, 0, 0, 0}); }

  constexpr bool is_zero() const { return (v[0] | v[1] | v[2] | v[3] | v[4] | v[5]) == 0; }
  friend constexpr bool operator==(const Fp&, const Fp&) = default;

  friend constexpr Fp operator+(const Fp& a, const Fp& b) {
#ifdef PARAEVM_BLS12_381_ADX
    if (!std::is_constant_evaluated()) return {detail::add_mod_asm(a.v, b.v)};
#endif
    Limbs sum{};
    detail::add_limbs(sum, a.v, b.v);  // < 2p < 2^382: no carry out
    return {detail::reduce_once(sum)};
  }
  friend constexpr Fp operator-(const Fp& a, const Fp& b) {
#ifdef PARAEVM_BLS12_381_ADX
    if (!std::is_constant_evaluated()) return {detail::sub_mod_asm(a.v, b.v)};
#endif
    Limbs d{};
    const uint64_t mask = 0 - detail::sub_limbs(d, a.v, b.v);  // all ones on borrow
    Limbs p_masked{};
    for (int i = 0; i < 6; ++i) p_masked[i] = kP[i] & mask;
    Fp r;
    detail::add_limbs(r.v, d, p_masked);
    return r;
  }
  constexpr Fp operator-() const { return Fp{} - *this; }
  friend constexpr Fp operator*(const Fp& a, const Fp& b) { return {detail::mont_mul(a.v, b.v)}; }
  Fp& operator+=(const Fp& b) { return *this = *this + b; }
  Fp& operator-=(const Fp& b) { return *this = *this - b; }
  Fp& operator*=(const Fp& b) { return *this = *this * b; }
  constexpr Fp square() const {
#ifdef PARAEVM_BLS12_381_ADX
    if (!std::is_constant_evaluated() && detail::kHasAdx) {
      detail::SquareIo io;
      io.a = v;
      detail::sqr_wide_adx(io);
      return {detail::redc_adx(io.out)};
    }
#endif
    return *this * *this;
  }
  constexpr Fp dbl() const { return *this + *this; }

  /// this^e for a little-endian exponent.
  Fp pow(const Limbs& e) const;
  /// Multiplicative inverse; zero maps to zero.
  Fp inverse() const;
  /// a^(p-2): the reference the fast inverse is tested against.
  Fp inverse_by_fermat() const;
  /// A square root when one exists.
  bool sqrt(Fp& out) const;
  /// Whether this is a square (zero included), by Euler's criterion.
  bool is_square() const;
  /// RFC 9380 sgn0 for m = 1: the parity of the canonical value.
  bool sgn0() const { return canonical()[0] & 1; }
  /// Lexicographic "largest" of {y, -y} (ZCash serialisation): canonical value > (p-1)/2.
  bool lexicographically_largest() const;
};

}  // namespace paraevm::bls12_381
