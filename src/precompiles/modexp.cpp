// 0x05 MODEXP: base^exp mod modulus for arbitrary-length integers (EIP-198, Byzantium).
// Input: base_len | exp_len | mod_len (32-byte big-endian words), then base, exp and mod as
// big-endian integers of those lengths; all reads past the input's end read zeros. Output:
// mod_len bytes. Pricing per revision in kPricing; Osaka bounds each length (EIP-7823).
#include <gmp.h>

#include <algorithm>
#include <array>
#include <limits>

#include "precompiles/entry_points.hpp"

namespace paraevm::precompiles {
namespace {

using uint128 = unsigned __int128;

enum class Complexity : uint8_t {
  Eip198,   // x^2 (x <= 64), x^2/4 + 96x - 3072 (x <= 1024), x^2/16 + 480x - 199680
  Eip2565,  // ceil(x/8)^2
  Eip7883,  // 16 when x <= 32, else 2 * ceil(x/8)^2
};

struct ModexpPricing {
  Complexity complexity;
  uint64_t exp_byte_multiplier;  // iterations per exponent byte past the first 32
  uint64_t divisor;
  uint64_t min_gas;
  uint64_t max_length;  // bound on each of base_len, exp_len and mod_len (0: none)
};

constexpr ModexpPricing kEip198{Complexity::Eip198, 8, 20, 0, 0};        // Byzantium
constexpr ModexpPricing kEip2565{Complexity::Eip2565, 8, 3, 200, 0};     // Berlin
constexpr ModexpPricing kEip7883{Complexity::Eip7883, 16, 1, 500, 1024};  // Osaka (+EIP-7823)

/// Pricing per revision; MODEXP exists from Byzantium on (earlier entries are never used).
constexpr std::array<ModexpPricing, kRevisionCount> kPricing = [] {
  std::array<ModexpPricing, kRevisionCount> t{};
  for (int r = 0; r < kRevisionCount; ++r) {
    const auto rev = static_cast<Revision>(r);
    t[r] = at_least(rev, Revision::Osaka)    ? kEip7883
           : at_least(rev, Revision::Berlin) ? kEip2565
                                             : kEip198;
  }
  return t;
}();

constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();

/// The 32-byte big-endian word at `offset` (zero-padded) as u64, saturated when it does not fit.
uint64_t read_length(BytesView input, size_t offset) {
  uint8_t word[32] = {};
  if (offset < input.size()) std::copy_n(&input[offset], std::min<size_t>(32, input.size() - offset), word);
  if (std::any_of(word, word + 24, [](uint8_t b) { return b != 0; })) return kSaturated;
  uint64_t v = 0;
  for (int i = 24; i < 32; ++i) v = v << 8 | word[i];
  return v;
}

/// Number of significant bits of the first min(32, exp_len) bytes of the exponent.
unsigned exp_head_bits(BytesView input, uint64_t exp_offset, uint64_t exp_len) {
  const uint64_t n = std::min<uint64_t>(32, exp_len);
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t pos = exp_offset + i;  // no overflow: exp_offset < 2^64 - 32 when it matters
    if (pos < exp_offset || pos >= input.size()) break;  // zeros from here on
    if (input[pos] != 0) return static_cast<unsigned>(8 * (n - i) - __builtin_clz(input[pos]) + 24);
  }
  return 0;
}

uint128 mul_saturated(uint128 a, uint128 b) {
  uint128 r;
  return __builtin_mul_overflow(a, b, &r) ? ~uint128{0} : r;
}

uint128 complexity(Complexity kind, uint64_t max_len) {
  const uint128 words = max_len / 8 + (max_len % 8 != 0);
  switch (kind) {
    case Complexity::Eip198: {
      if (max_len > (uint64_t{1} << 40)) return ~uint128{0};  // x^2/16 alone exceeds any gas
      const uint128 x = max_len;
      if (x <= 64) return x * x;
      if (x <= 1024) return x * x / 4 + 96 * x - 3072;
      return x * x / 16 + 480 * x - 199680;
    }
    case Complexity::Eip2565:
      return words * words;
    case Complexity::Eip7883:
      return max_len <= 32 ? 16 : 2 * words * words;
  }
  return ~uint128{0};
}

/// Gas of the call, saturated at 2^128 - 1.
uint128 modexp_gas(const ModexpPricing& pricing, uint64_t base_len, uint64_t exp_len, uint64_t mod_len,
                   unsigned head_bits) {
  const uint128 mult = complexity(pricing.complexity, std::max(base_len, mod_len));
  uint128 iterations = head_bits > 0 ? head_bits - 1 : 0;
  if (exp_len > 32) iterations += uint128{pricing.exp_byte_multiplier} * (exp_len - 32);
  iterations = std::max<uint128>(iterations, 1);
  return std::max<uint128>(mul_saturated(mult, iterations) / pricing.divisor, pricing.min_gas);
}

/// RAII holder of a GMP integer.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

/// Loads the big-endian integer input[offset, offset + len), reading zeros past the end.
/// Precondition: offset + len does not overflow (the gas charged bounds both).
void load(mpz_t out, BytesView input, uint64_t offset, uint64_t len) {
  if (offset >= input.size() || len == 0) {
    mpz_set_ui(out, 0);
    return;
  }
  const uint64_t avail = std::min<uint64_t>(len, input.size() - offset);
  mpz_import(out, avail, 1, 1, 1, 0, &input[offset]);
  if (mpz_sgn(out) != 0 && avail < len) mpz_mul_2exp(out, out, 8 * (len - avail));
}

/// base^exp mod mod into `out` (mod_len bytes, right-aligned). Precondition: mod != 0.
void power(Bytes& out, const mpz_t base, const mpz_t exp, const mpz_t mod) {
  Mpz r;
  if (mpz_cmp_ui(mod, 1) == 0) return;  // anything mod 1 is 0
  if (mpz_sgn(exp) == 0) {
    mpz_set_ui(r.v, 1);  // x^0 = 1, including 0^0 (as the execution specs' pow does)
  } else {
    mpz_powm(r.v, base, exp, mod);
  }
  const size_t bytes = (mpz_sizeinbase(r.v, 2) + 7) / 8;
  if (mpz_sgn(r.v) != 0) mpz_export(out.data() + (out.size() - bytes), nullptr, 1, 1, 1, 0, r.v);
}

}  // namespace

