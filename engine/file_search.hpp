// Files named on a command line, where a folder stands for the files of one kind under it.
#pragma once
#include <string>
#include <vector>

namespace activ {

/// The files named by `paths`: a file as it is (a missing one is reported when it is
/// read); a folder, every regular file under it (recursively) whose name ends with one of
/// `endings`, sorted by path. `error` names a folder that cannot be read or holds none,
/// saying which files were looked for (`what`, e.g. "convention file (*.yaml, *.yml)").
std::vector<std::string> files_in(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& endings, const std::string& what,
                                  std::string& error);

}  // namespace activ
