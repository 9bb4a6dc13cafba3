// An Aho–Corasick automaton over UTF-8 bytes: finds every occurrence of a fixed set of
// byte strings in one pass over a text, whatever the number of strings. Mention matching
// (names and aliases of profiles) and abbreviation marking both run on it, so their cost is
// one step per byte of text plus one per occurrence, not one search per name.

/// A dictionary automaton over bytes (immutable once built; shared between threads).
public struct ByteAutomaton: Sendable {
    /// One occurrence: the byte range `start..<end` of the text and the pattern's index.
    public struct Occurrence: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var pattern: Int
    }

    /// Dense transitions for the bytes that start or continue a pattern: `columns[byte]` is a
    /// column (0 = a byte no pattern contains, which always leads back to the root).
    private let columns: [Int32]
    private let columnCount: Int
    /// `next[state * columnCount + column]`: the state after reading a byte (failure links
    /// already folded in, so a step is one look-up).
    private let next: [Int32]
    /// Patterns that end in each state (its own and, through the output links, those of its
    /// suffixes): a range of `outputs`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Length in bytes of each pattern.
    public let lengths: [Int]

    /// Builds the automaton of `patterns` (empty patterns are ignored).
    public init(_ patterns: [[UInt8]]) {
        lengths = patterns.map(\.count)
        var columns = [Int32](repeating: 0, count: 256)
        var columnCount = 1
        for pattern in patterns {
            for byte in pattern where columns[Int(byte)] == 0 {
                columns[Int(byte)] = Int32(columnCount)
                columnCount += 1
            }
        }
        // The trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: columnCount)]
        var own: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let column = Int(columns[Int(byte)])
                if goto[state][column] < 0 {
                    goto[state][column] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: columnCount))
                    own.append([])
                }
                state = Int(goto[state][column])
            }
            own[state].append(Int32(index))
        }
        // Failure links breadth first; missing transitions point where the failure link's do.
        var fail = [Int32](repeating: 0, count: goto.count)
        var outputLists = own
        var queue: [Int] = []
        for column in 0..<columnCount {
            if goto[0][column] < 0 { goto[0][column] = 0 } else { queue.append(Int(goto[0][column])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputLists[state] += outputLists[Int(fail[state])]
            for column in 0..<columnCount {
                let child = goto[state][column]
                if child < 0 {
                    goto[state][column] = goto[Int(fail[state])][column]
                } else {
                    fail[Int(child)] = goto[Int(fail[state])][column]
                    queue.append(Int(child))
                }
            }
        }
        var next: [Int32] = []
        next.reserveCapacity(goto.count * columnCount)
        for row in goto { next += row }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for list in outputLists {
            outputs += list
            outputStart.append(Int32(outputs.count))
        }
        self.columns = columns
        self.columnCount = columnCount
        self.next = next
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// Whether there is no pattern to find.
    public var isEmpty: Bool { outputs.isEmpty }

    /// Calls `found` for every occurrence of every pattern in `bytes`, in order of their end
    /// (and of the pattern's index at the same end). Returns the number of automaton steps and
    /// reported occurrences (the work done, for tests that check it stays linear).
    @discardableResult
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Occurrence) -> Void) -> Int {
        var state = 0
        var work = 0
        columns.withUnsafeBufferPointer { columns in
            next.withUnsafeBufferPointer { next in
                for (position, byte) in bytes.enumerated() {
                    state = Int(next[state &* columnCount &+ Int(columns[Int(byte)])])
                    work &+= 1
                    let from = Int(outputStart[state]), to = Int(outputStart[state + 1])
                    guard from < to else { continue }
                    for k in from..<to {
                        let pattern = Int(outputs[k])
                        work &+= 1
                        found(Occurrence(start: position + 1 - lengths[pattern], end: position + 1, pattern: pattern))
                    }
                }
            }
        }
        return work
    }
}

/// Word boundaries on UTF-8 bytes, with the same notion of a word character as the matchers
/// had on scalars: ASCII letters, digits and `_`, and any alphabetic or numeric scalar.
enum WordBytes {
    /// The scalar that ends right before byte `index` (nil at the start).
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start, in: bytes)
    }

    /// The scalar that starts at byte `index` (nil at the end).
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        return decode(at: index, in: bytes)
    }

    /// Whether the byte before `index` ends a word character (false at the start).
    static func wordBefore(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        let b = bytes[index - 1]
        if b < 0x80 { return isWordASCII(b) }
        return MentionMatcher.isWordScalar(scalar(before: index, in: bytes))
    }

    /// Whether the byte at `index` starts a word character (false at the end).
    static func wordAt(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
        let b = bytes[index]
        if b < 0x80 { return isWordASCII(b) }
        return MentionMatcher.isWordScalar(scalar(at: index, in: bytes))
    }

    @inline(__always)
    static func isWordASCII(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95
    }

    private static func decode(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[start...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