PrecompileResult modexp(Revision rev, BytesView input, int64_t gas_limit) {
  const ModexpPricing& pricing = kPricing[static_cast<size_t>(rev)];
  const uint64_t base_len = read_length(input, 0);
  const uint64_t exp_len = read_length(input, 32);
  const uint64_t mod_len = read_length(input, 64);
  if (pricing.max_length != 0 &&
      (base_len > pricing.max_length || exp_len > pricing.max_length || mod_len > pricing.max_length))
    return {false, 0, {}};  // EIP-7823: an exceptional halt, all gas consumed

  // exp_offset saturates; a saturated offset only reads zeros.
  const uint64_t exp_offset = base_len > kSaturated - 96 ? kSaturated : 96 + base_len;
  const unsigned head_bits = exp_head_bits(input, exp_offset, exp_len);
  const uint128 gas = modexp_gas(pricing, base_len, exp_len, mod_len, head_bits);
  if (gas_limit < 0 || gas > static_cast<uint128>(gas_limit)) return {false, 0, {}};
  PrecompileResult result = charge(static_cast<int64_t>(gas), gas_limit);
  if (!result.success || (base_len == 0 && mod_len == 0)) return result;

  // The charged gas grows at least linearly in every length here (the complexity is >= 1 once
  // base_len or mod_len > 0), so the lengths are bounded by the gas limit.
  Mpz base, exp, mod;
  const uint64_t mod_offset = exp_len > kSaturated - exp_offset ? kSaturated : exp_offset + exp_len;
  load(mod.v, input, mod_offset, mod_len);
  result.output.assign(mod_len, 0);
  // A modulus of 0 or 1 gives zeros whatever the operands, so they are not loaded. A nonzero
  // modulus lies past the exponent in the input, which therefore holds the exponent's bytes;
  // with a zero modulus a declared exponent length can far exceed the input (0.4 gas per byte
  // under EIP-198: 13M gas for 32 MiB from a 112-byte call), and loading it would allocate
  // and shift an integer that large for nothing.
  if (mpz_cmp_ui(mod.v, 1) <= 0) return result;
  load(base.v, input, 96, base_len);
  load(exp.v, input, exp_offset, exp_len);
  power(result.output, base.v, exp.v, mod.v);
  return result;
}

}  // namespace paraevm::precompiles
