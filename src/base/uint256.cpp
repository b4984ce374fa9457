// Division (Knuth algorithm D with Möller–Granlund reciprocals), modular arithmetic, EVM
// signed/byte operations and conversions of U256.
//
// References for the division: D. Knuth, TAOCP vol. 2, 4.3.1 algorithm D; N. Möller and
// T. Granlund, "Improved division by invariant integers" (IEEE Trans. Computers, 2011),
// algorithms 4 (2-by-1), 5 (3-by-2) and 6 (3-by-2 reciprocal).
#include "base/uint256.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

// from_be/to_be byte-swap whole limbs.
static_assert(std::endian::native == std::endian::little, "U256 conversions assume little-endian");

// GCC's vectorizers pack limbs that were just stored one at a time into
// 16-byte loads, which stall on store-to-load forwarding; the limb code here is scalar by
// nature. Measured on the division paths: up to 30% slower with it.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-vectorize")
#endif

namespace paraevm {
namespace {

using u256_detail::mul_wide;
using u256_detail::uint128;

constexpr uint64_t hi(uint128 x) { return static_cast<uint64_t>(x >> 64); }
constexpr uint64_t lo(uint128 x) { return static_cast<uint64_t>(x); }
constexpr uint128 make128(uint64_t h, uint64_t l) { return (uint128{h} << 64) | l; }

/// floor((2^128 - 1) / d) - 2^64 for a normalized d (top bit set). One hardware division per
/// divisor; every quotient limb afterwards costs only multiplications.
inline uint64_t reciprocal_2by1(uint64_t d) {
#if defined(__x86_64__)
  // (2^128 - 1) - 2^64 * d = <~d, ~0>, and the quotient fits in 64 bits because d >= 2^63.
  uint64_t q, r;
  __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(~uint64_t{0}), "d"(~d), "r"(d));
  (void)r;
  return q;
#else
  return lo(make128(~d, ~uint64_t{0}) / d);
#endif
}

/// Reciprocal of the normalized two-limb divisor <d1, d0> (Möller–Granlund algorithm 6).
inline uint64_t reciprocal_3by2(uint64_t d1, uint64_t d0) {
  uint64_t v = reciprocal_2by1(d1);
  uint64_t p = d1 * v + d0;
  if (p < d0) {
    --v;
    if (p >= d1) {
      --v;
      p -= d1;
    }
    p -= d1;
  }
  const uint128 t = mul_wide(v, d0);
  p += hi(t);
  if (p < hi(t)) {
    --v;
    if (make128(p, lo(t)) >= make128(d1, d0)) --v;
  }
  return v;
}

struct QR64 {
  uint64_t q, r;
};

/// <u1, u0> / d with u1 < d, d normalized, v = reciprocal_2by1(d) (algorithm 4).
inline QR64 udivrem_2by1(uint64_t u1, uint64_t u0, uint64_t d, uint64_t v) {
  uint128 q = mul_wide(v, u1) + make128(u1, u0);
  uint64_t q1 = hi(q) + 1;
  uint64_t r = u0 - q1 * d;
  // Taken about half of the time: a mask instead of a branch avoids the mispredictions.
  if (r > lo(q)) { --q1; r += d; }
  if (__builtin_expect(r >= d, 0)) {
    ++q1;
    r -= d;
  }
  return {q1, r};
}

struct QR128 {
  uint64_t q;
  uint128 r;
};

/// <u2, u1, u0> / <d1, d0> with <u2, u1> < <d1, d0>, divisor normalized, v its 3-by-2
/// reciprocal (algorithm 5).
inline QR128 udivrem_3by2(uint64_t u2, uint64_t u1, uint64_t u0, uint128 d, uint64_t v) {
  const uint64_t d1 = hi(d), d0 = lo(d);
  const uint128 q = mul_wide(v, u2) + make128(u2, u1);
  uint64_t q1 = hi(q);
  const uint64_t q0 = lo(q);
  const uint64_t r1 = u1 - q1 * d1;
  uint128 r = make128(r1, u0) - mul_wide(d0, q1) - d;
  ++q1;
  if (hi(r) >= q0) { --q1; r += d; }
  if (__builtin_expect(r >= d, 0)) {
    ++q1;
    r -= d;
  }
  return {q1, r};
}

/// x[0..n) -= y[0..n) * m; returns the limb that is still to subtract from x[n].
inline uint64_t submul(uint64_t* x, const uint64_t* y, int n, uint64_t m) {
  uint64_t borrow = 0;  // carries both the product's high limb and the subtraction's borrow
  for (int i = 0; i < n; ++i) {
    const uint128 p = mul_wide(y[i], m) + borrow;
    const uint64_t s = x[i] - lo(p);
    borrow = hi(p) + (s > x[i]);
    x[i] = s;
  }
  return borrow;
}

/// x[0..n) += y[0..n); returns the carry out.
inline uint64_t add_limbs(uint64_t* x, const uint64_t* y, int n) {
  uint64_t carry = 0;
  for (int i = 0; i < n; ++i) x[i] = u256_detail::addc(x[i], y[i], carry);
  return carry;
}

inline int significant_limbs(const uint64_t* x, int n) {
  while (n > 0 && x[n - 1] == 0) --n;
  return n;
}

// Largest dividend: the 512-bit product of mulmod.
constexpr int kMaxLimbs = 8;

/// Normalized dividend and divisor: both shifted left so that the divisor's top bit is set.
struct Normalized {
  uint64_t u[kMaxLimbs + 1];
  uint64_t d[4];
  int un;  // significant limbs of the dividend before shifting; u has un + 1 limbs
  int dn;  // limbs of the divisor
  unsigned shift;
};

/// Shifts the whole fixed-size dividend (N limbs, zero above `un`) and the 4-limb divisor. The
/// fixed lengths unroll; (x >> 1) >> (63 - s) is x >> (64 - s) made defined for s == 0.
template <int N>
Normalized normalize(const uint64_t* u, int un, const uint64_t* d, int dn) {
  Normalized n;
  n.un = un;
  n.dn = dn;
  n.shift = static_cast<unsigned>(__builtin_clzll(d[dn - 1]));
  const unsigned s = n.shift, back = 63 - s;
  for (int i = 3; i > 0; --i) n.d[i] = (d[i] << s) | ((d[i - 1] >> 1) >> back);
  n.d[0] = d[0] << s;
  n.u[N] = (u[N - 1] >> 1) >> back;
  for (int i = N - 1; i > 0; --i) n.u[i] = (u[i] << s) | ((u[i - 1] >> 1) >> back);
  n.u[0] = u[0] << s;
  return n;
}

/// Divides by a two-limb normalized divisor; the remainder is left in u[0..2).
void divide_by_2(Normalized& n, uint64_t* q) {
  const uint128 d = make128(n.d[1], n.d[0]);
  const uint64_t v = reciprocal_3by2(n.d[1], n.d[0]);
  uint128 r = make128(n.u[n.un], n.u[n.un - 1]);
  for (int i = n.un - 2; i >= 0; --i) {
    const QR128 qr = udivrem_3by2(hi(r), lo(r), n.u[i], d, v);
    if (q) q[i] = qr.q;
    r = qr.r;
  }
  n.u[0] = lo(r);
  n.u[1] = hi(r);
}

/// Knuth algorithm D for divisors of 3 or 4 limbs, each quotient limb estimated by a 3-by-2
/// division (which is off by at most one, corrected by one add-back). Remainder in u[0..dn).
void divide_knuth(Normalized& n, uint64_t* q) {
  const int dn = n.dn;
  const uint64_t dh = n.d[dn - 1], dl = n.d[dn - 2];
  const uint128 dtop = make128(dh, dl);
  const uint64_t v = reciprocal_3by2(dh, dl);
  for (int j = n.un - dn; j >= 0; --j) {
    uint64_t* uj = n.u + j;
    const uint64_t u2 = uj[dn], u1 = uj[dn - 1], u0 = uj[dn - 2];
    uint64_t qhat;
    if (__builtin_expect(u2 == dh && u1 == dl, 0)) {
      // The 3-by-2 estimate would be 2^64; the true digit is then exactly 2^64 - 1.
      qhat = ~uint64_t{0};
      uj[dn] = u2 - submul(uj, n.d, dn, qhat);
    } else {
      const QR128 qr = udivrem_3by2(u2, u1, u0, dtop, v);
      qhat = qr.q;
      // The top two limbs of the partial remainder come from the 3-by-2 step; subtract
      // qhat times the lower divisor limbs from the rest and propagate the borrow.
      const uint64_t borrow = submul(uj, n.d, dn - 2, qhat);
      const uint64_t r0 = lo(qr.r), r1 = hi(qr.r);
      const uint64_t new_r0 = r0 - borrow;
      const uint64_t b1 = r0 < borrow;
      const uint64_t new_r1 = r1 - b1;
      const bool negative = r1 < b1;
      uj[dn - 2] = new_r0;
      uj[dn - 1] = new_r1;
      if (__builtin_expect(negative, 0)) {
        --qhat;
        add_limbs(uj, n.d, dn);
      }
    }
    if (q) q[j] = qhat;
  }
}

/// When the normalized dividend's extra top limb is zero, its top quotient digit is 0 or 1 (the
/// divisor's top bit is set): settle it by a compare and subtract instead of a full division
/// step. This is the common case for mulmod with reduced operands and for equal-length divisions.
void settle_top_digit(Normalized& n, uint64_t* q) {
  const int dn = n.dn;
  uint64_t* top = n.u + n.un - dn;
  uint64_t diff[4];
  uint64_t borrow = 0;
  for (int i = 0; i < dn; ++i) diff[i] = u256_detail::subb(top[i], n.d[i], borrow);
  if (borrow == 0) std::copy(diff, diff + dn, top);
  if (q) q[n.un - dn] = borrow ^ 1;
  --n.un;
}

/// Limbs that were just stored one at a time, read back as scalars: the empty asm keeps GCC
/// from merging the reads into 16-byte vector loads, which would stall on store forwarding.
inline U256 load_limbs(const uint64_t* p) {
  uint64_t l0 = p[0], l1 = p[1], l2 = p[2], l3 = p[3];
  __asm__("" : "+r"(l0), "+r"(l1), "+r"(l2), "+r"(l3));
  return {l0, l1, l2, l3};
}

/// Divides u[0..N) (un significant limbs) by d[0..4) (dn >= 2 significant limbs, un >= dn;
/// one-limb divisors take div_by_limb).
/// Writes un - dn + 1 quotient limbs to q (if not null) and the remainder to r.
template <int N>
void udivrem(const uint64_t* u, int un, const uint64_t* d, int dn, uint64_t* q, U256& r) {
  Normalized n = normalize<N>(u, un, d, dn);
  if (n.u[n.un] == 0) settle_top_digit(n, q);
  if (n.un >= dn) {
    if (dn == 2)
      divide_by_2(n, q);
    else
      divide_knuth(n, q);
  }
  // Limbs of u above the remainder may hold stale digits; only the low dn are the remainder.
  // Scalar reads (see load_limbs) and selects keep this in registers.
  uint64_t rn[5];
  for (int i = 0; i < 5; ++i) {
    uint64_t x = n.u[i];
    __asm__("" : "+r"(x));
    rn[i] = i < dn ? x : 0;
  }
  const unsigned s = n.shift, back = 63 - s;
  for (int i = 0; i < 4; ++i) r.limb[i] = (rn[i] >> s) | ((rn[i + 1] << 1) << back);
}

/// Division by a single limb, unrolled over a fixed-size dividend: the common DIV/MOD by a
/// small constant, and MULMOD by a 64-bit modulus. Returns the remainder.
template <int N>
uint64_t div_by_limb(const uint64_t* u, uint64_t d, uint64_t* q) {
  const unsigned s = static_cast<unsigned>(__builtin_clzll(d)), back = 63 - s;
  const uint64_t dn = d << s;
  const uint64_t v = reciprocal_2by1(dn);
  uint64_t r = (u[N - 1] >> 1) >> back;
  for (int i = N - 1; i >= 0; --i) {
    const uint64_t ui = (u[i] << s) | (i > 0 ? (u[i - 1] >> 1) >> back : 0);
    const QR64 qr = udivrem_2by1(r, ui, dn, v);
    if (q) q[i] = qr.q;
    r = qr.r;
  }
  return r >> s;
}

/// Full 256 x 256 -> 512-bit product.
void mul_full(const U256& a, const U256& b, uint64_t* out8) {
  std::fill(out8, out8 + 8, 0);
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 4; ++j) {
      const uint128 t = mul_wide(a.limb[i], b.limb[j]) + out8[i + j] + carry;
      out8[i + j] = lo(t);
      carry = hi(t);
    }
    out8[i + 4] = carry;
  }
}

