// Multi-scalar multiplication. Points in the prime-order subgroup let each scalar (reduced
// mod r) be split by an endomorphism: on G1 phi(P) = [-x^2]P, so k = k0 + k1 x^2 gives two
// 128-bit scalars; on G2 psi(P) = [x]P, so the base-|x| digits of k give four 64-bit scalars
// (GLV/GLS). The split points then go through Pippenger's bucket method with signed digits
// (or Straus for a handful of points).
#include "precompiles/bls12_381/msm.hpp"

#include <array>
#include <bit>
#include <type_traits>
#include <vector>

namespace paraevm::bls12_381 {
namespace {

unsigned scalar_bits(const Scalar& k) {
  for (int i = 3; i >= 0; --i)
    if (k[i] != 0) return unsigned(i * 64 + std::bit_width(k[i]));
  return 0;
}

/// The c-bit digit of k starting at bit `offset` (bits past 256 read as zero).
unsigned digit(const Scalar& k, unsigned offset, unsigned c) {
  const unsigned limb = offset / 64, shift = offset % 64;
  if (limb >= 4) return 0;
  uint64_t bits = k[limb] >> shift;
  if (shift + c > 64 && limb + 1 < 4) bits |= k[limb + 1] << (64 - shift);
  return unsigned(bits & ((1u << c) - 1));
}

template <class F>
Affine<F> negate(const Affine<F>& p) {
  return p.infinity ? p : Affine<F>{p.x, -p.y, false};
}

/// Straus: one shared chain of doublings, per point a table of its 0..15 multiples and one
/// addition per 4-bit window. Cheaper than buckets for a handful of points.
template <class F>
Jacobian<F> straus(std::span<const Affine<F>> points, std::span<const Scalar> scalars,
                   unsigned max_bits) {
  constexpr size_t kMaxPoints = 4;
  std::array<std::array<Jacobian<F>, 16>, kMaxPoints> tables;
  for (size_t i = 0; i < points.size(); ++i) {
    const Jacobian<F> p = Jacobian<F>::from_affine(points[i]);
    tables[i][0] = Jacobian<F>::infinity();
    tables[i][1] = p;
    for (size_t d = 2; d < 16; ++d)
      tables[i][d] = (d % 2 == 0) ? dbl(tables[i][d / 2]) : add_mixed(tables[i][d - 1], points[i]);
  }
  Jacobian<F> acc = Jacobian<F>::infinity();
  for (unsigned w = (max_bits + 3) / 4; w-- > 0;) {
    if (!acc.is_infinity()) acc = dbl(dbl(dbl(dbl(acc))));
    for (size_t i = 0; i < points.size(); ++i) {
      const unsigned d = digit(scalars[i], w * 4, 4);
      if (d != 0) acc = add(acc, tables[i][d]);
    }
  }
  return acc;
}

/// Batched affine bucket sums when the points per bucket average at least this many (each
/// round's inversion costs about as much as the additions it saves on a few points; measured:
/// G1 with 16 points, 32 split points on 8 buckets, is slightly slower affine, G1 with 128 and
/// G2 with 16 or 128 points faster).
template <class F>
constexpr size_t kAffineBucketsMinPerBucket = std::is_same_v<F, Fp> ? 8 : 4;

/// The window width minimising (windows) x (n bucket additions + 2^c bucket-sum additions + c
/// doublings) for signed c-bit digits over `bits`-bit scalars.
unsigned window_width(size_t n, unsigned bits) {
  unsigned best = 2;
  double best_cost = 1e300;
  for (unsigned c = 2; c <= 16; ++c) {
    const double windows = (bits + 1) / c + 1;  // as in pippenger
    const double cost = windows * (double(n) + double(1u << c) + c);
    if (cost < best_cost) best_cost = cost, best = c;
  }
  return best;
}

/// Sums the affine points of every bucket in place: bucket j holds pts[start[j], start[j] +
/// count[j]); on return count[j] <= 1 and pts[start[j]] is the sum when count[j] == 1 (0: the
/// sum is the point at infinity). Each round adds neighbouring pairs in every bucket; the
/// round's slope denominators share one inversion (Montgomery's trick), so an addition costs
/// about 3 products for the shared inversion plus 2 products and a square, instead of the 7
/// products and 4 squares of a mixed Jacobian addition.
template <class F>
void sum_buckets_affine(std::vector<Affine<F>>& pts, const std::vector<uint32_t>& start,
                        std::vector<uint32_t>& count, std::vector<F>& den, std::vector<F>& prefix,
                        std::vector<uint32_t>& pair_at) {
  for (;;) {
    pair_at.clear();  // index of the first point of each pair
    for (size_t j = 0; j < count.size(); ++j)
      for (uint32_t i = 0; i + 1 < count[j]; i += 2) pair_at.push_back(start[j] + i);
    if (pair_at.empty()) return;
    const size_t m = pair_at.size();
    den.resize(m);
    prefix.resize(m);
    // Denominator per pair: x2 - x1 for a chord, 2 y1 for a tangent, 1 when the sum is O
    // (P + (-P), or a tangent at a point of order 2).
    F acc = F::one();
    for (size_t k = 0; k < m; ++k) {
      const Affine<F>& a = pts[pair_at[k]];
      const Affine<F>& b = pts[pair_at[k] + 1];
      if (a.x != b.x) den[k] = b.x - a.x;
      else if (a.y == b.y && !a.y.is_zero()) den[k] = a.y.dbl();
      else den[k] = F::one();
      prefix[k] = acc;
      acc = acc * den[k];
    }
    F inv = acc.inverse();
    // Sums go over the first point of each pair (infinity flag when O).
    for (size_t k = m; k-- > 0;) {
      const F d_inv = inv * prefix[k];
      inv = inv * den[k];
      Affine<F>& a = pts[pair_at[k]];
      const Affine<F>& b = pts[pair_at[k] + 1];
      F lambda;
      if (a.x != b.x) {
        lambda = (b.y - a.y) * d_inv;
      } else if (a.y == b.y && !a.y.is_zero()) {
        const F xx = a.x.square();
        lambda = (xx.dbl() + xx) * d_inv;
      } else {
        a.infinity = true;
        continue;
      }
      const F x3 = lambda.square() - a.x - b.x;
      a.y = lambda * (a.x - x3) - a.y;
      a.x = x3;
    }
    // Compact each bucket: the finite sums, then an unpaired last point.
    for (size_t j = 0; j < count.size(); ++j) {
      if (count[j] < 2) continue;
      const uint32_t s = start[j], n = count[j];
      uint32_t out = 0;
      for (uint32_t i = 0; i + 1 < n; i += 2)
        if (!pts[s + i].infinity) pts[s + out++] = pts[s + i];
      if (n % 2 == 1) pts[s + out++] = pts[s + n - 1];  // s + n - 1 >= s + out: read first
      count[j] = out;
    }
  }
}

/// Pippenger with signed digits in [-2^(c-1), 2^(c-1)): 2^(c-1) buckets per window, a negative
/// digit adds the negated point. With `affine_buckets` the buckets are summed by batched affine
/// additions (pays when buckets get several points each).
template <class F>
Jacobian<F> pippenger(std::span<const Affine<F>> points, std::span<const Scalar> scalars,
                      unsigned max_bits) {
  const size_t n = points.size();
  const unsigned c = window_width(n, max_bits);
  // windows * c >= max_bits + 2: the top window's raw value is below 2^(c-2), so adding the
  // carry from below cannot make it reach 2^(c-1) and carry out.
  const unsigned windows = (max_bits + 1) / c + 1;
  const int half = 1 << (c - 1), full = 1 << c;
  std::vector<int> digits(n * windows);
  for (size_t i = 0; i < n; ++i) {
    int carry = 0;
    for (unsigned w = 0; w < windows; ++w) {
      int v = int(digit(scalars[i], w * c, c)) + carry;
      carry = v >= half ? 1 : 0;
      if (carry) v -= full;
      digits[i * windows + w] = v;
    }
  }
  const bool affine_buckets = n >= kAffineBucketsMinPerBucket<F> * size_t(half);
  std::vector<Jacobian<F>> buckets(static_cast<size_t>(half));
  std::vector<Affine<F>> pts;
  const size_t bucket_count = static_cast<size_t>(half);
  std::vector<uint32_t> start(bucket_count + 1), count(bucket_count), pair_at;
  std::vector<F> den, prefix;
  Jacobian<F> acc = Jacobian<F>::infinity();
  for (unsigned w = windows; w-- > 0;) {
    for (unsigned i = 0; i < c && !acc.is_infinity(); ++i) acc = dbl(acc);
    Jacobian<F> running = Jacobian<F>::infinity(), total = Jacobian<F>::infinity();
    if (affine_buckets) {
      // Counting sort of the points by bucket, then the affine rounds.
      std::fill(count.begin(), count.end(), 0);
      for (size_t i = 0; i < n; ++i) {
        const int d = digits[i * windows + w];
        if (d != 0 && !points[i].infinity) ++count[size_t(d > 0 ? d - 1 : -d - 1)];
      }
      start[0] = 0;
      for (size_t j = 0; j < count.size(); ++j) start[j + 1] = start[j] + count[j];
      pts.resize(start.back());
      std::vector<uint32_t> fill(start.begin(), start.end() - 1);
      for (size_t i = 0; i < n; ++i) {
        const int d = digits[i * windows + w];
        if (points[i].infinity) continue;  // adds nothing (the affine formulas assume finite points)
        if (d > 0) pts[fill[size_t(d - 1)]++] = points[i];
        if (d < 0) pts[fill[size_t(-d - 1)]++] = negate(points[i]);
      }
      sum_buckets_affine(pts, start, count, den, prefix, pair_at);
      // sum_j (j+1) bucket[j] = sum over j of the running suffix sums.
      for (size_t j = count.size(); j-- > 0;) {
        if (count[j] == 1) running = add_mixed(running, pts[start[j]]);
        total = add(total, running);
      }
    } else {
      std::fill(buckets.begin(), buckets.end(), Jacobian<F>::infinity());
      for (size_t i = 0; i < n; ++i) {
        const int d = digits[i * windows + w];
        if (d > 0) buckets[size_t(d - 1)] = add_mixed(buckets[size_t(d - 1)], points[i]);
        if (d < 0) buckets[size_t(-d - 1)] = add_mixed(buckets[size_t(-d - 1)], negate(points[i]));
      }
      for (size_t j = buckets.size(); j-- > 0;) {
        running = add(running, buckets[j]);
        total = add(total, running);
      }
    }
    acc = add(acc, total);
  }
  return acc;
}

template <class F>
Jacobian<F> msm_plain(std::span<const Affine<F>> points, std::span<const Scalar> scalars) {
  unsigned max_bits = 0;
  for (size_t i = 0; i < points.size(); ++i)
    if (!points[i].infinity) max_bits = std::max(max_bits, scalar_bits(scalars[i]));
  if (max_bits == 0) return Jacobian<F>::infinity();
  if (points.size() <= 4) return straus(points, scalars, max_bits);
  return pippenger(points, scalars, max_bits);
}

bool geq_r(const Scalar& k) {
  for (int i = 3; i >= 0; --i)
    if (k[size_t(i)] != kGroupOrder[size_t(i)]) return k[size_t(i)] > kGroupOrder[size_t(i)];
  return true;
}

/// k mod r for any 256-bit k (2^256 < 3r: at most two subtractions).
Scalar reduce_mod_r(Scalar k) {
  while (geq_r(k)) {
    unsigned __int128 borrow = 0;
    for (size_t i = 0; i < 4; ++i) {
      const unsigned __int128 d = (unsigned __int128)k[i] - kGroupOrder[i] - borrow;
      k[i] = uint64_t(d);
      borrow = (d >> 64) & 1;
    }
  }
  return k;
}

/// k = q |x| + rem for the 64-bit |x|.
uint64_t divmod_x(const Scalar& k, Scalar& q) {
  unsigned __int128 rem = 0;
  for (int i = 3; i >= 0; --i) {
    const unsigned __int128 cur = (rem << 64) | k[size_t(i)];
    q[size_t(i)] = uint64_t(cur / kXAbs);
    rem = cur % kXAbs;
  }
  return uint64_t(rem);
}

G2Affine psi_affine(const G2Affine& p) {
  if (p.infinity) return p;
  const G2 q = psi(G2::from_affine(p));  // z stays 1
  return {q.x, q.y, false};
}

}  // namespace

G1 msm_no_endomorphism(std::span<const G1Affine> points, std::span<const Scalar> scalars) {
  return msm_plain(points, scalars);
}
G2 msm_no_endomorphism(std::span<const G2Affine> points, std::span<const Scalar> scalars) {
  return msm_plain(points, scalars);
}

G1 msm(std::span<const G1Affine> points, std::span<const Scalar> scalars) {
  // k = (q2 |x| + r2) |x| + r1 = q2 x^2 + k0, k0 = r2 |x| + r1 < x^2 < 2^128, q2 < r / x^2 < 2^128;
  // [x^2]P = -phi(P) = (beta x, -y).
  std::vector<G1Affine> split_points;
  std::vector<Scalar> split_scalars;
  split_points.reserve(2 * points.size());
  split_scalars.reserve(2 * points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].infinity) continue;
    Scalar q1{}, q2{};
    const uint64_t r1 = divmod_x(reduce_mod_r(scalars[i]), q1);
    const uint64_t r2 = divmod_x(q1, q2);
    const unsigned __int128 k0 = (unsigned __int128)r2 * kXAbs + r1;
    split_points.push_back(points[i]);
    split_scalars.push_back({uint64_t(k0), uint64_t(k0 >> 64), 0, 0});
    split_points.push_back({points[i].x * kG1Beta, -points[i].y, false});
    split_scalars.push_back(q2);
  }
  return msm_plain<Fp>(split_points, split_scalars);
}

G2 msm(std::span<const G2Affine> points, std::span<const Scalar> scalars) {
  // k mod r < r < |x|^4: k = d0 + d1 |x| + d2 |x|^2 + d3 |x|^3 with digits below 2^64, and
  // [|x|]P = -psi(P).
  std::vector<G2Affine> split_points;
  std::vector<Scalar> split_scalars;
  split_points.reserve(4 * points.size());
  split_scalars.reserve(4 * points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].infinity) continue;
    Scalar k = reduce_mod_r(scalars[i]);
    G2Affine p = points[i];
    for (int j = 0; j < 4; ++j) {
      Scalar q{};
      const uint64_t d = divmod_x(k, q);
      split_points.push_back(p);
      split_scalars.push_back({d, 0, 0, 0});
      k = q;
      p = negate(psi_affine(p));  // [|x|^(j+1)] points[i]
    }
  }
  return msm_plain<Fp2>(split_points, split_scalars);
}

}  // namespace paraevm::bls12_381
