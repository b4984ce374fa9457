// Transaction encodings: the canonical (signed) encoding of every type, its decoding with strict
// validation, the transaction hash and the per-type signing hash.
//
// Canonical encoding: legacy transactions are the RLP list [nonce, gasPrice, gas, to, value,
// data, v, r, s]; typed ones (EIP-2718) are `type || rlp(fields)` with type 1 (EIP-2930),
// 2 (EIP-1559), 3 (EIP-4844) or 4 (EIP-7702). Inside a block body a typed transaction is wrapped
// in an RLP byte string.
#pragma once

#include <optional>
#include <string>

#include "base/bytes.hpp"
#include "base/rlp.hpp"
#include "chain/transaction.hpp"

namespace paraevm {

/// Decodes a canonical transaction encoding. Rejects non-canonical RLP, wrong field counts,
/// integers wider than their field (nonce and gas 64 bits, amounts 256 bits), `to` that is
/// neither empty nor 20 bytes (types 3 and 4: not 20 bytes), access-list addresses and keys of
/// the wrong size, a typed y_parity other than 0 or 1, unknown types and trailing bytes.
/// Signature values are range-checked by sender recovery (chain/sender.hpp), not here.
/// On failure returns nullopt and, when `error` is given, says which field and why.
std::optional<Transaction> decode_transaction(BytesView encoded, std::string* error = nullptr);

/// Decodes one item of a block body's transaction list: a legacy RLP list, or an RLP byte
/// string holding a typed envelope.
std::optional<Transaction> decode_block_transaction(const RlpItem& item,
                                                    std::string* error = nullptr);

/// The canonical encoding of a signed transaction.
Bytes encode_transaction(const Transaction& tx);
/// Appends `tx` as an item of a block body's transaction list.
void encode_block_transaction(RlpEncoder& out, const Transaction& tx);

/// keccak256 of the canonical encoding.
Hash transaction_hash(const Transaction& tx);

/// The hash the sender signs: legacy without chain id rlp([nonce, gasPrice, gas, to, value,
/// data]); legacy with chain id (EIP-155) the same list plus [chainId, 0, 0]; typed
/// keccak256(type || rlp(fields without the signature)).
Hash signing_hash(const Transaction& tx);

/// The hash an EIP-7702 authority signs: keccak256(0x05 || rlp([chain_id, address, nonce])).
Hash authorization_signing_hash(const Authorization& auth);

}  // namespace paraevm