/// The 512-bit product modulo a nonzero m.
U256 mod_product(const uint64_t* p8, const U256& m) {
  const int dn = significant_limbs(m.limb, 4);
  if (dn == 1) return div_by_limb<8>(p8, m.limb[0], nullptr);
  const int un = significant_limbs(p8, 8);
  U256 r;
  if (un < dn) {
    std::copy(p8, p8 + un, r.limb);
    return r;
  }
  udivrem<8>(p8, un, m.limb, dn, nullptr, r);
  return r;
}

}  // namespace

DivResult divmod(const U256& a, const U256& b) {
  const int dn = significant_limbs(b.limb, 4);
  if (dn == 0) return {};
  if (a < b) return {U256{}, a};
  if (dn == 1) {
    if (a.fits_u64()) return {a.limb[0] / b.limb[0], a.limb[0] % b.limb[0]};
    uint64_t q[4];  // constant indices after unrolling: stays in registers
    const uint64_t r = div_by_limb<4>(a.limb, b.limb[0], q);
    return {U256{q[0], q[1], q[2], q[3]}, r};
  }
  uint64_t q[4] = {0, 0, 0, 0};
  U256 r;
  udivrem<4>(a.limb, significant_limbs(a.limb, 4), b.limb, dn, q, r);
  return {load_limbs(q), load_limbs(r.limb)};
}

