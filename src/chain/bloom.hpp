// The 2048-bit logs bloom filter of receipts and block headers (Yellow Paper, section 4.3.1).
#pragma once

#include <span>

#include "base/bytes.hpp"
#include "base/uint256.hpp"
#include "state/log.hpp"

namespace paraevm {

using Bloom = FixedBytes<256>;

/// Adds one entry (an address or a topic) to the bloom: three bits chosen from its keccak256.
void bloom_add(Bloom& bloom, BytesView entry);

/// Adds a log's address and topics.
void bloom_add_log(Bloom& bloom, const Address& address, std::span<const U256> topics);

/// The bloom of a receipt's logs (their addresses and topics).
Bloom bloom_of_logs(std::span<const Log> logs);

/// bloom |= other (a block's bloom is the union of its receipts' blooms).
void bloom_merge(Bloom& bloom, const Bloom& other);

}  // namespace paraevm
