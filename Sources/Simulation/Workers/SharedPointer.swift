/// A pointer that may be shared by worker threads writing disjoint parts of its memory.
struct SharedPointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Pointee>
    init(_ pointer: UnsafeMutablePointer<Pointee>) { self.pointer = pointer }
    /// `count` uninitialised elements (free with `deallocate`).
    static func allocate(_ count: Int) -> SharedPointer {
        SharedPointer(.allocate(capacity: max(1, count)))
    }
    /// `count` elements set to `value`.
    static func filled(_ count: Int, with value: Pointee) -> SharedPointer {
        let p = allocate(count)
        p.pointer.initialize(repeating: value, count: max(1, count))
        return p
    }
    func deallocate() { pointer.deallocate() }
}

/// An immutable value handed to worker threads.
struct SendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
