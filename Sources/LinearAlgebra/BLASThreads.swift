#if canImport(Glibc)
    import Glibc
#endif

/// OpenBLAS's worker threads, for callers that do their own threading.
///
/// The pthreads build of OpenBLAS (the one behind `liblapack.so.3` here) starts one server
/// thread per extra core when the library loads, and each spins (`sched_yield` in a loop)
/// for about 2^28 cycles (~0.1 s) before going to sleep. A sweep calls LAPACK only for a
/// 5×5 Cholesky factor, which OpenBLAS runs on the calling thread anyway, so on a 2-core
/// machine that spinning thread only takes a core away from the sweep's own workers (perf:
/// ~10 % of a 1,000,000-scenario MC-A run's samples were that thread in `sched_yield`).
public enum BLASThreads {
    /// Limits OpenBLAS to the calling thread and stops its idle server threads. Symbols are
    /// looked up at run time, so with another BLAS (or none loaded) this does nothing.
    /// Later LAPACK calls in the process run on their calling thread.
    /// Runs once per process.
    public static func stopIdleWorkers() { _ = stopped }

    private static let stopped: Void = {
        #if os(Linux)
            typealias SetThreads = @convention(c) (Int32) -> Void
            typealias Shutdown = @convention(c) () -> Int32
            if let f = dlsym(nil, "openblas_set_num_threads") {
                unsafeBitCast(f, to: SetThreads.self)(1)
            }
            if let f = dlsym(nil, "blas_thread_shutdown_") {
                _ = unsafeBitCast(f, to: Shutdown.self)()
            }
        #endif
    }()
}