U256 operator/(const U256& a, const U256& b) { return load_limbs(divmod(a, b).quot.limb); }
U256 operator%(const U256& a, const U256& b) { return load_limbs(divmod(a, b).rem.limb); }

namespace {

/// All ones when x is negative, else zero.
inline uint64_t sign_mask(const U256& x) { return uint64_t{0} - (x.limb[3] >> 63); }

/// x when mask is zero, -x when mask is all ones; branch-free because operand signs are
/// unpredictable.
inline U256 negate_if(const U256& x, uint64_t mask) {
  const U256 m{mask, mask, mask, mask};
  return (x ^ m) - m;
}

}  // namespace

U256 sdiv(const U256& a, const U256& b) {
  const uint64_t sa = sign_mask(a), sb = sign_mask(b);
  // |-2^255| wraps to 2^255, and 2^255 / 1 negated is -2^255 again: the EVM's defined result.
  const U256 q = divmod(negate_if(a, sa), negate_if(b, sb)).quot;
  return negate_if(q, sa ^ sb);
}

U256 smod(const U256& a, const U256& b) {
  const uint64_t sa = sign_mask(a), sb = sign_mask(b);
  const U256 r = divmod(negate_if(a, sa), negate_if(b, sb)).rem;
  return negate_if(r, sa);  // the remainder takes the dividend's sign
}

