// Reading a whole file into memory, with the reason when it cannot be read.
#pragma once
#include <cstddef>
#include <limits>
#include <optional>
#include <string>

namespace activ {

/// No limit on the size read (one less than the largest size: reading takes one more).
inline constexpr size_t no_size_limit = std::numeric_limits<size_t>::max() - 1;

/// The file's bytes, or nullopt with `error` set to a human reason. Reading stops after
/// `max_bytes` + 1 bytes, so that a caller with a size limit sees that it is exceeded
/// without holding a huge file (or an endless one such as /dev/zero) in memory.
std::optional<std::string> read_whole_file(const std::string& path, std::string& error,
                                           size_t max_bytes = no_size_limit);

}  // namespace activ
