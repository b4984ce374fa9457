#include "workload/third_party_contracts.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "base/hex.hpp"

namespace paraevm::workload {
namespace {

/// Byte-aligned occurrences of `needle` in `hex`.
std::vector<size_t> find_aligned(std::string_view hex, std::string_view needle) {
  std::vector<size_t> at;
  for (size_t pos = hex.find(needle); pos != std::string_view::npos;
       pos = hex.find(needle, pos + 1))
    if (pos % 2 == 0) at.push_back(pos);
  return at;
}

/// The file's hex, lower-cased, without surrounding white space or 0x; throws naming the file.
std::string read_hex_file(const std::filesystem::path& file,
                          std::initializer_list<std::string_view> placeholders) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(name + ": missing or unreadable");
  std::ostringstream content;
  content << in.rdbuf();
  std::string hex = content.str();
  const size_t first = hex.find_first_not_of(" \t\r\n");
  const size_t last = hex.find_last_not_of(" \t\r\n");
  hex = first == std::string::npos ? "" : hex.substr(first, last - first + 1);
  if (hex.rfind("0x", 0) == 0) hex.erase(0, 2);
  if (hex.empty()) throw std::runtime_error(name + ": empty, expected runtime bytecode as hex");
  for (size_t i = 0; i < hex.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(hex[i])))
      throw std::runtime_error(name + ": not hex: character " + std::to_string(i + 1) +
                               " is not a hex digit");
    hex[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(hex[i])));
  }
  if (hex.size() % 2 != 0) throw std::runtime_error(name + ": not hex: odd number of digits");
  for (std::string_view p : placeholders)
    if (find_aligned(hex, p).empty())
      throw std::runtime_error(name + ": immutable placeholder " + std::string(p) +
                               " not found (not the expected contract build?)");
  return hex;
}

}  // namespace

ThirdPartyContracts load_third_party_contracts(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw std::runtime_error(dir.string() + ": contracts folder not found");
  using namespace placeholder;
  ThirdPartyContracts out;
  out.erc20_token = read_hex_file(dir / "ERC20Token.hex", {});
  out.weth9 = read_hex_file(dir / "WETH9.hex", {});
  out.factory = read_hex_file(dir / "UniswapV3Factory.hex", {kFactorySelf});
  out.pool =
      read_hex_file(dir / "UniswapV3Pool.hex", {kPoolToken0, kPoolToken1, kPoolFactory, kPoolSelf});
  out.router = read_hex_file(dir / "SwapRouter.hex",
                             {kRouterWeth9, kRouterFactory, kRouterPoolInitCodeHash});
  out.single_swap = read_hex_file(dir / "SingleSwap.hex", {kSingleSwapRouter});
  return out;
}

Bytes instantiate(std::string_view hex, std::initializer_list<Immutable> immutables) {
  std::string code(hex);
  for (const Immutable& imm : immutables) {
    if (imm.value.size() != imm.placeholder.size())
      throw std::invalid_argument("instantiate: value for " + std::string(imm.placeholder) +
                                  " has the wrong length");
    const std::vector<size_t> at = find_aligned(code, imm.placeholder);
    if (at.empty())
      throw std::invalid_argument("instantiate: placeholder " + std::string(imm.placeholder) +
                                  " not found");
    for (size_t pos : at) code.replace(pos, imm.value.size(), imm.value);
  }
  auto bytes = from_hex(code);
  if (!bytes) throw std::invalid_argument("instantiate: not hex");
  return std::move(*bytes);
}

std::string immutable_value(BytesView bytes) { return to_hex(bytes, false); }

}  // namespace paraevm::workload
