// How the process's allocator treats memory that is freed.
#pragma once

namespace activ {

/// Keeps freed memory in the process for the next allocation instead of giving it back to
/// the system. A batch frees and allocates the same large blocks for each convention
/// (the parser's buffers, the loader's tree): given back, each one was faulted in again,
/// page by page, which cost a third of loading a JSON Lines batch. Call once, first thing.
void keep_freed_memory();

}  // namespace activ
