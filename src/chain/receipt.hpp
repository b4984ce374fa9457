// Receipt encoding and the receipts root (EIP-2718 typed receipts; status from Byzantium,
// EIP-658; before it the intermediate state root).
#pragma once

#include <span>

#include "chain/block_executor.hpp"
#include "evm/revision.hpp"

namespace paraevm {

/// The consensus encoding of a receipt: rlp([status, cumulative_gas, bloom, logs]) prefixed by
/// the type byte for typed transactions. `post_state` replaces the status before Byzantium.
Bytes encode_receipt(const TxReceipt& receipt, uint64_t cumulative_gas, const Bloom& bloom,
                     const Hash* post_state = nullptr);

/// Root of the trie rlp(index) -> encoded receipt, from Byzantium on (status receipts).
Hash receipts_root(const BlockExecution& execution);

}  // namespace paraevm
