// Block RLP: header and block decoding (every fork's optional trailing header fields), header
// encoding and the block hash keccak256(rlp(header)).
#pragma once

#include <optional>
#include <string>

#include "base/bytes.hpp"
#include "base/rlp.hpp"
#include "chain/block.hpp"

namespace paraevm {

/// Encodes a header (optional fields emitted while present, in fork order).
Bytes encode_header(const BlockHeader& header);
/// keccak256(rlp(header)).
Hash block_hash(const BlockHeader& header);

/// Decodes a header list. Throws RlpError on malformed RLP or a bad field count.
BlockHeader decode_header(RlpReader& reader);

/// A decoded block with the encodings it was hashed from.
struct DecodedBlock {
  Block block;
  Hash hash;         ///< keccak256 of the header's encoding as received
  Hash ommers_hash;  ///< keccak256 of the ommers list as received
  size_t encoded_size = 0;
};

/// Decodes a full block [header, transactions, ommers, (withdrawals)]. On failure returns
/// nullopt and sets `error` (when given) to what was wrong and where.
std::optional<DecodedBlock> decode_block(BytesView encoded, std::string* error = nullptr);

}  // namespace paraevm
