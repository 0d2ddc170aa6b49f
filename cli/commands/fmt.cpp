// `activ fmt`: rewrites rule files in the canonical layout, or (--check) only says which
// ones are not in it, for a pre-commit hook or CI. The layout itself is format_rules'.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "dsl-grammar/format_rules.hpp"
#include "engine/read_file.hpp"

namespace activ::cli {

namespace {

struct FmtOptions {
    std::vector<std::string> files;
    bool check = false;
};

/// Writes beside the file, then renames over it, so that an interrupted run never
/// leaves a rule file half written.
bool replace_file(const std::string& path, const std::string& text, std::string& why) {
    std::string temporary = path + ".fmt-XXXXXX";
    int const fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    bool ok = true;
    for (std::size_t written = 0; ok && written < text.size();) {
        ssize_t const n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            why = std::strerror(errno);
            ok = false;
        } else {
            written += static_cast<std::size_t>(n);
        }
    }
    if (::close(fd) != 0 && ok) {
        why = std::strerror(errno);
        ok = false;
    }
    std::error_code error;
    if (ok) {
        // mkstemp creates the file readable by its owner only: keep the original's mode.
        auto const mode = std::filesystem::status(path, error).permissions();
        if (!error) std::filesystem::permissions(temporary, mode, error);
        if (!error) std::filesystem::rename(temporary, path, error);
        if (error) {
            why = error.message();
            ok = false;
        }
    }
    if (!ok) std::filesystem::remove(temporary, error);
    return ok;
}

int run_fmt(const FmtOptions& options) {
    int worst = status_clean;
    for (const auto& path : options.files) {
        bool const piped = path == "-";
        std::string const name = piped ? "<stdin>" : path;
        std::string text;
        if (piped) {
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        } else {
            std::string why;
            std::optional<std::string> read = read_whole_file(path, why);
            if (!read) {
                print_diagnostics({Diagnostic{Diagnostic::Level::error, path, 0, 0,
                                              "cannot read the file: " + why, ""}});
                worst = std::max<int>(worst, status_unreadable);
                continue;
            }
            text = std::move(*read);
        }

        FormatResult formatted = format_rules(text, name);
        if (!formatted.text) {
            print_diagnostics(formatted.diagnostics);
            worst = std::max<int>(worst, status_unreadable);
            continue;
        }
        bool const changed = *formatted.text != text;
        if (options.check) {
            if (changed) {
                fmt::print(stderr, "{}: not formatted\n", name);
                worst = std::max<int>(worst, status_findings);
            }
        } else if (piped) {
            std::fwrite(formatted.text->data(), 1, formatted.text->size(), stdout);
        } else if (changed) {
            std::string why;
            if (!replace_file(path, *formatted.text, why)) {
                print_diagnostics({Diagnostic{Diagnostic::Level::error, path, 0, 0,
                                              "cannot write the file: " + why, ""}});
                worst = std::max<int>(worst, status_unreadable);
            }
        }
    }
    return worst;
}

}  // namespace

std::function<int()> setup_fmt(CLI::App& sub) {
    auto options = std::make_shared<FmtOptions>();
    sub.add_flag("--check", options->check,
                 "Change nothing; print `FILE: not formatted` on stderr for each file that "
                 "would change, and exit 1 if any would");
    sub.add_option("files", options->files,
                   "Rule files (.rules) to rewrite in place; - reads standard input and "
                   "writes the formatted text to standard output")
        ->type_name("FILE")
        ->required();
    sub.footer(
        "The layout is the one of rules/be/social-activation-2015.rules: each clause on its\n"
        "own line, two spaces per level, one blank line between declarations, conditions\n"
        "with only the parentheses they need, sets wider than 100 columns wrapped. Every\n"
        "comment is kept, before the line it preceded or at the end of its line. A file is\n"
        "written (through a temporary file beside it) only when its text changes, and never\n"
        "when its meaning would.\n"
        "Exit status: 0 when every file is (now) formatted, 1 with --check when some file\n"
        "is not, 2 when a file cannot be read, parsed or written (syntax errors are printed\n"
        "as file:line:col: error: ...).");
    return [options] { return run_fmt(*options); };
}

}  // namespace activ::cli
