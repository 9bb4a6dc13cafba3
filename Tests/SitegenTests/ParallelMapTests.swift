// `parallelMap` keeps the order of its input and keeps nothing once its results are gone
// (it once kept a reference to every result, so each rebuild of the preview leaked the
// pages it rendered).

import Testing
@testable import Sitegen

struct ParallelMapTests {
    final class Payload: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    /// Weak references to what `parallelMap` returned.
    final class WeakBox: @unchecked Sendable {
        weak var payload: Payload?
        init(_ payload: Payload) { self.payload = payload }
    }

    @Test func resultsKeepTheInputOrder() {
        let input = Array(0..<1_000)
        #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
    }

    @Test(arguments: [2, 64, 1_000])
    func resultsAreFreedOnceTheCallerDropsThem(_ count: Int) {
        var results: [Payload]? = Array(0..<count).parallelMap { Payload($0) }
        let boxes = results!.map(WeakBox.init)
        #expect(boxes.allSatisfy { $0.payload != nil })
        results = nil
        let alive = boxes.filter { $0.payload != nil }.count
        #expect(alive == 0, "\(alive) of \(count) results still referenced")
    }
}
