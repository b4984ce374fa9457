// SHA-256 and RIPEMD-160 through OpenSSL.
#pragma once

#include "base/bytes.hpp"

namespace paraevm {

Hash sha256(BytesView data);
/// RIPEMD-160 digest (20 bytes).
FixedBytes<20> ripemd160(BytesView data);

}  // namespace paraevm
