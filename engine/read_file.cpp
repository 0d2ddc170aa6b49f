// Whole-file reads for rule files and conventions.
#include "engine/read_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace activ {

std::optional<std::string> read_whole_file(const std::string& path, std::string& error,
                                           size_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a folder, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::string content;
    const size_t wanted = max_bytes + 1;
    char buffer[64 * 1024];
    while (content.size() < wanted && in) {
        in.read(buffer,
                static_cast<std::streamsize>(std::min(sizeof buffer, wanted - content.size())));
        content.append(buffer, static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return content;
}

}  // namespace activ