U256 addmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return {};
  // Reducing first keeps the sum below 2m, so one conditional subtraction finishes it and no
  // 512-bit arithmetic is needed.
  const U256 x = a < m ? a : a % m;
  const U256 y = b < m ? b : b % m;
  bool carry;
  const U256 s = add_with_carry(x, y, carry);
  return (carry || s >= m) ? s - m : s;
}

U256 mulmod(const U256& a, const U256& b, const U256& m) {
  if (m.is_zero()) return {};
  uint64_t p[8];
  mul_full(a, b, p);
  return mod_product(p, m);
}

namespace {

/// a * a mod 2^256 with 6 limb products instead of 10: the cross products appear twice.
inline U256 sqr(const U256& a) {
  const uint128 p01 = mul_wide(a.limb[0], a.limb[1]);
  const uint128 p02 = mul_wide(a.limb[0], a.limb[2]);
  const uint128 t = uint128{hi(p01)} + lo(p02);
  const uint64_t c3 = hi(t) + hi(p02) + a.limb[0] * a.limb[3] + a.limb[1] * a.limb[2];
  const U256 cross{0, lo(p01), lo(t), c3};
  const uint128 d0 = mul_wide(a.limb[0], a.limb[0]);
  const uint128 d1 = mul_wide(a.limb[1], a.limb[1]);
  return (cross + cross) + U256{lo(d0), hi(d0), lo(d1), hi(d1)};
}

inline unsigned exponent_bit(const U256& e, unsigned i) { return (e.limb[i / 64] >> (i % 64)) & 1; }

/// Left-to-right binary square-and-multiply from the top set bit.
U256 exp_binary(const U256& base, const U256& e, unsigned bits) {
  U256 result = base;
  for (int i = static_cast<int>(bits) - 2; i >= 0; --i) {
    result = sqr(result);
    if (exponent_bit(e, static_cast<unsigned>(i))) result = result * base;
  }
  return result;
}

/// Fixed 4-bit window: 14 multiplications for the table, then one multiplication per nonzero
/// nibble instead of one per set bit.
U256 exp_window(const U256& base, const U256& e, unsigned bits) {
  U256 table[16];
  table[0] = 1;
  table[1] = base;
  for (int i = 2; i < 16; ++i) table[i] = table[i - 1] * base;
  const auto nibble = [&e](unsigned w) { return (e.limb[w / 16] >> (4 * (w % 16))) & 0xf; };
  const unsigned top = (bits - 1) / 4;
  U256 result = table[nibble(top)];
  for (int w = static_cast<int>(top) - 1; w >= 0; --w) {
    result = sqr(sqr(sqr(sqr(result))));
    const uint64_t nib = nibble(static_cast<unsigned>(w));
    if (nib != 0) result = result * table[nib];
  }
  return result;
}

}  // namespace

