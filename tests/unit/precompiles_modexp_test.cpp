// MODEXP (0x05): EIP-198, EIP-2565, EIP-7883 pricing, the EIP-7823 bound and edge cases.
#include <gtest/gtest.h>

#include "precompiles_test_util.hpp"

namespace paraevm {
namespace {

using test::unhex;

struct ModexpVector {
  const char* name;
  const char* input;
  const char* expected;
  int64_t gas_byzantium;  // -1: vector not given for EIP-198 pricing
  int64_t gas_berlin;
  int64_t gas_osaka;      // -1: not given for EIP-7883 pricing
};

// From go-ethereum core/vm/testdata/precompiles/modexp{,_eip2565,_eip7883}.json (inputs up to
// 700 bytes); the expected outputs and gas agree with the EIPs' worked examples.
constexpr ModexpVector kModexpVectors[] = {
    {"eip_example1",
     "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000"
     "0000000000000000000000000000000000000020000000000000000000000000000000000000000000000000"
     "000000000000002003fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2effffff"
     "fffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
     "0000000000000000000000000000000000000000000000000000000000000001",
     13056, 1360, -1},
    {"eip_example2",
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000020000000000000000000000000000000000000000000000000"
     "0000000000000020fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2effffffff"
     "fffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
     "0000000000000000000000000000000000000000000000000000000000000000",
     13056, 1360, -1},
    {"nagydani-1-square",
     "0000000000000000000000000000000000000000000000000000000000000040000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000040e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80"
     "a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb502fc9e1f6beb81516545975218075ec2"
     "af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c"
     "4f4a248c6b",
     "60008f1614cc01dcfb6bfb09c625cf90b47d4468db81b5f8b7a39d42f332eab9b2da8f2d95311648a8f243f4"
     "bb13cfb3d8f7f2a3c014122ebb3ed41b02783adc",
     204, 200, 500},
    {"nagydani-1-qube",
     "0000000000000000000000000000000000000000000000000000000000000040000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000040e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80"
     "a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb503fc9e1f6beb81516545975218075ec2"
     "af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c"
     "4f4a248c6b",
     "4834a46ba565db27903b1c720c9d593e84e4cbd6ad2e64b31885d944f68cd801f92225a8961c952ddf2797fa"
     "4701b330c85c4b363798100b921a1a22a46a7fec",
     204, 200, 500},
    {"nagydani-1-pow0x10001",
     "0000000000000000000000000000000000000000000000000000000000000040000000000000000000000000"
     "0000000000000000000000000000000000000003000000000000000000000000000000000000000000000000"
     "0000000000000040e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80"
     "a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5010001fc9e1f6beb8151654597521807"
     "5ec2af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22"
     "bf5c4f4a248c6b",
     "c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b8409128a5573e416d0ebe38f5f736"
     "766d9dc27143e4da981dfa4d67f7dc474cbee6d2",
     3276, 341, 2048},
    {"nagydani-2-square",
     "0000000000000000000000000000000000000000000000000000000000000080000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000080cad7d991a00047dd54d3399b6b0b937c718abddef7917c75b6681f40cc15e2be0003657d"
     "8d4c34167b2f0bbbca0ccaa407c2a6a07d50f1517a8f22979ce12a81dcaf707cc0cebfc0ce2ee84ee7f77c38"
     "b9281b9822a8d3de62784c089c9b18dcb9a2a5eecbede90ea788a862a9ddd9d609c2c52972d63e289e28f6a5"
     "90ffbf5102e6d893b80aeed5e6e9ce9afa8a5d5675c93a32ac05554cb20e9951b2c140e3ef4e433068cf0fb7"
     "3bc9f33af1853f64aa27a0028cbf570d7ac9048eae5dc7b28c87c31e5810f1e7fa2cda6adf9f1076dbc1ec12"
     "38560071e7efc4e9565c49be9e7656951985860a558a754594115830bcdb421f741408346dd5997bb01c2870"
     "87",
     "981dd99c3b113fae3e3eaa9435c0dc96779a23c12a53d1084b4f67b0b053a27560f627b873e3f16ad78f28c9"
     "4f14b6392def26e4d8896c5e3c984e50fa0b3aa44f1da78b913187c6128baa9340b1e9c9a0fd02cb78885e72"
     "576da4a8f7e5a113e173a7a2889fde9d407bd9f06eb05bc8fc7b4229377a32941a02bf4edcc06d70",
     665, 200, 512},
    {"nagydani-2-qube",
     "0000000000000000000000000000000000000000000000000000000000000080000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000080cad7d991a00047dd54d3399b6b0b937c718abddef7917c75b6681f40cc15e2be0003657d"
     "8d4c34167b2f0bbbca0ccaa407c2a6a07d50f1517a8f22979ce12a81dcaf707cc0cebfc0ce2ee84ee7f77c38"
     "b9281b9822a8d3de62784c089c9b18dcb9a2a5eecbede90ea788a862a9ddd9d609c2c52972d63e289e28f6a5"
     "90ffbf5103e6d893b80aeed5e6e9ce9afa8a5d5675c93a32ac05554cb20e9951b2c140e3ef4e433068cf0fb7"
     "3bc9f33af1853f64aa27a0028cbf570d7ac9048eae5dc7b28c87c31e5810f1e7fa2cda6adf9f1076dbc1ec12"
     "38560071e7efc4e9565c49be9e7656951985860a558a754594115830bcdb421f741408346dd5997bb01c2870"
     "87",
     "d89ceb68c32da4f6364978d62aaa40d7b09b59ec61eb3c0159c87ec3a91037f7dc6967594e530a69d049b64a"
     "dfa39c8fa208ea970cfe4b7bcd359d345744405afe1cbf761647e32b3184c7fbe87cee8c6c7ff3b378faba6c"
     "68b83b6889cb40f1603ee68c56b4c03d48c595c826c041112dc941878f8c5be828154afd4a16311f",
     665, 200, 512},
    {"nagydani-2-pow0x10001",
     "0000000000000000000000000000000000000000000000000000000000000080000000000000000000000000"
     "0000000000000000000000000000000000000003000000000000000000000000000000000000000000000000"
     "0000000000000080cad7d991a00047dd54d3399b6b0b937c718abddef7917c75b6681f40cc15e2be0003657d"
     "8d4c34167b2f0bbbca0ccaa407c2a6a07d50f1517a8f22979ce12a81dcaf707cc0cebfc0ce2ee84ee7f77c38"
     "b9281b9822a8d3de62784c089c9b18dcb9a2a5eecbede90ea788a862a9ddd9d609c2c52972d63e289e28f6a5"
     "90ffbf51010001e6d893b80aeed5e6e9ce9afa8a5d5675c93a32ac05554cb20e9951b2c140e3ef4e433068cf"
     "0fb73bc9f33af1853f64aa27a0028cbf570d7ac9048eae5dc7b28c87c31e5810f1e7fa2cda6adf9f1076dbc1"
     "ec1238560071e7efc4e9565c49be9e7656951985860a558a754594115830bcdb421f741408346dd5997bb01c"
     "287087",
     "ad85e8ef13fd1dd46eae44af8b91ad1ccae5b7a1c92944f92a19f21b0b658139e0cabe9c1f679507c2de354b"
     "f2c91ebd965d1e633978a830d517d2f6f8dd5fd58065d58559de7e2334a878f8ec6992d9b9e77430d4764e86"
     "3d77c0f87beede8f2f7f2ab2e7222f85cc9d98b8467f4bb72e87ef2882423ebdb6daf02dddac6db2",
     10649, 1365, 8192},
    {"nagydani-3-square",
     "0000000000000000000000000000000000000000000000000000000000000100000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000100c9130579f243e12451760976261416413742bd7c91d39ae087f46794062b8c239f2a74ab"
     "f3918605a0e046a7890e049475ba7fbb78f5de6490bd22a710cc04d30088179a919d86c2da62cf37f59d8f25"
     "8d2310d94c24891be2d7eeafaa32a8cb4b0cfe5f475ed778f45907dc8916a73f03635f233f7a77a00a3ec9ca"
     "6761a5bbd558a2318ecd0caa1c5016691523e7e1fa267dd35e70c66e84380bdcf7c0582f540174e572c41f81"
     "e93da0b757dff0b0fe23eb03aa19af0bdec3afb474216febaacb8d0381e631802683182b0fe72c2839253985"
     "0650b70509f54980241dc175191a35d967288b532a7a8223ce2440d010615f70df269501944d4ec16fe4a3cb"
     "02d7a85909174757835187cb52e71934e6c07ef43b4c46fc30bbcd0bc72913068267c54a4aabebb493922492"
     "820babdeb7dc9b1558fcf7bd82c37c82d3147e455b623ab0efa752fe0b3a67ca6e4d126639e645a0bf417568"
     "adbb2a6a4eef62fa1fa29b2a5a43bebea1f82193a7dd98eb483d09bb595af1fa9c97c7f41f5649d976aee3e5"
     "e59e2329b43b13bea228d4a93f16ba139ccb511de521ffe747aa2eca664f7c9e33da59075cc335afcd2bf3ae"
     "09765f01ab5a7c3e3938ec168b74724b5074247d200d9970382f683d6059b94dbc336603d1dfee714e4b447a"
     "c2fa1d99ecb4961da2854e03795ed758220312d101e1e3d87d5313a6d052aebde75110363d",
     "affc7507ea6d84751ec6b3f0d7b99dbcc263f33330e450d1b3ff0bc3d0874320bf4edd57debd587306988157"
     "958cb3cfd369cc0c9c198706f635c9e0f15d047df5cb44d03e2727f26b083c4ad8485080e1293f171c1ed52a"
     "ef5993a5815c35108e848c951cf1e334490b4a539a139e57b68f44fee583306f5b85ffa57206b3ee56604588"
     "58534e5386b9584af3c7f67806e84c189d695e5eb96e1272d06ec2df5dc5fabc6e94b793718c60c36be0a4d0"
     "31fc84cd658aa72294b2e16fc240aef70cb9e591248e38bd49c5a554d1afa01f38dab72733092f7555334bbe"
     "f6c8c430119840492380aa95fa025dcf699f0a39669d812b0c6946b6091e6e235337b6f8",
     1894, 341, 2048},
    {"nagydani-3-qube",
     "0000000000000000000000000000000000000000000000000000000000000100000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "0000000000000100c9130579f243e12451760976261416413742bd7c91d39ae087f46794062b8c239f2a74ab"
     "f3918605a0e046a7890e049475ba7fbb78f5de6490bd22a710cc04d30088179a919d86c2da62cf37f59d8f25"
     "8d2310d94c24891be2d7eeafaa32a8cb4b0cfe5f475ed778f45907dc8916a73f03635f233f7a77a00a3ec9ca"
     "6761a5bbd558a2318ecd0caa1c5016691523e7e1fa267dd35e70c66e84380bdcf7c0582f540174e572c41f81"
     "e93da0b757dff0b0fe23eb03aa19af0bdec3afb474216febaacb8d0381e631802683182b0fe72c2839253985"
     "0650b70509f54980241dc175191a35d967288b532a7a8223ce2440d010615f70df269501944d4ec16fe4a3cb"
     "03d7a85909174757835187cb52e71934e6c07ef43b4c46fc30bbcd0bc72913068267c54a4aabebb493922492"
     "820babdeb7dc9b1558fcf7bd82c37c82d3147e455b623ab0efa752fe0b3a67ca6e4d126639e645a0bf417568"
     "adbb2a6a4eef62fa1fa29b2a5a43bebea1f82193a7dd98eb483d09bb595af1fa9c97c7f41f5649d976aee3e5"
     "e59e2329b43b13bea228d4a93f16ba139ccb511de521ffe747aa2eca664f7c9e33da59075cc335afcd2bf3ae"
     "09765f01ab5a7c3e3938ec168b74724b5074247d200d9970382f683d6059b94dbc336603d1dfee714e4b447a"
     "c2fa1d99ecb4961da2854e03795ed758220312d101e1e3d87d5313a6d052aebde75110363d",
     "1b280ecd6a6bf906b806d527c2a831e23b238f89da48449003a88ac3ac7150d6a5e9e6b3be4054c7da11dd1e"
     "470ec29a606f5115801b5bf53bc1900271d7c3ff3cd5ed790d1c219a9800437a689f2388ba1a11d68f6a8e5b"
     "74e9a3b1fac6ee85fc6afbac599f93c391f5dc82a759e3c6c0ab45ce3f5d25d9b0c1bf94cf701ea6466fc9a4"
     "78dacc5754e593172b5111eeba88557048bceae401337cd4c1182ad9f700852bc8c99933a193f0b94cf1aedb"
     "efc48be3bc93ef5cb276d7c2d5462ac8bb0c8fe8923a1db2afe1c6b90d59c534994a6a633f0ead1d638fdc29"
     "3486bb634ff2c8ec9e7297c04241a61c37e3ae95b11d53343d4ba2b4cc33d2cfa7eb705e",
     1894, 341, 2048},
    {"nagydani-3-pow0x10001",
     "0000000000000000000000000000000000000000000000000000000000000100000000000000000000000000"
     "0000000000000000000000000000000000000003000000000000000000000000000000000000000000000000"
     "0000000000000100c9130579f243e12451760976261416413742bd7c91d39ae087f46794062b8c239f2a74ab"
     "f3918605a0e046a7890e049475ba7fbb78f5de6490bd22a710cc04d30088179a919d86c2da62cf37f59d8f25"
     "8d2310d94c24891be2d7eeafaa32a8cb4b0cfe5f475ed778f45907dc8916a73f03635f233f7a77a00a3ec9ca"
     "6761a5bbd558a2318ecd0caa1c5016691523e7e1fa267dd35e70c66e84380bdcf7c0582f540174e572c41f81"
     "e93da0b757dff0b0fe23eb03aa19af0bdec3afb474216febaacb8d0381e631802683182b0fe72c2839253985"
     "0650b70509f54980241dc175191a35d967288b532a7a8223ce2440d010615f70df269501944d4ec16fe4a3cb"
     "010001d7a85909174757835187cb52e71934e6c07ef43b4c46fc30bbcd0bc72913068267c54a4aabebb49392"
     "2492820babdeb7dc9b1558fcf7bd82c37c82d3147e455b623ab0efa752fe0b3a67ca6e4d126639e645a0bf41"
     "7568adbb2a6a4eef62fa1fa29b2a5a43bebea1f82193a7dd98eb483d09bb595af1fa9c97c7f41f5649d976ae"
     "e3e5e59e2329b43b13bea228d4a93f16ba139ccb511de521ffe747aa2eca664f7c9e33da59075cc335afcd2b"
     "f3ae09765f01ab5a7c3e3938ec168b74724b5074247d200d9970382f683d6059b94dbc336603d1dfee714e4b"
     "447ac2fa1d99ecb4961da2854e03795ed758220312d101e1e3d87d5313a6d052aebde75110363d",
     "37843d7c67920b5f177372fa56e2a09117df585f81df8b300fba245b1175f488c99476019857198ed459ed8d"
     "9799c377330e49f4180c4bf8e8f66240c64f65ede93d601f957b95b83efdee1e1bfde74169ff77002eaf078c"
     "71815a9220c80b2e3b3ff22c2f358111d816ebf83c2999026b6de50bfc711ff68705d2f40b753424aefc9f70"
     "f08d908b5a20276ad613b4ab4309a3ea72f0c17ea9df6b3367d44fb3acab11c333909e02e81ea2ed404a712d"
     "3ea96bba87461720e2d98723e7acd0520ac1a5212dbedcd8dc0c1abf61d4719e319ff4758a774790b8d463cd"
     "fe131d1b2dcfee52d002694e98e720cb6ae7ccea353bc503269ba35f0f63bf8d7b672a76",
     30310, 5461, 32768},
    {"marius-1-even",
     "0000000000000000000000000000000000000000000000000000000000000003000000000000000000000000"
     "00000000000000000000000000000000000000c1000000000000000000000000000000000000000000000000"
     "000000000000000cffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe000007d7d"
     "7d83828282348286877d7d827d407d797d7d7d7d7d7d7d7d7d7d7d5b00000000000000000000000000000000"
     "0000000000000000000000000000000300000000000000000000000000000000000000000000000000000000"
     "00000021000000000000000000000000000000000000000000000000000000000000000cffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffff4000007d7d7d83828282348286877d7d82",
     "36a385a417859b5e178d3ab9",
     -1, 2057, 45296},
    {"guido-1-even",
     "0000000000000000000000000000000000000000000000000000000000000010000000000000000000000000"
     "00000000000000000000000000000000000000d8000000000000000000000000000000000000000000000000"
     "0000000000000010ffffffffffffffff76ffffffffffffff1cffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7"
     "c7c76ec7c7c7c7ffffffffffffffc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7ffffffffffffc7c7"
     "c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c76ec7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7"
     "c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7ffffffffff3f000000000000000000000000",
     "c3745de81615f80088ffffffffffffff",
     -1, 2298, 51136},
    {"guido-2-even",
     "0000000000000000000000000000000000000000000000000000000000000010000000000000000000000000"
     "00000000000000000000000000000000000000d8000000000000000000000000000000000000000000000000"
     "0000000000000010e0060000a921212121212121ff0000212b212121ffff1f1f1f1f1f1f1f1f1f1f1f1f1f1f"
     "1f1f1f1f1f1f1f1f00feffff212121212121ffffffff1fe1e0e0e01e1f1f169f1f1f1f490afcefffffffffff"
     "ffffff82828282828282828282828282828282828282828200ffff28ff2b212121ffff1f1f1f1f1f1f1f1f1f"
     "1f1f1f1f1f1f1f1f1fffffffffff0afceffffff7ffffffffff7c8282828282a1828282828282828282828282"
     "828200ffff28ff2b212121ffff1f1f1f1f1f1fd11f1f1f1f1f1f1f1f1f1f1fffffffffffffffff2121212121"
     "2121fb2121212121ffff1f1f1f1f1f1f1f1fffaf82828282828200ffff28ff2b21828200",
     "458ef0af2549d46d24c89079499479e1",
     -1, 2300, 51152},
    {"guido-4-even",
     "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000"
     "0000000000000000000000000000000000000181000000000000000000000000000000000000000000000000"
     "000000000000000801ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffff2cffffffffffffffffffffffffffffffffffffffffffffffffffffffff3b10000000006c01ffff"
     "ffffffffffffffffffffffffffffffffffffffffffdffffb97ffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffff3bffffffffffffffffffffffffffffffffffffffffffffffffffffffffebafd9"
     "3b37ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffc5bb6affffffff3fffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff2a",
     "0000000000000001",
     -1, 1026, 94448},
    {"marcin-1-base-heavy",
     "00000000000000000000000000000000000000000000000000000000000000c0000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "00000000000000c0e8e77626586f73b955364c7b4bbf0bb7f7685ebd40e852b164633a4acbd3244c51f81bcd"
     "fc324a0dff2b5bec9d92e21cbebc4d5e29d3a3d30de3e03fbeab8d7f2ee5f854d076701c8753d72779187e40"
     "4f9b2fb705c495137d78551250314a463ef5a213fe22de1cea28d60f518364ff95fe0b73660793e3efcfbe31"
     "bda68aeccc21cc9477a6aea5df8cae73422b700c47e54d892691e099167e77befc94780a920ae4155769cd69"
     "c30626f054134b5f003772473f57f84837402df6d166e66303f01681d2220bfea4bb888a5543db8c0916274d"
     "db1ea93b144c042c01d8164c954b27ac388a17c8e9a7ba12a968f288f3308d6fe7bcdf28e685e9a2e00d8be1"
     "af19726b7662016d6404f9336493ad633777feb88c9d02a1d2428e566ac38f42c0bb66d2962ec349088ce0d0"
     "3b35bf27f6114414ef558c87ad8e543754a352f7dffcaca429690688595ab1d1b349d9295b480a82f43ac5c9"
     "112fe40720545cc78501cd8b42f3605212fe06a835c9cbc0328e07e94aedb2ac11f6d6649e7fcd8c43",
     "120cf297dbe810911c7d060e109e03699ccefa00a257d296c5a14b4180776c5f7c0d7f1cd789c69480768972"
     "9af267b53f00373f395dee264a3daba11fcac1fa8875aee0950acd8fa656f1fc58077a7549d794dd160506ec"
     "ea1acc9c0cda13795749c94f9973b683ce2162866e8d6b5b1165a4c7fa4234964d394d6ec4e0113698b89d17"
     "3e24a962dd7a41a1819b0fef188ef64e7ee264595dce0d76fbc3ba42d5de833b143c8744366effede8bc8197"
     "e8f747ff8cdbc0bf1a93560bec960ca9",
     -1, 200, 1152},
    {"marcin-1-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000008000000000000000000000000"
     "0000000000000000000000000000000000000051000000000000000000000000000000000000000000000000"
     "00000000000000080001020304050607ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffff0001020304050607",
     "0000000000000000",
     -1, 215, 16624},
    {"marcin-1-balanced",
     "0000000000000000000000000000000000000000000000000000000000000028000000000000000000000000"
     "0000000000000000000000000000000000000004000000000000000000000000000000000000000000000000"
     "0000000000000028e8e77626586f73b955364c7b4bbf0bb7f7685ebd40e852b164633a4acbd3244c00010203"
     "0405060701fffffff01681d2220bfea4bb888a5543db8c0916274ddb1ea93b144c042c01d8164c9500010203"
     "04050607",
     "1abce71dc2205cce4eb6934397a88136f94641342e283cbcd30e929e85605c6718ed67f475192ffd",
     -1, 200, 1200},
    {"marcin-2-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000010000000000000000000000000"
     "0000000000000000000000000000000000000050000000000000000000000000000000000000000000000000"
     "0000000000000010000102030405060708090a0b0c0d0e0fffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffff000102030405060708090a0b0c0d0e0f",
     "00000000000000000000000000000000",
     -1, 852, 16368},
    {"marcin-2-balanced",
     "0000000000000000000000000000000000000000000000000000000000000038000000000000000000000000"
     "0000000000000000000000000000000000000008000000000000000000000000000000000000000000000000"
     "0000000000000038e8e77626586f73b955364c7b4bbf0bb7f7685ebd40e852b164633a4acbd3244c00010203"
     "0405060708090a0b0c0d0e0f10111213141516172bfffffffffffffff01681d2220bfea4bb888a5543db8c09"
     "16274ddb1ea93b144c042c01d8164c95000102030405060708090a0b0c0d0e0f1011121314151617",
     "86bef3367fc7117c8a6b825cadebe80f3e94c321dda73e9e240b98188a1d5c071c60a195097c8d1fb85ce03a"
     "2e1b6964846edee5aa2c3f46",
     -1, 996, 5978},
    {"marcin-3-base-heavy",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000010000000000000000000000000000000000000000000000000"
     "0000000000000020e8e77626586f73b955364c7b4bbf0bb7f7685ebd40e852b164633a4acbd3244cffffffff"
     "fffffffffffffffffffffffff01681d2220bfea4bb888a5543db8c0916274ddb1ea93b144c042c01d8164c95",
     "4004762c491606a5132134da6086284f74cc8e14b08f18b90fc09f31bca3d78f",
     -1, 677, 2032},
    {"marcin-3-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000018000000000000000000000000"
     "0000000000000000000000000000000000000020000000000000000000000000000000000000000000000000"
     "0000000000000018000102030405060708090a0b0c0d0e0f1011121314151617ffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffff000102030405060708090a0b0c0d0e0f1011121314151617",
     "000000000000000000000000000000000000000000000000",
     -1, 765, 4080},
    {"marcin-3-balanced",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000020000000000000000000000000000000000000000000000000"
     "0000000000000020e8e77626586f73b955364c7b4bbf0bb7f7685ebd40e852b164633a4acbd3244cffffffff"
     "fffffffffffffffffffffffffffffffffffffffffffffffffffffffff01681d2220bfea4bb888a5543db8c09"
     "16274ddb1ea93b144c042c01d8164c95",
     "2d3feee20d394af68dd6744b86a8aca6a4a0b7f01bbcd3c3eec768245ca6acee",
     -1, 1360, 4080},
    {"mod-8-exp-648",
     "0000000000000000000000000000000000000000000000000000000000000008000000000000000000000000"
     "0000000000000000000000000000000000000051000000000000000000000000000000000000000000000000"
     "000000000000000800ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffff00",
     "00ffffffffffffff",
     -1, 215, 16624},
    {"mod-8-exp-896",
     "0000000000000000000000000000000000000000000000000000000000000008000000000000000000000000"
     "0000000000000000000000000000000000000070000000000000000000000000000000000000000000000000"
     "000000000000000800ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffff00",
     "00ffffffffffffff",
     -1, 298, 24560},
    {"mod-32-exp-32",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000004000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 200, 500},
    {"mod-32-exp-36",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000005000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0dffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 200, 560},
    {"mod-32-exp-40",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000005000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 208, 624},
    {"mod-32-exp-64",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000008000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 336, 1008},
    {"mod-32-exp-65",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000009000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff01ffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 341, 1024},
    {"mod-32-exp-128",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "0000000000000000000000000000000000000010000000000000000000000000000000000000000000000000"
     "000000000000002000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     -1, 677, 2032},
    {"mod-256-exp-2",
     "0000000000000000000000000000000000000000000000000000000000000100000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "000000000000010000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "03ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00",
     "02fd01000000000000000000000000000000fefffffffffffd03ff0000000000000000000000000000000000"
     "000000000000fefffffffffffd03ff0000000000000000000000000000000000000000000000feffffffffff"
     "fd03ff0000000000000000000000000000000000000000000000fefffffffffffd03ff000000000000000000"
     "0000000000000000000000000000fefffffffffffd03ff000000000000000000000000000000000000000000"
     "0000fefffffffffffd03ff0000000000000000000000000000000000000000000000fefffffffffffd03ff00"
     "00000000000000000000000000000000000000000000fefffffffffffd03feffffffffff",
     -1, 341, 2048},
    {"mod-264-exp-2",
     "0000000000000000000000000000000000000000000000000000000000000108000000000000000000000000"
     "0000000000000000000000000000000000000001000000000000000000000000000000000000000000000000"
     "000000000000010800ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffff03ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "00ffffffffffffff00",
     "0100fefffffffffffff710f80000000006f108000000000000feffffffffffff0100fefffffffffffef90ff8"
     "0000000105f008ffffffffff02fdffffffffffff0100feffffffffff00f80ff80000010101f407fffffffd06"
     "fc0000000000fd020000feffffffff00fff80ff8000101fa08f207fffffb0afa0000000001fb03000000feff"
     "ffff00fffff80ff80102f80405f207fff90ef80000000002f90400000000feffff00fffffff80ff903f60500"
     "05f207f712f60000000003f7050000000000feff00fffffffff810fcf406000005f1fd16f40000000004f506"
     "000000000000fe00fffffffffff915ea0700000005e522f20000000005f306ffffffffffffffffffffffffff",
     -1, 363, 2178},
    {"pawel-1-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000008000000000000000000000000"
     "0000000000000000000000000000000000000070000000000000000000000000000000000000000000000000"
     "0000000000000008ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffff",
     "2a02d5f86c2375ff",
     -1, 298, 24560},
    {"pawel-2-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000010000000000000000000000000"
     "0000000000000000000000000000000000000028000000000000000000000000000000000000000000000000"
     "0000000000000010ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     "823ef7dc60d6d9616756c48f69b7c4ff",
     -1, 425, 6128},
    {"pawel-3-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000018000000000000000000000000"
     "0000000000000000000000000000000000000015000000000000000000000000000000000000000000000000"
     "0000000000000018ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     "c817dd5aa60a41948eed409706c2aa97be3000d4da0261ff",
     -1, 501, 2672},
    {"pawel-4-exp-heavy",
     "0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000"
     "000000000000000000000000000000000000000c000000000000000000000000000000000000000000000000"
     "0000000000000020ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
     "2defaca0137d6edacbbd5d36d6ed70cbf8a998ffb19fc270d45a18d37e0f35ff",
     -1, 506, 1520},
    {"mod_vul_pawel_3_exp_8",
     "0000000000000000000000000000000000000000000000000000000000000017000000000000000000000000"
     "0000000000000000000000000000000000000008000000000000000000000000000000000000000000000000"
     "0000000000000017bffffffffffffffffffffffffffffffffffffffffffffbffffffffffffffffff7fffffff"
     "fffffffffffffffffffffffffffffffffffe",
     "200f14de1d474710c1c979920452e0ffc2ac6f618afba5",
     -1, 200, 1008},
};

constexpr uint16_t kModexp = 0x05;

void check(Revision rev, const ModexpVector& v, int64_t gas) {
  if (gas < 0) return;
  test::Vector tv{v.name, v.input, v.expected, gas};
  test::check_vector(kModexp, rev, tv);
}

TEST(Modexp, VectorsByzantium) {
  for (const auto& v : kModexpVectors) check(Revision::Byzantium, v, v.gas_byzantium);
}
TEST(Modexp, VectorsIstanbulKeepsEip198) {
  for (const auto& v : kModexpVectors) check(Revision::Istanbul, v, v.gas_byzantium);
}
TEST(Modexp, VectorsBerlin) {
  for (const auto& v : kModexpVectors) check(Revision::Berlin, v, v.gas_berlin);
}
TEST(Modexp, VectorsPrague) {
  for (const auto& v : kModexpVectors) check(Revision::Prague, v, v.gas_berlin);
}
TEST(Modexp, VectorsOsaka) {
  for (const auto& v : kModexpVectors) check(Revision::Osaka, v, v.gas_osaka);
}

/// Header of lengths followed by `tail` hex.
Bytes call_data(uint64_t base_len, uint64_t exp_len, uint64_t mod_len, std::string_view tail) {
  Bytes in(96, 0);
  for (int i = 0; i < 8; ++i) {
    in[24 + i] = static_cast<uint8_t>(base_len >> (56 - 8 * i));
    in[56 + i] = static_cast<uint8_t>(exp_len >> (56 - 8 * i));
    in[88 + i] = static_cast<uint8_t>(mod_len >> (56 - 8 * i));
  }
  Bytes t = unhex(tail);
  in.insert(in.end(), t.begin(), t.end());
  return in;
}

PrecompileResult call(Revision rev, const Bytes& in, int64_t gas = 10'000'000) {
  return run_precompile(rev, test::precompile_address(kModexp), in, gas);
}

TEST(Modexp, EmptyInput) {
  // All lengths zero: empty output; minimum gas per revision (0, 200, 500).
  const Bytes in;
  auto r = call(Revision::Byzantium, in, 1000);
  ASSERT_TRUE(r.success);
  EXPECT_TRUE(r.output.empty());
  EXPECT_EQ(r.gas_left, 1000);
  EXPECT_EQ(call(Revision::Berlin, in, 1000).gas_left, 800);
  EXPECT_EQ(call(Revision::Osaka, in, 1000).gas_left, 500);
}

TEST(Modexp, ModulusZeroAndOne) {
  // 3^5 mod 0 -> zeros of mod_len; mod 1 -> 0.
  auto r = call(Revision::Berlin, call_data(1, 1, 2, "03050000"));
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0, 0}));
  r = call(Revision::Berlin, call_data(1, 1, 2, "03050001"));
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0, 0}));
}

