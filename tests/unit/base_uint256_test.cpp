// U256 against GMP as the oracle, on edge-heavy random inputs, plus the EVM's defined corner
// cases (division by zero, SDIV overflow, SIGNEXTEND/BYTE/shift out-of-range arguments) with
// expected values taken from the Yellow Paper / execution-specs definitions.
#include "base/uint256.hpp"

#include <gmp.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <ostream>
#include <random>
#include <string>

namespace paraevm {
// gtest prints U256 values in failure messages through this.
void PrintTo(const U256& v, std::ostream* os) { *os << v.to_hex(); }
}  // namespace paraevm

namespace paraevm {
namespace {

/// Random cases per operation; PARAEVM_U256_SCALE=N multiplies them for a deeper soak run.
int iterations() {
  static const int n = [] {
    const char* scale = std::getenv("PARAEVM_U256_SCALE");
    const int k = scale ? std::atoi(scale) : 1;
    return 40000 * (k > 0 ? k : 1);
  }();
  return n;
}
const int kIters = iterations();

/// RAII mpz_t.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  explicit Mpz(const U256& x) {
    mpz_init(v);
    mpz_import(v, 4, -1, 8, 0, 0, x.limb);
  }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  ~Mpz() { mpz_clear(v); }
  operator mpz_ptr() { return v; }  // NOLINT: lets Mpz be passed straight to mpz_* calls
};

/// The two's complement reading of x as a GMP integer.
void set_signed(mpz_t out, const U256& x) {
  mpz_import(out, 4, -1, 8, 0, 0, x.limb);
  if (is_negative(x)) {
    Mpz two256;
    mpz_setbit(two256, 256);
    mpz_sub(out, out, two256);
  }
}

/// z mod 2^256 (non-negative, so also the two's complement of a negative z).
U256 to_u256(const mpz_t z) {
  Mpz t;
  mpz_fdiv_r_2exp(t, z, 256);
  U256 r;
  mpz_export(r.limb, nullptr, -1, 8, 0, 0, t);
  return r;
}

/// Random values concentrated on the edges where multi-limb arithmetic breaks.
class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}

  uint64_t word() { return rng_(); }

  uint64_t edge_limb() {
    switch (rng_() % 6) {
      case 0: return 0;
      case 1: return ~uint64_t{0};
      case 2: return uint64_t{1} << 63;
      case 3: return 1;
      default: return rng_();
    }
  }

  U256 next() {
    switch (rng_() % 14) {
      case 0: return 0;
      case 1: return 1;
      case 2: return U256::max();
      case 3: return U256{1} << (rng_() % 256);
      case 4: return (U256{1} << (rng_() % 256)) - 1;
      case 5: return (U256{1} << (rng_() % 256)) + 1;
      case 6: return limbs(1 + rng_() % 4);
      case 7: return full() >> (rng_() % 256);
      case 8: return {edge_limb(), edge_limb(), edge_limb(), edge_limb()};
      case 9: return rng_() % 1000;
      case 10: return U256::max() - rng_() % 1000;
      case 11: return U256{1} << 255;
      case 12: return (U256{1} << 255) + (rng_() % 3) - 1;
      default: return full();
    }
  }

  /// A second operand that is often related to the first (equal, a neighbour, a prefix of its
  /// limbs), so that quotients of 0, 1 and near-limit values are common.
  U256 related(const U256& a) {
    switch (rng_() % 8) {
      case 0: return a;
      case 1: return a + 1;
      case 2: return a - 1;
      case 3: return a >> (rng_() % 256);
      case 4: return a >> (64 * (1 + rng_() % 3));
      default: return next();
    }
  }

  /// Like next(), with the sign bit set half of the time.
  U256 signed_next() {
    U256 x = next();
    if (rng_() & 1) x.limb[3] |= uint64_t{1} << 63;
    return x;
  }

  /// A shift or index argument: mostly in range, sometimes just past it, sometimes huge.
  U256 small_arg(uint64_t range) {
    switch (rng_() % 8) {
      case 0: return range + rng_() % 64;
      case 1: return {rng_(), 0, 0, 0};
      case 2: return {rng_() % 300, edge_limb(), edge_limb(), edge_limb()};
      default: return rng_() % (range + 1);
    }
  }

 private:
  U256 full() { return {rng_(), rng_(), rng_(), rng_()}; }
  U256 limbs(uint64_t n) {
    U256 r;
    for (uint64_t i = 0; i < n; ++i) r.limb[i] = rng_();
    if (r.limb[n - 1] == 0) r.limb[n - 1] = 1;
    return r;
  }
  std::mt19937_64 rng_;
};

