// U256 operation costs: each benchmark cycles through a table of random operands so that the
// figures reflect data-dependent paths (limb counts, normalization shifts) rather than one
// well-predicted input.
#include <benchmark/benchmark.h>
#include <gmp.h>

#include <random>
#include <vector>

#include "base/uint256.hpp"

namespace paraevm {
namespace {

constexpr size_t kTable = 1024;  // power of two: the index wraps with a mask

U256 random_u256(std::mt19937_64& rng, unsigned limbs) {
  U256 r;
  for (unsigned i = 0; i < limbs; ++i) r.limb[i] = rng();
  if (limbs > 0 && r.limb[limbs - 1] == 0) r.limb[limbs - 1] = 1;
  return r;
}

/// Operand table: `limbs_a`/`limbs_b` significant limbs; 0 for b means "random 2..4 limbs".
struct Operands {
  std::vector<U256> a, b, m;
  Operands(unsigned limbs_a, unsigned limbs_b, unsigned limbs_m = 4) {
    std::mt19937_64 rng(42);
    for (size_t i = 0; i < kTable; ++i) {
      a.push_back(random_u256(rng, limbs_a));
      const unsigned lb = limbs_b != 0 ? limbs_b : 2 + static_cast<unsigned>(rng() % 3);
      b.push_back(random_u256(rng, lb) >> (rng() % 32));  // vary the normalization shift
      m.push_back(random_u256(rng, limbs_m));
    }
  }
};

template <typename Op>
void run_binary(benchmark::State& state, const Operands& ops, Op op) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(op(ops.a[i], ops.b[i]));
    i = (i + 1) & (kTable - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_add(benchmark::State& s) {
  run_binary(s, Operands(4, 4), [](const U256& a, const U256& b) { return a + b; });
}
void BM_sub(benchmark::State& s) {
  run_binary(s, Operands(4, 4), [](const U256& a, const U256& b) { return a - b; });
}
void BM_mul(benchmark::State& s) {
  run_binary(s, Operands(4, 4), [](const U256& a, const U256& b) { return a * b; });
}
void BM_shl(benchmark::State& s) {
  run_binary(s, Operands(4, 1),
             [](const U256& a, const U256& b) { return shl(b.limb[0] & 255, a); });
}
void BM_lt(benchmark::State& s) {
  run_binary(s, Operands(4, 4), [](const U256& a, const U256& b) { return a < b; });
}
void BM_div_64by64(benchmark::State& s) {
  run_binary(s, Operands(1, 1), [](const U256& a, const U256& b) { return a / b; });
}
void BM_div_256by64(benchmark::State& s) {
  run_binary(s, Operands(4, 1), [](const U256& a, const U256& b) { return a / b; });
}
void BM_div_256by128(benchmark::State& s) {
  run_binary(s, Operands(4, 2), [](const U256& a, const U256& b) { return a / b; });
}
void BM_div_256by256(benchmark::State& s) {
  run_binary(s, Operands(4, 0), [](const U256& a, const U256& b) { return a / b; });
}
void BM_mod_256by256(benchmark::State& s) {
  run_binary(s, Operands(4, 0), [](const U256& a, const U256& b) { return a % b; });
}
void BM_sdiv(benchmark::State& s) {
  run_binary(s, Operands(4, 0), [](const U256& a, const U256& b) { return sdiv(a, b); });
}

template <typename Op>
void run_ternary(benchmark::State& state, const Operands& ops, Op op) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(op(ops.a[i], ops.b[i], ops.m[i]));
    i = (i + 1) & (kTable - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_addmod_256(benchmark::State& s) {
  run_ternary(s, Operands(4, 4, 4), addmod);
}
void BM_addmod_reduced(benchmark::State& s) {  // operands already below the modulus
  run_ternary(s, Operands(3, 3, 4), addmod);
}
void BM_mulmod_256(benchmark::State& s) {
  run_ternary(s, Operands(4, 4, 4), mulmod);
}
void BM_mulmod_mod128(benchmark::State& s) {
  run_ternary(s, Operands(4, 4, 2), mulmod);
}
void BM_mulmod_mod64(benchmark::State& s) {
  run_ternary(s, Operands(4, 4, 1), mulmod);
}

void BM_exp_256bit_exponent(benchmark::State& s) {
  run_binary(s, Operands(4, 4), [](const U256& a, const U256& b) { return exp(a, b); });
}
void BM_exp_64bit_exponent(benchmark::State& s) {
  run_binary(s, Operands(4, 1), [](const U256& a, const U256& b) { return exp(a, b); });
}
void BM_exp_small(benchmark::State& s) {  // typical 10**18-style constants
  run_binary(s, Operands(4, 1),
             [](const U256& a, const U256& b) { return exp(a.limb[0] % 100, b.limb[0] % 64); });
}

void BM_to_dec(benchmark::State& state) {
  const Operands ops(4, 4);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ops.a[i].to_dec());
    i = (i + 1) & (kTable - 1);
  }
}

// GMP's low-level (mpn) functions on the same operands, as a reference point for the division
// code. They lack the EVM's zero-divisor rule and work on significant limbs only.
int limb_count(const U256& x) {
  int n = 4;
  while (n > 0 && x.limb[n - 1] == 0) --n;
  return n;
}

void BM_gmp_div_256by256(benchmark::State& state) {
  const Operands ops(4, 0);
  size_t i = 0;
  mp_limb_t q[4], r[4];
  for (auto _ : state) {
    const U256& a = ops.a[i];
    const U256& b = ops.b[i];
    const int an = limb_count(a), bn = limb_count(b);
    if (an >= bn)
      mpn_tdiv_qr(q, r, 0, reinterpret_cast<const mp_limb_t*>(a.limb), an,
                  reinterpret_cast<const mp_limb_t*>(b.limb), bn);
    benchmark::DoNotOptimize(q);
    benchmark::DoNotOptimize(r);
    i = (i + 1) & (kTable - 1);
  }
}

void BM_gmp_div_256by64(benchmark::State& state) {
  const Operands ops(4, 1);
  size_t i = 0;
  mp_limb_t q[4];
  for (auto _ : state) {
    benchmark::DoNotOptimize(mpn_divrem_1(q, 0, reinterpret_cast<const mp_limb_t*>(ops.a[i].limb),
                                          4, ops.b[i].limb[0]));
    i = (i + 1) & (kTable - 1);
  }
}

void BM_gmp_mulmod_256(benchmark::State& state) {
  const Operands ops(4, 4, 4);
  size_t i = 0;
  mp_limb_t p[8], q[5], r[4];
  for (auto _ : state) {
    mpn_mul_n(p, reinterpret_cast<const mp_limb_t*>(ops.a[i].limb),
              reinterpret_cast<const mp_limb_t*>(ops.b[i].limb), 4);
    mpn_tdiv_qr(q, r, 0, p, 8, reinterpret_cast<const mp_limb_t*>(ops.m[i].limb), 4);
    benchmark::DoNotOptimize(r);
    i = (i + 1) & (kTable - 1);
  }
}

BENCHMARK(BM_add);
BENCHMARK(BM_sub);
BENCHMARK(BM_mul);
BENCHMARK(BM_shl);
BENCHMARK(BM_lt);
BENCHMARK(BM_div_64by64);
BENCHMARK(BM_div_256by64);
BENCHMARK(BM_div_256by128);
BENCHMARK(BM_div_256by256);
BENCHMARK(BM_mod_256by256);
BENCHMARK(BM_sdiv);
BENCHMARK(BM_addmod_256);
BENCHMARK(BM_addmod_reduced);
BENCHMARK(BM_mulmod_256);
BENCHMARK(BM_mulmod_mod128);
BENCHMARK(BM_mulmod_mod64);
BENCHMARK(BM_exp_256bit_exponent);
BENCHMARK(BM_exp_64bit_exponent);
BENCHMARK(BM_exp_small);
BENCHMARK(BM_to_dec);
BENCHMARK(BM_gmp_div_256by64);
BENCHMARK(BM_gmp_div_256by256);
BENCHMARK(BM_gmp_mulmod_256);

}  // namespace
}  // namespace paraevm
