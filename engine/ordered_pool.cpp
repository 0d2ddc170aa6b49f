// Threads take items in order, and at most a window ahead of the one taken back.
#include "engine/ordered_pool.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace activ {

size_t ordered_window(unsigned jobs) { return 4 * static_cast<size_t>(std::max(1u, jobs)); }

void run_in_order(size_t count, unsigned jobs, const std::function<void(size_t)>& produce,
                  const std::function<void(size_t)>& consume) {
    jobs = static_cast<unsigned>(std::clamp<size_t>(jobs, 1, std::max<size_t>(count, 1)));
    if (jobs == 1) {
        for (size_t i = 0; i < count; ++i) {
            produce(i);
            consume(i);
        }
        return;
    }
    const size_t window = ordered_window(jobs);
    std::mutex mutex;
    std::condition_variable may_take, finished;
    size_t next = 0;    // the next item a thread takes
    size_t handed = 0;  // the next item taken back
    std::vector<char> done(count, 0);
    auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            may_take.wait(lock, [&] { return next >= count || next < handed + window; });
            if (next >= count) return;
            size_t const item = next++;
            lock.unlock();
            produce(item);
            lock.lock();
            done[item] = 1;
            finished.notify_one();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < jobs; ++i) threads.emplace_back(worker);
    auto stop_and_join = [&] {
        {
            std::lock_guard lock(mutex);
            next = count;  // the threads take nothing more
        }
        may_take.notify_all();
        for (auto& thread : threads) thread.join();
    };
    try {
        while (handed < count) {
            {
                std::unique_lock lock(mutex);
                finished.wait(lock, [&] { return done[handed] != 0; });
            }
            consume(handed);
            {
                std::lock_guard lock(mutex);
                ++handed;
            }
            may_take.notify_all();
        }
    } catch (...) {
        // A failed write (a full disk) ends the batch: the threads finish their item first.
        stop_and_join();
        throw;
    }
    stop_and_join();
}

}  // namespace activ
