// Content hashes that identify a rule file or a submission exactly.
#pragma once
#include <string>
#include <string_view>

namespace activ {

/// Lower-case hex SHA-256 of the bytes (OpenSSL).
std::string sha256_hex(std::string_view bytes);

}  // namespace activ
