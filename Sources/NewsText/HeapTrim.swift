#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)` (declared in malloc.h, which the Glibc module leaves out).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Gives the allocator's free memory back to the system after a step of news
/// understanding that freed a lot of it (the candidates of every article, the
/// word counts).
///
/// Design rules:
/// - The steps run on several threads; glibc keeps one heap (arena) per thread,
///   and memory freed in a worker's arena is not reused by the next step on
///   another thread: without a trim it stays resident until the process exits,
///   and the next step's memory comes on top of it.
/// - `malloc_trim(0)` returns the whole free pages of every arena (a few
///   milliseconds); nothing else changes. Elsewhere than glibc it does nothing.
enum HeapTrim {
    static func now() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}
