#include "engine/process_memory.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace activ {

void keep_freed_memory() {
#ifdef __GLIBC__
    // Blocks up to 32 MB (glibc's largest threshold on 64 bits) come from the heap,
    // where a freed block is reused, rather than from a mapping of their own that free()
    // unmaps; and up to 256 MB free at the heap's top stay there. Peak memory does not
    // grow: what is kept was in use once.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

}  // namespace activ
