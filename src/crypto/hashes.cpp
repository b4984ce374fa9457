#include "crypto/hashes.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace paraevm {

Hash sha256(BytesView data) {
  Hash out;
  SHA256(data.data(), data.size(), out.data());
  return out;
}

FixedBytes<20> ripemd160(BytesView data) {
  // OpenSSL 3 keeps RIPEMD-160 in the default provider (since 3.0.7); EVP_Digest uses it.
  FixedBytes<20> out;
  unsigned len = 0;
  if (!EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_ripemd160(), nullptr) || len != 20)
    throw std::runtime_error("ripemd160: OpenSSL digest unavailable");
  return out;
}

}  // namespace paraevm
