// Test support: runs the built activ binary through the shell, capturing both streams.
#include "tests/support/run_activ.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace activ::testing {

namespace {

// A developer's own ACTIV_LANG must not change the messages the tests expect: it is cleared
// once, before any test runs (a test of ACTIV_LANG sets it, and clears it again).
[[maybe_unused]] const bool activ_lang_cleared = [] {
    ::unsetenv("ACTIV_LANG");
    return true;
}();

}  // namespace

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

ActivRun run_activ(const std::string& arguments, const std::string& folder,
                   const std::string& input) {
    static int counter = 0;
    std::string const base = "/tmp/activ-test-run-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++);
    std::string const command = "cd '" + folder + "' && " + ACTIV_BINARY + " " + arguments +
                                " <" + input + " >" + base + ".out 2>" + base + ".err";
    int const raw = std::system(command.c_str());
    ActivRun r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

}  // namespace activ::testing