TEST(Modexp, ExponentZero) {
  // x^0 = 1 (also 0^0), reduced mod m.
  auto r = call(Revision::Berlin, call_data(1, 1, 1, "07" "00" "05"));
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({1}));
  r = call(Revision::Berlin, call_data(0, 0, 1, "05"));
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({1}));
}

TEST(Modexp, ShortInputReadsZeros) {
  // base = 0x02, exp = 0x03 and the modulus truncated: its declared 2 bytes "01" + padding are
  // 0x0100 = 256; 2^3 mod 256 = 8.
  auto r = call(Revision::Berlin, call_data(1, 1, 2, "020301"));
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0, 8}));
}

TEST(Modexp, HugeExponentLengthWithZeroLengthsIsCheapBeforeOsaka) {
  // exp_len = 2^256 - 1, base_len = mod_len = 0: the complexity is 0, so EIP-198 charges 0 and
  // EIP-2565 its minimum 200; output empty. Osaka rejects the length (EIP-7823).
  Bytes in(96, 0);
  std::fill(in.begin() + 32, in.begin() + 64, 0xff);
  auto r = call(Revision::Byzantium, in, 0);
  EXPECT_TRUE(r.success);
  EXPECT_TRUE(r.output.empty());
  r = call(Revision::Berlin, in, 200);
  EXPECT_TRUE(r.success);
  EXPECT_EQ(r.gas_left, 0);
  EXPECT_FALSE(call(Revision::Osaka, in, 10'000'000).success);
}

