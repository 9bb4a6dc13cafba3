// Runs independent work on every core. Used by the stages whose items do not depend on each
// other (rendering pages through templates, scanning pages for links, writing files). cmark
// parsing is not among them: it stays behind its lock.

import Dispatch

extension Array where Element: Sendable {
    /// `map`, run on all cores; results keep the order of the input.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = UnsafeSendableBuffer(results)
        self.withUnsafeBufferPointer { input in
            let source = UnsafeSendableBuffer(UnsafeMutableBufferPointer(mutating: input))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                box.buffer[index] = transform(source.buffer[index])
            }
        }
        // Move the results out, leaving the buffer uninitialised for `deallocate`. (Copying
        // them out and deallocating the buffer kept one reference to every result forever:
        // each rebuild of `sitegen serve` leaked the pages it rendered.)
        return (0..<count).map { (results.baseAddress! + $0).move()! }
    }
}

/// A buffer handed to `concurrentPerform`, where each iteration touches its own index only.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