U256 exp(U256 base, const U256& exponent) {
  const unsigned bits = exponent.bit_width();
  if (bits == 0) return 1;
  if (base.fits_u64() && base.limb[0] <= 2) {
    if (base.limb[0] < 2) return base;  // 0^e = 0 and 1^e = 1 for e > 0
    return exponent.fits_u64() ? U256{1} << exponent.limb[0] : U256{};
  }
  // An even base to a power >= 256 has 2^256 as a factor.
  if ((base.limb[0] & 1) == 0 && bits > 8) return {};
  // The window's table costs 14 multiplications; it pays off for long exponents only.
  return bits > 96 ? exp_window(base, exponent, bits) : exp_binary(base, exponent, bits);
}

U256 signextend(const U256& byte_index, const U256& x) {
  if (!byte_index.fits_u64() || byte_index.limb[0] >= 31) return x;
  const unsigned sign_bit = static_cast<unsigned>(byte_index.limb[0]) * 8 + 7;
  const unsigned limb_idx = sign_bit / 64, bit = sign_bit % 64;
  const bool negative = (x.limb[limb_idx] >> bit) & 1;
  const uint64_t fill = negative ? ~uint64_t{0} : 0;
  U256 r = x;
  // Bits above the sign bit in its own limb (bit == 63 leaves nothing above).
  const uint64_t keep = bit == 63 ? ~uint64_t{0} : (uint64_t{2} << bit) - 1;
  r.limb[limb_idx] = (x.limb[limb_idx] & keep) | (fill & ~keep);
  for (unsigned i = limb_idx + 1; i < 4; ++i) r.limb[i] = fill;
  return r;
}