TEST(Modexp, ZeroModulusDoesNotLoadAnExponentPastTheInput) {
  // Found by fuzz_modexp (a 12 s input): base_len 0, exp_len 32 MiB, mod_len 1 in a 112-byte
  // call. The modulus lies past the input, so it is 0 and the output one zero byte; the
  // exponent (16 bytes present, then 32 MiB of zero padding) must not be materialized. With
  // exp_len = 2^40 (1 TiB, affordable only with an unrealistic gas limit) loading it aborts.
  Bytes in = call_data(0, 1ULL << 25, 1, "ffffffffffffffffffffffffffffffff");
  auto r = call(Revision::Petersburg, in, 20'000'000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0}));
  EXPECT_EQ(r.gas_left, 20'000'000 - (255 + 8 * ((int64_t{1} << 25) - 32)) / 20);  // head: 256 bits
  in = call_data(0, 1ULL << 40, 1, "ffffffffffffffffffffffffffffffff");
  r = call(Revision::Petersburg, in, INT64_MAX);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0}));
  r = call(Revision::Berlin, in, INT64_MAX);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.output, Bytes({0}));
}

TEST(Modexp, HugeLengthsRunOutOfGas) {
  // Lengths that do not fit 64 bits make the gas unaffordable instead of overflowing.
  Bytes in(96, 0);
  in[0] = 1;  // base_len = 2^248
  in[95] = 1;
  EXPECT_FALSE(call(Revision::Byzantium, in, INT64_MAX).success);
  EXPECT_FALSE(call(Revision::Berlin, in, INT64_MAX).success);
  Bytes in2 = call_data(1, 1, 1ULL << 40, "0203");
  EXPECT_FALSE(call(Revision::Berlin, in2, INT64_MAX / 2).success);
}

