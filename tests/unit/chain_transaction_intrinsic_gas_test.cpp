// Intrinsic gas per revision, against hand-computed sums of the EIPs' constants.
#include <gtest/gtest.h>

#include "chain/intrinsic_gas.hpp"

namespace paraevm {
namespace {

Transaction call_with_data(Bytes data) {
  Transaction tx;
  tx.to = Address{};
  tx.data = std::move(data);
  return tx;
}

TEST(IntrinsicGas, PlainTransferIs21000InEveryRevision) {
  Transaction tx = call_with_data({});
  for (int r = 0; r < kRevisionCount; ++r) {
    const auto rev = static_cast<Revision>(r);
    EXPECT_EQ(intrinsic_gas(rev, tx).cost, 21000u) << revision_name(rev);
  }
}

TEST(IntrinsicGas, CalldataBytesBeforeAndAfterEip2028) {
  Transaction tx = call_with_data({0, 1, 2, 0, 0xff});  // 2 zero, 3 non-zero bytes
  EXPECT_EQ(intrinsic_gas(Revision::Frontier, tx).cost, 21000u + 2 * 4 + 3 * 68);
  EXPECT_EQ(intrinsic_gas(Revision::Petersburg, tx).cost, 21000u + 2 * 4 + 3 * 68);
  EXPECT_EQ(intrinsic_gas(Revision::Istanbul, tx).cost, 21000u + 2 * 4 + 3 * 16);
  EXPECT_EQ(intrinsic_gas(Revision::Osaka, tx).cost, 21000u + 2 * 4 + 3 * 16);
}

TEST(IntrinsicGas, CreationCostsFromHomesteadAndInitcodeWordsFromShanghai) {
  Transaction tx = call_with_data(Bytes(33, 1));  // 33 non-zero bytes = 2 words
  tx.to.reset();
  EXPECT_EQ(intrinsic_gas(Revision::Frontier, tx).cost, 21000u + 33 * 68);
  EXPECT_EQ(intrinsic_gas(Revision::Homestead, tx).cost, 53000u + 33 * 68);
  EXPECT_EQ(intrinsic_gas(Revision::Paris, tx).cost, 53000u + 33 * 16);
  EXPECT_EQ(intrinsic_gas(Revision::Shanghai, tx).cost, 53000u + 33 * 16 + 2 * 2);
}

TEST(IntrinsicGas, AccessListFromBerlin) {
  Transaction tx = call_with_data({});
  tx.type = TxType::AccessList;
  tx.access_list = {{Address{}, {1, 2}}, {Address{}, {3}}};  // 2 addresses, 3 keys
  EXPECT_EQ(intrinsic_gas(Revision::Berlin, tx).cost, 21000u + 2 * 2400 + 3 * 1900);
  EXPECT_EQ(intrinsic_gas(Revision::Cancun, tx).cost, 21000u + 2 * 2400 + 3 * 1900);
}

TEST(IntrinsicGas, AuthorizationsFromPrague) {
  Transaction tx = call_with_data({});
  tx.type = TxType::SetCode;
  tx.authorizations.resize(3);
  EXPECT_EQ(intrinsic_gas(Revision::Prague, tx).cost, 21000u + 3 * 25000);
}

TEST(IntrinsicGas, CalldataFloorFromPrague) {
  Transaction tx = call_with_data({0, 0, 7, 9});  // tokens: 2 + 4 * 2 = 10
  EXPECT_EQ(calldata_tokens(to_view(tx.data)), 10u);
  EXPECT_EQ(intrinsic_gas(Revision::Cancun, tx).floor, 0u);
  EXPECT_EQ(intrinsic_gas(Revision::Prague, tx).floor, 21000u + 10 * 10);
  EXPECT_EQ(intrinsic_gas(Revision::Prague, tx).cost, 21000u + 2 * 4 + 2 * 16);
  // The floor ignores creation, access-list and authorization costs.
  tx.to.reset();
  tx.access_list = {{Address{}, {1}}};
  EXPECT_EQ(intrinsic_gas(Revision::Osaka, tx).floor, 21000u + 10 * 10);
}

}  // namespace
}  // namespace paraevm
