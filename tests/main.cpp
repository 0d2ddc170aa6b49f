// The Catch2 entry point of the single test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