std::string ctx(const U256& a, const U256& b) { return a.to_hex() + ", " + b.to_hex(); }

// ---- arithmetic against GMP ----

TEST(U256Gmp, AddSubMul) {
  Gen g(1);
  Mpz r;
  for (int i = 0; i < kIters; ++i) {
    const U256 a = g.next(), b = g.related(a);
    Mpz ma(a), mb(b);
    mpz_add(r, ma, mb);
    ASSERT_EQ(a + b, to_u256(r)) << ctx(a, b);
    bool carry;
    ASSERT_EQ(add_with_carry(a, b, carry), to_u256(r));
    ASSERT_EQ(carry, mpz_sizeinbase(r, 2) > 256) << ctx(a, b);
    mpz_sub(r, ma, mb);
    ASSERT_EQ(a - b, to_u256(r)) << ctx(a, b);
    bool borrow;
    ASSERT_EQ(sub_with_borrow(a, b, borrow), to_u256(r));
    ASSERT_EQ(borrow, mpz_sgn(r.v) < 0) << ctx(a, b);
    mpz_mul(r, ma, mb);
    ASSERT_EQ(a * b, to_u256(r)) << ctx(a, b);
    U256 c = a;
    c *= b;
    ASSERT_EQ(c, to_u256(r));
    mpz_neg(r, ma);
    ASSERT_EQ(-a, to_u256(r)) << a.to_hex();
  }
}

TEST(U256Gmp, DivMod) {
  Gen g(2);
  Mpz q, r;
  for (int i = 0; i < 4 * kIters; ++i) {
    const U256 a = g.next(), b = g.related(a);
    if (b.is_zero()) continue;
    Mpz ma(a), mb(b);
    mpz_fdiv_qr(q, r, ma, mb);
    const DivResult d = divmod(a, b);
    ASSERT_EQ(d.quot, to_u256(q)) << ctx(a, b);
    ASSERT_EQ(d.rem, to_u256(r)) << ctx(a, b);
    ASSERT_EQ(a / b, d.quot);
    ASSERT_EQ(a % b, d.rem);
  }
}

// Dividend and divisor whose limbs line up so that the rare branches of Knuth's algorithm D run:
// the partial remainder's top two limbs equal the divisor's (estimate clamped to 2^64 - 1), and
// the 3-by-2 estimate is one too large (add-back step).
TEST(U256Gmp, DivKnuthRareBranches) {
  Gen g(3);
  Mpz q, r;
  for (int i = 0; i < kIters; ++i) {
    const uint64_t dh = g.word() | (uint64_t{1} << 63), dl = g.word(), d0 = g.word() | 1;
    const U256 d{d0, dl, dh, 0};
    // Clamped estimate: a = <dh, dl, r0, a0> with r0 < d0.
    const U256 a1{g.word(), g.word() % d0, dl, dh};
    // Add-back: the top three limbs are exactly qe * <dh, dl> and the rest is zero, so the
    // estimate qe overshoots by one as soon as d0 > 0.
    const uint64_t qe = g.word() | 1;
    const U256 top = U256{dl, dh, 0, 0} * U256{qe};
    const U256 a2{0, top.limb[0], top.limb[1], top.limb[2]};
    for (const U256& a : {a1, a2}) {
      Mpz ma(a), md(d);
      mpz_fdiv_qr(q, r, ma, md);
      const DivResult res = divmod(a, d);
      ASSERT_EQ(res.quot, to_u256(q)) << ctx(a, d);
      ASSERT_EQ(res.rem, to_u256(r)) << ctx(a, d);
    }
  }
}

