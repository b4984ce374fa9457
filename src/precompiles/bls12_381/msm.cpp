// Pippenger: per c-bit window, points go into buckets by digit (mixed additions), buckets
// are summed with a running sum, windows are combined by c doublings.
#include "precompiles/bls12_381/msm.hpp"

#include <array>
#include <bit>
#include <vector>

namespace paraevm::bls12_381 {
namespace {

unsigned scalar_bits(const Scalar& k) {
  for (int i = 3; i >= 0; --i)
    if (k[i] != 0) return unsigned(i * 64 + std::bit_width(k[i]));
  return 0;
}

/// The c-bit digit of k starting at bit `offset`.
unsigned digit(const Scalar& k, unsigned offset, unsigned c) {
  const unsigned limb = offset / 64, shift = offset % 64;
  uint64_t bits = k[limb] >> shift;
  if (shift + c > 64 && limb + 1 < 4) bits |= k[limb + 1] << (64 - shift);
  return unsigned(bits & ((1u << c) - 1));
}

template <class F>
Jacobian<F> window_sum(std::span<const Affine<F>> points, std::span<const Scalar> scalars,
                       unsigned offset, unsigned c, std::vector<Jacobian<F>>& buckets) {
  std::fill(buckets.begin(), buckets.end(), Jacobian<F>::infinity());
  for (size_t i = 0; i < points.size(); ++i) {
    const unsigned d = digit(scalars[i], offset, c);
    if (d != 0) buckets[d - 1] = add_mixed(buckets[d - 1], points[i]);
  }
  // sum_j (j+1) bucket[j] = sum over j of the running suffix sums.
  Jacobian<F> running = Jacobian<F>::infinity(), total = Jacobian<F>::infinity();
  for (size_t j = buckets.size(); j-- > 0;) {
    running = add(running, buckets[j]);
    total = add(total, running);
  }
  return total;
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

template <class F>
Jacobian<F> pippenger(std::span<const Affine<F>> points, std::span<const Scalar> scalars) {
  unsigned max_bits = 0;
  for (size_t i = 0; i < points.size(); ++i)
    if (!points[i].infinity) max_bits = std::max(max_bits, scalar_bits(scalars[i]));
  if (max_bits == 0) return Jacobian<F>::infinity();
  if (points.size() <= 4) return straus(points, scalars, max_bits);
  // Window width ~ log2(n)/2 + 1 balances n mixed additions against 2^c bucket additions.
  const unsigned c = unsigned(std::bit_width(points.size())) / 2 + 1;
  std::vector<Jacobian<F>> buckets((size_t(1) << c) - 1);
  const unsigned windows = (max_bits + c - 1) / c;
  Jacobian<F> acc = Jacobian<F>::infinity();
  for (unsigned w = windows; w-- > 0;) {
    for (unsigned i = 0; i < c && !acc.is_infinity(); ++i) acc = dbl(acc);
    acc = add(acc, window_sum(points, scalars, w * c, c, buckets));
  }
  return acc;
}

}  // namespace

G1 msm(std::span<const G1Affine> points, std::span<const Scalar> scalars) {
  return pippenger(points, scalars);
}
G2 msm(std::span<const G2Affine> points, std::span<const Scalar> scalars) {
  return pippenger(points, scalars);
}

}  // namespace paraevm::bls12_381
