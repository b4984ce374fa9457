// Shared vocabulary of the parallel engine (Block-STM family): transaction indices, incarnations,
// versions, the location-traits concept the engine is generic over, write sets and read origins.
// Nothing here knows about the EVM; the EVM adapter supplies a LocationTraits model whose keys are
// (address, balance|nonce|code|storage slot|existence) and whose deltas are balance credits.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace paraevm::parallel {

/// Position of a transaction in its block.
using TxIndex = uint32_t;
/// How many times a transaction has been (re-)started in the current block, from 0.
using Incarnation = uint32_t;

inline constexpr TxIndex kNoTx = std::numeric_limits<TxIndex>::max();

/// One execution attempt of a transaction.
struct Version {
  TxIndex tx = 0;
  Incarnation incarnation = 0;
  friend bool operator==(const Version&, const Version&) = default;
};

/// What the engine needs of a location model:
///  - Key: a location (hashable with KeyHash, equality comparable), cheap to copy;
///  - Value: the full content of a location (default constructible, copyable);
///  - Delta: an additive update (equality comparable, default = identity) so that transactions
///    that only add to a location (a fee credit to the coinbase) do not depend on each other;
///  - apply(value, delta) -> value and combine(lower, higher) -> delta with
///    apply(apply(v, a), b) == apply(v, combine(a, b)).
template <class T>
concept LocationTraits = requires(const typename T::Key& k, const typename T::Value& v,
                                  const typename T::Delta& d) {
  typename T::KeyHash;
  { typename T::KeyHash{}(k) } -> std::convertible_to<size_t>;
  { k == k } -> std::convertible_to<bool>;
  { d == d } -> std::convertible_to<bool>;
  { T::apply(v, d) } -> std::same_as<typename T::Value>;
  { T::combine(d, d) } -> std::same_as<typename T::Delta>;
};

enum class WriteKind : uint8_t {
  kValue,  ///< the location now holds `value`
  kDelta,  ///< the location's previous content is updated by `delta`
};

/// One write of a transaction. Only the member named by `kind` is meaningful.
template <LocationTraits T>
struct Write {
  typename T::Key key{};
  WriteKind kind = WriteKind::kValue;
  typename T::Value value{};
  typename T::Delta delta{};

  static Write full(typename T::Key k, typename T::Value v) {
    return {std::move(k), WriteKind::kValue, std::move(v), {}};
  }
  static Write add(typename T::Key k, typename T::Delta d) {
    return {std::move(k), WriteKind::kDelta, {}, std::move(d)};
  }
};

/// A transaction's writes; each key at most once (the last write of the key wins otherwise).
template <LocationTraits T>
using WriteSet = std::vector<Write<T>>;

/// Where a value that a transaction read came from; validation re-reads the location and
/// compares origins.
template <LocationTraits T>
struct ReadOrigin {
  enum class Base : uint8_t {
    kStorage,  ///< no lower transaction wrote a full value: the pre-block storage
    kVersion,  ///< the full write of `version`
  };
  Base base = Base::kStorage;
  Version version{};       // meaningful for kVersion
  bool has_delta = false;  // deltas of lower transactions were summed on top of the base
  typename T::Delta delta_sum{};

  friend bool operator==(const ReadOrigin& a, const ReadOrigin& b) {
    if (a.base != b.base || a.has_delta != b.has_delta) return false;
    if (a.base == Base::kVersion && !(a.version == b.version)) return false;
    return !a.has_delta || a.delta_sum == b.delta_sum;
  }
};

/// One entry of a read set.
template <LocationTraits T>
struct ReadRecord {
  typename T::Key key{};
  ReadOrigin<T> origin{};
  bool skip_deltas = false;  ///< read past additive deltas (MvMemory::read)
};

}  // namespace paraevm::parallel
