// Work on numbered items spread over a bounded pool of threads, with the results taken
// back in the items' order on the calling thread: what lets a batch print, or write to
// the store, the same bytes in the same order whatever the number of threads.
#pragma once
#include <cstddef>
#include <functional>

namespace activ {

/// How many items run ahead of the one taken back next, for `jobs` threads: the caller
/// keeps that many results at most (in a ring indexed by `item % window`).
size_t ordered_window(unsigned jobs);

/// Calls `produce(i)` for every i in [0, count) on `jobs` threads (on the calling thread
/// when `jobs` is 1), and `consume(i)` on the calling thread, in order, once `produce(i)`
/// has returned. `produce(i + ordered_window(jobs))` starts only after `consume(i)` has
/// returned, so that a ring of that many results is never overwritten early.
/// `produce` must not throw; an exception from `consume` stops the threads and is passed on.
void run_in_order(size_t count, unsigned jobs, const std::function<void(size_t)>& produce,
                  const std::function<void(size_t)>& consume);

}  // namespace activ