TEST(U256Gmp, SignedDivMod) {
  Gen g(4);
  Mpz q, r;
  for (int i = 0; i < 2 * kIters; ++i) {
    const U256 a = g.signed_next(), b = g.signed_next();
    if (b.is_zero()) continue;
    Mpz ma, mb;
    set_signed(ma, a);
    set_signed(mb, b);
    // EVM SDIV/SMOD truncate toward zero; the remainder takes the dividend's sign.
    mpz_tdiv_qr(q, r, ma, mb);
    ASSERT_EQ(sdiv(a, b), to_u256(q)) << ctx(a, b);
    ASSERT_EQ(smod(a, b), to_u256(r)) << ctx(a, b);
  }
}

TEST(U256Gmp, AddModMulMod) {
  Gen g(5);
  Mpz r;
  for (int i = 0; i < 2 * kIters; ++i) {
    const U256 a = g.next(), b = g.related(a);
    const U256 m = (i % 3 == 0) ? g.related(a) : g.next();
    if (m.is_zero()) continue;
    Mpz ma(a), mb(b), mm(m);
    mpz_add(r, ma, mb);
    mpz_fdiv_r(r, r, mm);
    ASSERT_EQ(addmod(a, b, m), to_u256(r)) << ctx(a, b) << " mod " << m.to_hex();
    mpz_mul(r, ma, mb);
    mpz_fdiv_r(r, r, mm);
    ASSERT_EQ(mulmod(a, b, m), to_u256(r)) << ctx(a, b) << " mod " << m.to_hex();
  }
}

// mulmod's 512-bit dividend with a modulus close to its top half, which drives the 8-limb
// division through its clamped-estimate branch.
TEST(U256Gmp, MulModLargeProducts) {
  Gen g(6);
  Mpz r;
  for (int i = 0; i < kIters; ++i) {
    const U256 a = g.next() | (U256{3} << 254), b = g.next() | (U256{3} << 254);
    Mpz ma(a), mb(b), p;
    mpz_mul(p, ma, mb);
    Mpz top;
    mpz_fdiv_q_2exp(top, p, 256);
    U256 m = to_u256(top);
    switch (i % 4) {
      case 0: m.limb[0] = m.limb[1] = ~uint64_t{0}; break;
      case 1: m = m + 1; break;
      case 2: m = m >> (g.word() % 200); break;
      default: m.limb[0] = g.word(); break;
    }
    if (m.is_zero()) continue;
    Mpz mm(m);
    mpz_fdiv_r(r, p, mm);
    ASSERT_EQ(mulmod(a, b, m), to_u256(r)) << ctx(a, b) << " mod " << m.to_hex();
  }
}

TEST(U256Gmp, Exp) {
  Gen g(7);
  Mpz two256, r;
  mpz_setbit(two256, 256);
  for (int i = 0; i < kIters; ++i) {
    const U256 base = (i % 4 == 0) ? U256{g.word() % 8} : g.next();
    const U256 e = (i % 3 == 0) ? U256{g.word() % 600} : g.next();
    Mpz mb(base), me(e);
    mpz_powm(r, mb, me, two256);
    ASSERT_EQ(exp(base, e), to_u256(r)) << ctx(base, e);
  }
}

