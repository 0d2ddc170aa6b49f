// Test support: a fresh folder under the system's temporary folder, removed with the object.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>

namespace activ::testing {

struct TempFolder {
    std::filesystem::path path;
    /// /tmp/NAME-PID, emptied first: a test run left behind by a crash does not count.
    explicit TempFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace activ::testing
