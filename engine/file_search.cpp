// Files named on a command line, where a folder stands for the files of one kind under it.
#include "engine/file_search.hpp"

#include <algorithm>
#include <filesystem>

namespace activ {

namespace {

bool ends_with_one_of(const std::string& name, const std::vector<std::string>& endings) {
    return std::any_of(endings.begin(), endings.end(), [&](const std::string& ending) {
        return name.size() >= ending.size() &&
               name.compare(name.size() - ending.size(), ending.size(), ending) == 0;
    });
}

}  // namespace

std::vector<std::string> files_in(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& endings, const std::string& what,
                                  std::string& error) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code code;
        if (!fs::is_directory(path, code)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(path, code), end; !code && it != end;
             it.increment(code)) {
            if (ends_with_one_of(it->path().filename().string(), endings) &&
                it->is_regular_file(code)) {
                found.push_back(it->path().string());
            }
        }
        if (code) {
            error = path + ": cannot read the folder: " + code.message();
            return {};
        }
        if (found.empty()) {
            error = path + ": no " + what + " in this folder";
            return {};
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace activ