TEST(U256Gmp, BitwiseAndCompare) {
  Gen g(8);
  Mpz r;
  for (int i = 0; i < kIters; ++i) {
    const U256 a = g.next(), b = g.related(a);
    Mpz ma(a), mb(b);
    mpz_and(r, ma, mb);
    ASSERT_EQ(a & b, to_u256(r));
    mpz_ior(r, ma, mb);
    ASSERT_EQ(a | b, to_u256(r));
    mpz_xor(r, ma, mb);
    ASSERT_EQ(a ^ b, to_u256(r));
    mpz_com(r, ma);
    ASSERT_EQ(~a, to_u256(r));
    const int c = mpz_cmp(ma, mb);
    ASSERT_EQ(a < b, c < 0) << ctx(a, b);
    ASSERT_EQ(a == b, c == 0) << ctx(a, b);
    ASSERT_EQ(a > b, c > 0) << ctx(a, b);
    ASSERT_EQ(a <= b, c <= 0) << ctx(a, b);
    ASSERT_EQ(a >= b, c >= 0) << ctx(a, b);
    ASSERT_EQ((a <=> b) < 0, c < 0) << ctx(a, b);  // the member <=> agrees with operator<
    ASSERT_EQ((a <=> b) == 0, c == 0) << ctx(a, b);
    Mpz sa, sb;
    set_signed(sa, a);
    set_signed(sb, b);
    ASSERT_EQ(slt(a, b), mpz_cmp(sa, sb) < 0) << ctx(a, b);
    ASSERT_EQ(sgt(a, b), mpz_cmp(sa, sb) > 0) << ctx(a, b);
    const unsigned bits = a.is_zero() ? 0 : static_cast<unsigned>(mpz_sizeinbase(ma, 2));
    ASSERT_EQ(a.bit_width(), bits) << a.to_hex();
    ASSERT_EQ(a.byte_width(), (bits + 7) / 8);
    ASSERT_EQ(a.count_leading_zeros(), 256 - bits);
    ASSERT_EQ(a.fits_u64(), bits <= 64);
    ASSERT_EQ(static_cast<bool>(a), bits != 0);
  }
}

TEST(U256Gmp, Shifts) {
  Gen g(9);
  Mpz r;
  for (int i = 0; i < 2 * kIters; ++i) {
    const U256 x = g.signed_next(), s = g.small_arg(256);
    const unsigned long n = s.fits_u64() && s.limb[0] < 1000 ? s.limb[0] : 1000;
    Mpz mx(x), sx;
    set_signed(sx, x);
    mpz_mul_2exp(r, mx, n);
    ASSERT_EQ(shl(s, x), to_u256(r)) << ctx(s, x);
    mpz_fdiv_q_2exp(r, mx, n);
    ASSERT_EQ(shr(s, x), to_u256(r)) << ctx(s, x);
    mpz_fdiv_q_2exp(r, sx, n);  // floor division: the arithmetic shift of a signed value
    ASSERT_EQ(sar(s, x), to_u256(r)) << ctx(s, x);
    if (s.fits_u64()) {
      ASSERT_EQ(x << s.limb[0], shl(s, x));
      ASSERT_EQ(x >> s.limb[0], shr(s, x));
    }
  }
}

TEST(U256Gmp, SignExtendAndByte) {
  Gen g(10);
  Mpz r, two;
  for (int i = 0; i < 2 * kIters; ++i) {
    const U256 x = g.signed_next(), k = g.small_arg(32);
    Mpz mx(x);
    // SIGNEXTEND: the low 8(k+1) bits read as a signed number; k >= 31 leaves x unchanged.
    if (k.fits_u64() && k.limb[0] < 31) {
      const unsigned long bits = 8 * (k.limb[0] + 1);
      mpz_fdiv_r_2exp(r, mx, bits);
      if (mpz_tstbit(r, bits - 1)) {
        mpz_set_ui(two, 0);
        mpz_setbit(two, bits);
        mpz_sub(r, r, two);
      }
      ASSERT_EQ(signextend(k, x), to_u256(r)) << ctx(k, x);
    } else {
      ASSERT_EQ(signextend(k, x), x) << ctx(k, x);
    }
    // BYTE: index 0 is the most significant byte; index >= 32 gives zero.
    if (k.fits_u64() && k.limb[0] < 32) {
      mpz_fdiv_q_2exp(r, mx, 8 * (31 - k.limb[0]));
      mpz_fdiv_r_2exp(r, r, 8);
      ASSERT_EQ(byte_at(k, x), to_u256(r)) << ctx(k, x);
    } else {
      ASSERT_EQ(byte_at(k, x), U256{}) << ctx(k, x);
    }
  }
}