U256 byte_at(const U256& index, const U256& x) {
  if (!index.fits_u64() || index.limb[0] >= 32) return {};
  const unsigned pos = 31 - static_cast<unsigned>(index.limb[0]);  // from the least significant
  return (x.limb[pos / 8] >> (8 * (pos % 8))) & 0xff;
}

U256 U256::from_be(BytesView in) {
  if (in.size() > 32) in = in.subspan(in.size() - 32);
  uint8_t buf[32] = {};
  if (!in.empty()) std::memcpy(buf + (32 - in.size()), in.data(), in.size());
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t v;
    std::memcpy(&v, buf + 8 * (3 - i), 8);
    r.limb[i] = __builtin_bswap64(v);
  }
  return r;
}

void U256::to_be(uint8_t* out32) const {
  for (int i = 0; i < 4; ++i) {
    const uint64_t v = __builtin_bswap64(limb[3 - i]);
    std::memcpy(out32 + 8 * i, &v, 8);
  }
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<U256> parse_hex(std::string_view digits) {
  // Leading zeros carry no value, so any number of them is accepted.
  size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) first = digits.size();
  const std::string_view sig = digits.substr(first);
  if (sig.size() > 64) return std::nullopt;  // overflow (or bad digits)
  U256 r;
  const size_t n = sig.size();
  for (size_t i = 0; i < n; ++i) {
    const int v = hex_digit(sig[i]);
    if (v < 0) return std::nullopt;
    const size_t pos = n - 1 - i;  // nibble position from the least significant end
    r.limb[pos / 16] |= uint64_t(v) << (4 * (pos % 16));
  }
  return r;
}

std::optional<U256> parse_dec(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  U256 r;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    // r * 10 + digit, failing on any carry out of 256 bits.
    uint64_t carry = static_cast<uint64_t>(c - '0');
    for (int i = 0; i < 4; ++i) {
      const uint128 t = mul_wide(r.limb[i], 10) + carry;
      r.limb[i] = lo(t);
      carry = hi(t);
    }
    if (carry != 0) return std::nullopt;
  }
  return r;
}

}  // namespace

std::optional<U256> U256::from_string(std::string_view s) {
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return parse_hex(s.substr(2));
  return parse_dec(s);
}

std::string U256::to_hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  const unsigned nibbles = std::max(1u, (bit_width() + 3) / 4);
  std::string out(2 + nibbles, '0');
  out[1] = 'x';
  for (unsigned i = 0; i < nibbles; ++i)
    out[out.size() - 1 - i] = kDigits[(limb[i / 16] >> (4 * (i % 16))) & 0xf];
  return out;
}

std::string U256::to_dec() const {
  if (is_zero()) return "0";
  // Peel off 19 decimal digits at a time: 10^19 is the largest power of ten below 2^64.
  constexpr uint64_t kChunk = 10'000'000'000'000'000'000ULL;
  std::string out;
  U256 v = *this;
  while (!v.is_zero()) {
    const DivResult qr = divmod(v, kChunk);
    uint64_t chunk = qr.rem.limb[0];
    v = qr.quot;
    for (int i = 0; i < 19 && (chunk != 0 || !v.is_zero()); ++i) {
      out.push_back(static_cast<char>('0' + chunk % 10));
      chunk /= 10;
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace paraevm