TEST(Modexp, Eip7823Bound) {
  // 1024-byte lengths are allowed in Osaka, 1025 are not (whatever the gas).
  const Bytes ok = call_data(1024, 1, 1, "");
  const Bytes too_big_base = call_data(1025, 1, 1, "");
  const Bytes too_big_exp = call_data(1, 1025, 1, "");
  const Bytes too_big_mod = call_data(1, 1, 1025, "");
  EXPECT_TRUE(call(Revision::Osaka, ok).success);
  EXPECT_FALSE(call(Revision::Osaka, too_big_base).success);
  EXPECT_FALSE(call(Revision::Osaka, too_big_exp).success);
  EXPECT_FALSE(call(Revision::Osaka, too_big_mod).success);
  EXPECT_TRUE(call(Revision::Prague, too_big_mod).success);
}

TEST(Modexp, Eip7883GasExamples) {
  // Osaka: max(500, complexity * iterations); complexity 16 for <= 32 bytes, 2*words^2 above;
  // 16 iterations per exponent byte past 32.
  // 32-byte operands, exponent 2^255 (head bit length 256): 16 * 255 = 4080.
  std::string tail = std::string(64, '0') + "80" + std::string(62, '0') + std::string(62, '0') + "07";
  auto r = call(Revision::Osaka, call_data(32, 32, 32, tail), 100000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(100000 - r.gas_left, 4080);
  // 64-byte modulus (8 words): 2*64 = 128 per iteration; a 40-byte exponent whose first 32
  // bytes are zero: 16*8 + 0 = 128 iterations -> 16384.
  std::string exp = std::string(78, '0') + "01";
  r = call(Revision::Osaka, call_data(0, 40, 64, exp + std::string(126, '0') + "05"), 100000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(100000 - r.gas_left, 16384);
}

}  // namespace
}  // namespace paraevm