// ---- EVM corner cases, expected values from the specification ----

const U256 kMinSigned = U256{1} << 255;  // -2^255
const U256 kMinusOne = U256::max();

TEST(U256Evm, DivisionByZeroIsZero) {
  for (const U256& x : {U256{0}, U256{1}, U256::max(), kMinSigned}) {
    EXPECT_EQ(x / U256{}, U256{});
    EXPECT_EQ(x % U256{}, U256{});
    EXPECT_EQ(sdiv(x, 0), U256{});
    EXPECT_EQ(smod(x, 0), U256{});
    EXPECT_EQ(addmod(x, 5, 0), U256{});
    EXPECT_EQ(mulmod(x, 5, 0), U256{});
    const DivResult d = divmod(x, 0);
    EXPECT_EQ(d.quot, U256{});
    EXPECT_EQ(d.rem, U256{});
  }
}

TEST(U256Evm, SignedDivision) {
  EXPECT_EQ(sdiv(kMinSigned, kMinusOne), kMinSigned);  // overflow wraps to -2^255
  EXPECT_EQ(smod(kMinSigned, kMinusOne), U256{});
  EXPECT_EQ(sdiv(-U256{8}, 3), -U256{2});
  EXPECT_EQ(sdiv(U256{8}, -U256{3}), -U256{2});
  EXPECT_EQ(sdiv(-U256{8}, -U256{3}), U256{2});
  EXPECT_EQ(smod(-U256{8}, 3), -U256{2});
  EXPECT_EQ(smod(U256{8}, -U256{3}), U256{2});
  EXPECT_EQ(smod(-U256{8}, -U256{3}), -U256{2});
}

TEST(U256Evm, ModularArithmetic) {
  // (2^256 - 1) + (2^256 - 1) needs the carry out of 256 bits: 2^257 = 2^(3*85+2) = 4 (mod 7),
  // so (2^257 - 2) mod 7 = 2.
  EXPECT_EQ(addmod(U256::max(), U256::max(), 7), U256{2});
  EXPECT_EQ(addmod(U256::max(), U256::max(), U256::max() - 1), U256{2});
  EXPECT_EQ(addmod(U256::max(), 2, U256::max()), U256{2});
  EXPECT_EQ(mulmod(U256::max(), U256::max(), 12), U256{9});  // (2^256-1)^2, 2^256 = 4 mod 12
  EXPECT_EQ(mulmod(U256::max(), U256::max(), U256::max()), U256{0});
  EXPECT_EQ(addmod(3, 4, 1), U256{0});
}

TEST(U256Evm, Exp) {
  EXPECT_EQ(exp(0, 0), U256{1});
  EXPECT_EQ(exp(U256::max(), 0), U256{1});
  EXPECT_EQ(exp(0, 5), U256{0});
  EXPECT_EQ(exp(2, 255), kMinSigned);
  EXPECT_EQ(exp(2, 256), U256{0});
  EXPECT_EQ(exp(3, 4), U256{81});
  EXPECT_EQ(exp(kMinusOne, U256::max()), kMinusOne);  // (-1)^odd
  EXPECT_EQ(exp(kMinusOne, U256::max() - 1), U256{1});
  EXPECT_EQ(exp(10, 18), U256{1'000'000'000'000'000'000ULL});
}

