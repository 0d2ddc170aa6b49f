// Conventions named on a command line, as sources to read when their turn comes.
#include "engine/convention_source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "engine/file_search.hpp"
#include "engine/read_file.hpp"

namespace activ {

namespace {

bool is_jsonl(const std::string& path, const std::string& input) {
    if (!input.empty()) return input == "jsonl";
    return path.size() >= 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

/// Reads `size` bytes of `path` from `offset`; false when there are not as many.
bool read_at(const std::string& path, size_t offset, char* out, size_t size) {
    int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    size_t done = 0;
    while (done < size) {
        ssize_t const got = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        done += static_cast<size_t>(got);
    }
    ::close(fd);
    return done == size;
}

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// One source per line that holds something, found in a stream read once.
template <class AddLine>
void split_lines(std::istream& in, AddLine add) {
    std::string line;
    size_t offset = 0;
    int lines_before = 0;
    while (std::getline(in, line)) {
        bool const ended = !in.eof();
        if (!blank(line)) add(offset, line.size(), lines_before);
        offset += line.size() + (ended ? 1 : 0);
        ++lines_before;
    }
}

/// "national.jsonl:17", as reports name a line of a batch, when no file has that name:
/// the batch and the line. Any other path: nullopt.
std::optional<std::pair<std::string, int>> batch_line(const std::string& path,
                                                      const std::string& input) {
    size_t const colon = path.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == path.size()) return std::nullopt;
    std::string file = path.substr(0, colon);
    if (!is_jsonl(file, input)) return std::nullopt;
    std::error_code ec;
    if (std::filesystem::exists(path, ec) || !std::filesystem::is_regular_file(file, ec))
        return std::nullopt;
    int line = 0;
    const char* const end = path.data() + path.size();
    auto const [stop, failed] = std::from_chars(path.data() + colon + 1, end, line);
    if (failed != std::errc{} || stop != end || line < 1) return std::nullopt;
    return std::make_pair(std::move(file), line);
}

}  // namespace

std::vector<ConventionSource> convention_sources(const std::vector<std::string>& paths,
                                                 const std::string& input, std::string& error) {
    struct File {
        std::string path;
        int only_line = 0;  // a batch of which just this line is read; 0: every line
    };
    std::vector<File> files;
    for (const auto& p : paths) {
        if (p == "-") {
            files.push_back({p});
            continue;
        }
        if (auto batch = batch_line(p, input)) {
            files.push_back({std::move(batch->first), batch->second});
            continue;
        }
        std::vector<std::string> found = files_in(
            {p}, {".yaml", ".yml", ".json", ".jsonl"},
            "convention file (*.yaml, *.yml, *.json, *.jsonl)", error);
        if (!error.empty()) return {};
        for (auto& f : found) files.push_back({std::move(f)});
    }
    std::vector<ConventionSource> sources;
    for (const File& file : files) {
        // Named, not bound: a lambda below captures them, which clang before 16 refuses
        // for structured bindings.
        const std::string& path = file.path;
        int const only_line = file.only_line;
        InputFormat const format = input == "json" || input == "jsonl" ? InputFormat::json
                                   : input == "yaml"                   ? InputFormat::yaml
                                   : path == "-"                       ? InputFormat::yaml
                                                                       : input_format_of(path);
        std::shared_ptr<const std::string> text;
        if (path == "-") {
            text = std::make_shared<const std::string>(std::istreambuf_iterator<char>(std::cin),
                                                       std::istreambuf_iterator<char>());
        }
        if (!is_jsonl(path, input)) {
            sources.push_back({path, path == "-" ? "<stdin>" : path, format, 0, std::string::npos, 0, text});
            continue;
        }
        std::string const label = path == "-" ? "<stdin>" : path;
        size_t const before = sources.size();
        auto add = [&](size_t offset, size_t length, int lines_before) {
            if (only_line != 0 && only_line != lines_before + 1) return;
            std::string name = label;
            name += ':';
            name += std::to_string(lines_before + 1);
            sources.push_back({path, std::move(name), InputFormat::json, offset, length, lines_before, text});
        };
        if (text) {
            std::istringstream in(*text);
            split_lines(in, add);
        } else {
            std::ifstream in(path, std::ios::binary);
            if (!in) {
                error = path + ": cannot read the file";
                return {};
            }
            split_lines(in, add);
        }
        if (only_line != 0 && sources.size() == before) {
            error = path + ":" + std::to_string(only_line) +
                    ": no convention on this line (blank, or past the end of the file)";
            return {};
        }
    }
    return sources;
}

std::vector<ConventionSource> sources_of(const std::vector<std::string>& files) {
    std::vector<ConventionSource> sources;
    for (const auto& file : files) {
        if (is_jsonl(file, "")) {
            std::string error;
            auto lines = convention_sources({file}, "", error);
            sources.insert(sources.end(), lines.begin(), lines.end());
        } else {
            sources.push_back({file, file, input_format_of(file), 0, std::string::npos, 0, nullptr});
        }
    }
    return sources;
}

std::optional<std::string> read_source(const ConventionSource& source, size_t max_bytes,
                                       std::string& error) {
    if (source.text) {
        if (source.length == std::string::npos) return source.text->substr(0, max_bytes + 1);
        return source.text->substr(source.offset, std::min(source.length, max_bytes + 1));
    }
    if (source.length == std::string::npos) return read_whole_file(source.path, error, max_bytes);
    std::string bytes(std::min(source.length, max_bytes + 1), '\0');
    if (!read_at(source.path, source.offset, bytes.data(), bytes.size())) {
        error = "the file changed while it was read";
        return std::nullopt;
    }
    return bytes;
}

std::optional<Diagnostic> with_source_text(const ConventionSource& source,
                                           const ConventionLimits& limits,
                                           const std::function<void(std::string_view)>& use) {
    std::string error;
    // The loader sees the limit exceeded from one byte more; a BOM does not count.
    size_t const max_bytes = limits.max_file_bytes + 3;
    if (!source.text && source.length != std::string::npos) {
        // A line of a .jsonl file, read into a buffer the thread keeps: a new string and
        // a stream per line cost more than the read itself. Nothing `use` keeps views it.
        thread_local std::string buffer;
        size_t const size = std::min(source.length, max_bytes + 1);
        if (buffer.size() < size) buffer.resize(size);
        if (read_at(source.path, source.offset, buffer.data(), size)) {
            use(std::string_view(buffer.data(), size));
            return std::nullopt;
        }
        error = "the file changed while it was read";
    } else if (auto text = read_source(source, max_bytes, error)) {
        use(*text);
        return std::nullopt;
    }
    Diagnostic d;
    d.file = source.name;
    d.message = "cannot read: " + error;
    return d;
}

std::string text_name(const ConventionSource& source) {
    return source.path == "-" ? std::string("<stdin>") : source.path;
}

LoadedConvention load_convention_source(const ConventionSource& source,
                                        const ConventionLimits& limits) {
    if (source.path != "-" && source.length == std::string::npos)
        return load_convention_file(source.path, limits, source.format);
    LoadedConvention loaded;
    auto const unreadable = with_source_text(
        source, limits, [&](std::string_view text) { loaded = load_source_text(source, text, limits); });
    if (unreadable) return LoadedConvention{std::nullopt, {*unreadable}};
    return loaded;
}

LoadedConvention load_source_text(const ConventionSource& source, std::string_view text,
                                  const ConventionLimits& limits) {
    LoadedConvention loaded = load_convention_text(text, text_name(source), limits, source.format);
    place_in_source(source, loaded.diagnostics);
    if (loaded.convention) loaded.convention->file = source.name;
    return loaded;
}

void place_in_source(const ConventionSource& source, std::vector<Diagnostic>& diagnostics) {
    for (auto& d : diagnostics) {
        if (d.line > 0) d.line += source.lines_before;
        if (d.line == 0) d.file = source.name;
    }
}

}  // namespace activ
