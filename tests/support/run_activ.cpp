// Test support: runs the built activ binary through the shell, capturing both streams.
#include "tests/support/run_activ.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace activ::testing {

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