TEST(U256Evm, SignExtend) {
  EXPECT_EQ(signextend(0, 0xff), U256::max());
  EXPECT_EQ(signextend(0, 0x7f), U256{0x7f});
  EXPECT_EQ(signextend(0, 0x17f), U256{0x7f});
  EXPECT_EQ(signextend(1, 0x8000), U256::max() - 0x7fff);
  EXPECT_EQ(signextend(30, U256{1} << 247), U256::max() << 247);
  EXPECT_EQ(signextend(31, 0xff), U256{0xff});
  EXPECT_EQ(signextend(7, U256{0x80ULL << 56}), U256::max() << 63);
  EXPECT_EQ(signextend(8, U256{0, 0x80, 0, 0}), U256::max() << 71);
  EXPECT_EQ(signextend(U256{0, 1, 0, 0}, 0xff), U256{0xff});
  EXPECT_EQ(signextend(U256::max(), 0xff), U256{0xff});
}

TEST(U256Evm, Byte) {
  const U256 x = U256::from_string("0x0102030405060708091011121314151617181920212223242526272829303132")
                     .value();
  EXPECT_EQ(byte_at(0, x), U256{0x01});
  EXPECT_EQ(byte_at(7, x), U256{0x08});
  EXPECT_EQ(byte_at(8, x), U256{0x09});
  EXPECT_EQ(byte_at(31, x), U256{0x32});
  EXPECT_EQ(byte_at(32, x), U256{});
  EXPECT_EQ(byte_at(U256{0, 1, 0, 0}, x), U256{});
  EXPECT_EQ(byte_at(U256::max(), x), U256{});
}

TEST(U256Evm, Shifts) {
  EXPECT_EQ(shl(255, 1), kMinSigned);
  EXPECT_EQ(shl(256, 1), U256{});
  EXPECT_EQ(shl(U256{0, 1, 0, 0}, 1), U256{});
  EXPECT_EQ(shr(255, kMinSigned), U256{1});
  EXPECT_EQ(shr(256, U256::max()), U256{});
  EXPECT_EQ(shr(U256::max(), U256::max()), U256{});
  EXPECT_EQ(sar(1, kMinSigned), U256{3} << 254);
  EXPECT_EQ(sar(255, kMinSigned), U256::max());
  EXPECT_EQ(sar(256, kMinSigned), U256::max());
  EXPECT_EQ(sar(U256{0, 0, 0, 1}, kMinSigned), U256::max());
  EXPECT_EQ(sar(256, U256::max() >> 1), U256{});
  EXPECT_EQ(sar(1, -U256{3}), -U256{2});  // floor(-3 / 2)
  EXPECT_EQ(sar(0, -U256{3}), -U256{3});
  EXPECT_EQ(U256{1} << 64, (U256{0, 1, 0, 0}));
  EXPECT_EQ((U256{0, 1, 0, 0} >> 64), U256{1});
}

TEST(U256Evm, SignedCompare) {
  EXPECT_TRUE(slt(kMinusOne, 0));
  EXPECT_FALSE(slt(0, kMinusOne));
  EXPECT_TRUE(slt(kMinSigned, kMinSigned - 1));  // -2^255 < 2^255 - 1
  EXPECT_TRUE(sgt(1, kMinusOne));
  EXPECT_FALSE(slt(5, 5));
  EXPECT_FALSE(sgt(5, 5));
  EXPECT_TRUE(is_negative(kMinSigned));
  EXPECT_FALSE(is_negative(kMinSigned - 1));
}

TEST(U256Evm, CarryAndBorrow) {
  bool flag = false;
  EXPECT_EQ(add_with_carry(U256::max(), 1, flag), U256{});
  EXPECT_TRUE(flag);
  EXPECT_EQ(add_with_carry(U256::max() - 1, 1, flag), U256::max());
  EXPECT_FALSE(flag);
  EXPECT_EQ(sub_with_borrow(0, 1, flag), U256::max());
  EXPECT_TRUE(flag);
  EXPECT_EQ(sub_with_borrow(1, 1, flag), U256{});
  EXPECT_FALSE(flag);
}

// ---- conversions ----

