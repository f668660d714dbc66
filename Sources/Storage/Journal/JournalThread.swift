import Glibc

/// The journal's own threads (the writer, a snapshot being written): plain pthreads, so
/// each is one known thread for its whole life, joined by its owner, never a pool's.
enum JournalThread {
    /// Starts a thread that runs `body` once; join it with `pthread_join`. What `body`
    /// captures is handed over to that thread: either the caller never touches it again
    /// (the writer), or it is `Sendable` (a snapshot's job).
    static func start(_ purpose: String, directory: String, _ body: @escaping () -> Void) throws -> pthread_t {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw JournalError.fileSystem(operation: "starting the \(purpose) thread (pthread_create)", path: directory, errno: result)
        }
        return thread
    }

    /// The closure, boxed to cross `pthread_create`'s single pointer.
    private final class Body {
        let run: () -> Void

        init(_ run: @escaping () -> Void) {
            self.run = run
        }
    }
}
