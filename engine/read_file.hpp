// Reading a whole file into memory, with the reason when it cannot be read.
#pragma once
#include <optional>
#include <string>

namespace activ {

/// The file's bytes, or nullopt with `error` set to a human reason.
std::optional<std::string> read_whole_file(const std::string& path, std::string& error);

}  // namespace activ