TEST(U256Convert, StringsAgainstGmp) {
  Gen g(11);
  for (int i = 0; i < kIters; ++i) {
    const U256 a = g.next();
    Mpz ma(a);
    char* dec = mpz_get_str(nullptr, 10, ma);
    char* hex = mpz_get_str(nullptr, 16, ma);
    const std::string want_dec = dec, want_hex = std::string("0x") + hex;
    free(dec);
    free(hex);
    ASSERT_EQ(a.to_dec(), want_dec);
    ASSERT_EQ(a.to_hex(), want_hex);
    ASSERT_EQ(U256::from_string(want_dec), a) << want_dec;
    ASSERT_EQ(U256::from_string(want_hex), a) << want_hex;
    std::string upper = want_hex;
    for (size_t j = 2; j < upper.size(); ++j) upper[j] = static_cast<char>(std::toupper(upper[j]));
    ASSERT_EQ(U256::from_string(upper), a) << upper;
    ASSERT_EQ(U256::from_string("0x000" + want_hex.substr(2)), a);
  }
}

TEST(U256Convert, ParseEdges) {
  EXPECT_EQ(U256::from_string("0"), U256{});
  EXPECT_EQ(U256::from_string("0x"), U256{});
  EXPECT_EQ(U256::from_string("0x0"), U256{});
  EXPECT_EQ(U256::from_string("0X1f"), U256{31});
  EXPECT_EQ(U256::from_string("007"), U256{7});
  EXPECT_EQ(U256::from_string("0x" + std::string(64, 'f')), U256::max());
  EXPECT_EQ(U256::from_string("0x" + std::string(70, '0') + "1"), U256{1});
  EXPECT_EQ(U256::from_string("115792089237316195423570985008687907853269984665640564039457584007913"
                              "129639935"),
            U256::max());
  EXPECT_EQ(U256::from_string("18446744073709551616"), (U256{0, 1, 0, 0}));
}

TEST(U256Convert, ParseRejectsMalformed) {
  for (const char* bad :
       {"", "-1", "+1", " 1", "1 ", "12a", "0x0g", "0x-1", "0xx1", "x12", "00x1", "1e3", "0b101",
        "0x 1", "1_000", "0x1.5",
        // 2^256 and beyond
        "115792089237316195423570985008687907853269984665640564039457584007913129639936",
        "999999999999999999999999999999999999999999999999999999999999999999999999999999",
        "0x10000000000000000000000000000000000000000000000000000000000000000"}) {
    EXPECT_FALSE(U256::from_string(bad).has_value()) << '"' << bad << '"';
  }
  EXPECT_FALSE(U256::from_string("0x1" + std::string(64, '0')).has_value());
  EXPECT_FALSE(U256::from_string(std::string_view("1\0", 2)).has_value());
}

TEST(U256Convert, BigEndianBytes) {
  Gen g(12);
  for (int i = 0; i < kIters; ++i) {
    Bytes in(g.word() % 41);
    for (auto& b : in) b = static_cast<uint8_t>(g.word());
    // The value is that of the last (up to) 32 bytes.
    const size_t keep = in.size() < 32 ? in.size() : 32;
    Mpz want;
    mpz_import(want, keep, 1, 1, 0, 0, in.data() + (in.size() - keep));
    const U256 a = U256::from_be(BytesView{in.data(), in.size()});
    ASSERT_EQ(a, to_u256(want));
    uint8_t out[32] = {};
    a.to_be(out);
    uint8_t expect[32] = {};
    size_t count = 0;
    uint8_t tmp[32];
    mpz_export(tmp, &count, 1, 1, 0, 0, want);
    std::copy(tmp, tmp + count, expect + (32 - count));
    ASSERT_TRUE(std::equal(out, out + 32, expect));
    ASSERT_EQ(U256::from_be(a.to_be32()), a);
  }
  EXPECT_EQ(U256::from_be(BytesView{}), U256{});
}

}  // namespace
}  // namespace paraevm
