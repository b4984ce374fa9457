// Transaction encoding, decoding, hashing and sender recovery: the EIP-155 example, signed
// round trips of every type, and rejections of malformed encodings.
#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "chain/sender.hpp"
#include "chain/transaction_codec.hpp"
#include "crypto/secp256k1.hpp"

namespace paraevm {
namespace {

Bytes hex(std::string_view s) { return *from_hex(s); }
Bytes32 key(uint8_t fill) {
  Bytes32 k;
  k.bytes.fill(fill);
  return k;
}

// The worked example of EIP-155 (chain id 1, private key 0x4646...46).
Transaction eip155_example() {
  Transaction tx;
  tx.nonce = 9;
  tx.gas_price = 20'000'000'000ULL;
  tx.gas_limit = 21000;
  tx.to = *fixed_from_hex<20>("3535353535353535353535353535353535353535");
  tx.value = 1'000'000'000'000'000'000ULL;
  tx.chain_id = 1;
  return tx;
}

TEST(TransactionCodec, Eip155Example) {
  Transaction tx = eip155_example();
  EXPECT_EQ(to_hex(signing_hash(tx)),
            "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  auto sig = sign(signing_hash(tx), key(0x46));
  ASSERT_TRUE(sig);
  tx.v = U256{37} + U256{sig->recovery_id};
  tx.r = sig->r;
  tx.s = sig->s;
  const Bytes expected = hex(
      "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
      "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70330"
      "4b3800ccf555c9f3dc64214b297fb1966a3b6d83");
  EXPECT_EQ(encode_transaction(tx), expected);

  std::string error;
  auto decoded = decode_transaction(to_view(expected), &error);
  ASSERT_TRUE(decoded) << error;
  EXPECT_EQ(decoded->chain_id, U256{1});
  auto sender = recover_sender(*decoded, Revision::SpuriousDragon, 1);
  ASSERT_TRUE(sender.ok());
  EXPECT_EQ(sender.sender, address_from_private_key(key(0x46)));
  // Replay protection is unknown before Spurious Dragon, and binds the chain id after it.
  EXPECT_EQ(recover_sender(*decoded, Revision::TangerineWhistle, 1).error,
            SenderError::InvalidSignature);
  EXPECT_EQ(recover_sender(*decoded, Revision::Cancun, 5).error, SenderError::InvalidChainId);
}

Transaction sample(TxType type) {
  Transaction tx;
  tx.type = type;
  tx.chain_id = 1;
  tx.nonce = 7;
  tx.gas_price = 1000;
  tx.max_fee_per_gas = 1000;
  tx.max_priority_fee_per_gas = 3;
  tx.gas_limit = 100000;
  tx.to = *fixed_from_hex<20>("00000000000000000000000000000000000000aa");
  tx.value = 5;
  tx.data = {0, 1, 2, 3};
  if (type != TxType::Legacy) tx.access_list = {{Address{}, {1, U256::max()}}, {*tx.to, {}}};
  if (type == TxType::Blob) {
    tx.max_fee_per_blob_gas = 9;
    Hash h;
    h[0] = 1;
    tx.blob_versioned_hashes = {h, h};
  }
  if (type == TxType::SetCode) {
    Authorization a;
    a.chain_id = 1;
    a.address = *tx.to;
    a.nonce = 3;
    auto sig = sign(authorization_signing_hash(a), key(0x22));
    a.y_parity = sig->recovery_id;
    a.r = sig->r;
    a.s = sig->s;
    tx.authorizations = {a};
  }
  return tx;
}

void sign_tx(Transaction& tx, const Bytes32& k) {
  auto sig = sign(signing_hash(tx), k);
  ASSERT_TRUE(sig);
  tx.v = tx.type == TxType::Legacy ? U256{35 + 2} + U256{sig->recovery_id} : U256{sig->recovery_id};
  tx.r = sig->r;
  tx.s = sig->s;
}

TEST(TransactionCodec, SignedRoundTripOfEveryType) {
  for (TxType type : {TxType::Legacy, TxType::AccessList, TxType::DynamicFee, TxType::Blob,
                      TxType::SetCode}) {
    SCOPED_TRACE(static_cast<int>(type));
    Transaction tx = sample(type);
    sign_tx(tx, key(0x11));
    const Bytes enc = encode_transaction(tx);
    if (type != TxType::Legacy) {
      EXPECT_EQ(enc[0], static_cast<uint8_t>(type));
    }
    std::string error;
    auto dec = decode_transaction(to_view(enc), &error);
    ASSERT_TRUE(dec) << error;
    EXPECT_EQ(encode_transaction(*dec), enc);
    EXPECT_EQ(transaction_hash(*dec), transaction_hash(tx));
    EXPECT_EQ(dec->access_list.size(), tx.access_list.size());
    EXPECT_EQ(dec->blob_versioned_hashes, tx.blob_versioned_hashes);
    EXPECT_EQ(dec->authorizations.size(), tx.authorizations.size());
    auto s = recover_sender(*dec, Revision::Osaka, 1);
    ASSERT_TRUE(s.ok()) << sender_error_name(s.error);
    EXPECT_EQ(s.sender, address_from_private_key(key(0x11)));
    if (type == TxType::SetCode) {
      EXPECT_EQ(recover_authority(dec->authorizations[0]), address_from_private_key(key(0x22)));
    }

    // Inside a block body typed transactions are byte strings, legacy ones lists.
    RlpEncoder body;
    encode_block_transaction(body, tx);
    const RlpItem item = rlp_decode_single(body.view());
    EXPECT_EQ(item.is_list, type == TxType::Legacy);
    auto from_block = decode_block_transaction(item, &error);
    ASSERT_TRUE(from_block) << error;
    EXPECT_EQ(encode_transaction(*from_block), enc);
  }
}

TEST(TransactionCodec, RejectsMalformedEncodings) {
  Transaction blob = sample(TxType::Blob);
  sign_tx(blob, key(0x11));
  Bytes enc = encode_transaction(blob);
  std::string error;
  // Trailing byte, truncated input, unknown type, empty input, RLP string instead of a list.
  Bytes trailing = enc;
  trailing.push_back(0);
  EXPECT_FALSE(decode_transaction(to_view(trailing), &error));
  EXPECT_FALSE(decode_transaction(BytesView(enc.data(), enc.size() - 1), &error));
  Bytes unknown = enc;
  unknown[0] = 5;
  EXPECT_FALSE(decode_transaction(to_view(unknown), &error));
  EXPECT_NE(error.find("type"), std::string::npos) << error;
  EXPECT_FALSE(decode_transaction({}, &error));
  EXPECT_FALSE(decode_transaction(to_view(hex("8180")), &error));

  // A blob transaction cannot create: an empty `to` does not decode.
  blob.to.reset();
  EXPECT_FALSE(decode_transaction(to_view(encode_transaction(blob)), &error));
  EXPECT_NE(error.find("to"), std::string::npos) << error;

  // Typed y_parity must be 0 or 1.
  Transaction dyn = sample(TxType::DynamicFee);
  sign_tx(dyn, key(0x11));
  dyn.v = 2;
  EXPECT_FALSE(decode_transaction(to_view(encode_transaction(dyn)), &error));
  EXPECT_NE(error.find("yParity"), std::string::npos) << error;
}

TEST(TransactionCodec, SignatureRanges) {
  Transaction tx = sample(TxType::Legacy);
  tx.chain_id.reset();
  auto sig = sign(signing_hash(tx), key(0x33));
  tx.v = U256{27} + U256{sig->recovery_id};
  tx.r = sig->r;
  tx.s = sig->s;
  ASSERT_TRUE(recover_sender(tx, Revision::Frontier, 1).ok());
  // The same signature with s' = n - s (the other valid s, recovery id flipped) is accepted in
  // Frontier and rejected from Homestead (EIP-2); one of s, n - s is always above n / 2.
  Transaction high = tx;
  high.s = kSecp256k1N - tx.s;
  high.v = U256{27} + U256{1u - sig->recovery_id};
  const Transaction& above = tx.s > kSecp256k1HalfN ? tx : high;
  EXPECT_TRUE(recover_sender(above, Revision::Frontier, 1).ok());
  EXPECT_EQ(recover_sender(above, Revision::Homestead, 1).error, SenderError::InvalidSignature);
  EXPECT_EQ(recover_sender(high, Revision::Frontier, 1).sender,
            recover_sender(tx, Revision::Frontier, 1).sender);
  // r = 0, s = n, v = 29 are invalid.
  Transaction bad = tx;
  bad.r = 0;
  EXPECT_FALSE(recover_sender(bad, Revision::Frontier, 1).ok());
  bad = tx;
  bad.s = kSecp256k1N;
  EXPECT_FALSE(recover_sender(bad, Revision::Frontier, 1).ok());
  bad = tx;
  bad.v = 29;
  EXPECT_FALSE(recover_sender(bad, Revision::Cancun, 1).ok());
}

}  // namespace
}  // namespace paraevm
