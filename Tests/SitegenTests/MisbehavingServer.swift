// A small HTTP server on a loopback port whose answer depends on the path: it can be silent,
// send its header lines one at a time forever (slowly or as fast as it can), send an endless
// body, hang up, answer with garbage, redirect, or answer properly; a TLS handshake gets a
// plain-text answer, as from a port that speaks only HTTP.
// It counts the requests it receives (method and path), so that tests can check how many
// requests a client made. `stop()` closes the listener (it waits for the accept thread, which
// closes it) and shuts every connection down; each connection runs on a thread of its own
// that ends, and closes its socket, when the socket is shut down.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class MisbehavingServer: @unchecked Sendable {
    /// What the server does for a path.
    enum Behaviour: String, CaseIterable, Sendable {
        /// Reads the request and never answers.
        case silent
        /// Sends the status line, then one header line every 0.2 s, never ending the head.
        case slowHeaders = "slow-headers"
        /// Sends the status line, then header lines as fast as it can, forever.
        case endlessHeaders = "endless-headers"
        /// Sends a complete head, then body bytes every 10 ms, forever.
        case endlessBody = "endless-body"
        /// Answers with bytes that are not HTTP, then closes.
        case garbage
        /// `302` to itself, forever.
        case loop
        /// Closes the connection without a word.
        case hangUp = "hang-up"
        /// `200 OK`, with a body.
        case ok
        /// `404 Not Found`.
        case missing
    }

    private let listener: Int32
    let port: Int
    private let lock = NSLock()
    private var clients: Set<Int32> = []
    private var stopped = false
    private var seen: [String] = []
    private var handshakes = 0
    private let acceptEnded = DispatchSemaphore(value: 0)

    init() throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw CocoaError(.fileWriteUnknown)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The URL of `behaviour` (a query makes distinct URLs with the same behaviour).
    func url(_ behaviour: Behaviour, _ tag: Int? = nil) -> String {
        "http://127.0.0.1:\(port)/\(behaviour.rawValue)" + (tag.map { "?n=\($0)" } ?? "")
    }

    /// A URL that redirects `hops` times (`/hop/N` → `/hop/N-1` … → `/ok`).
    func redirecting(_ hops: Int) -> String { "http://127.0.0.1:\(port)/hop/\(hops)" }

    /// Connections open now (a client that gave up on a transfer has closed its own).
    var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// TLS handshakes received (each answered in plain text).
    var tlsHandshakes: Int {
        lock.lock()
        defer { lock.unlock() }
        return handshakes
    }

    /// The request lines received so far (`GET /silent`).
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    /// Closes the listening socket and every connection.
    func stop() {
        lock.lock()
        guard !stopped else {
            lock.unlock()
            return
        }
        stopped = true
        // Under the lock, every descriptor in `clients` is still open (a connection's thread
        // removes its own under the lock before closing it), so none can be another socket's.
        for fd in clients {
            shutdown(fd, Int32(SHUT_RDWR))
        }
        lock.unlock()
        // The accept thread closes the listener when it ends: closed here, its number could
        // go to a new socket (another server's) that the thread would then accept from.
        acceptEnded.wait()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        defer {
            close(listener)
            acceptEnded.signal()
        }
        while !isStopped {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            lock.lock()
            if stopped {
                lock.unlock()
                close(client)
                return
            }
            clients.insert(client)
            lock.unlock()
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.lock()
            clients.remove(fd)
            lock.unlock()
            close(fd)
        }
        guard let head = readHead(fd) else { return }
        if head.utf8.first == 0x16 {
            lock.lock()
            handshakes += 1
            lock.unlock()
            _ = write(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 24\r\nConnection: close\r\n\r\nThis port speaks HTTP.\r\n")
            // Let the client read the answer before the close (unread input would reset it).
            shutdown(fd, Int32(SHUT_WR))
            var rounds = 0
            while rounds < 20, !isStopped, readSome(fd) { rounds += 1 }
            return
        }
        let requestLine = head.split(separator: "\r\n").first.map(String.init) ?? ""
        let parts = requestLine.split(separator: " ")
        let path = parts.count > 1 ? String(parts[1].split(separator: "?").first ?? "") : ""
        lock.lock()
        seen.append(parts.prefix(2).joined(separator: " ").split(separator: "?").first.map(String.init) ?? requestLine)
        lock.unlock()
        if path.hasPrefix("/hop/"), let hops = Int(path.dropFirst(5)) {
            let next = hops > 0 ? "/hop/\(hops - 1)" : "/ok"
            _ = write(fd, "HTTP/1.1 302 Found\r\nLocation: \(next)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        }
        switch Behaviour(rawValue: String(path.dropFirst())) {
        case .silent?:
            while !isStopped, readSome(fd) { }
        case .slowHeaders?:
            guard write(fd, "HTTP/1.1 200 OK\r\n") else { return }
            var line = 0
            while !isStopped {
                usleep(200_000)
                line += 1
                guard write(fd, "X-Slow-\(line): \(line)\r\n") else { return }
            }
        case .endlessHeaders?:
            guard write(fd, "HTTP/1.1 200 OK\r\n") else { return }
            var line = 0
            while !isStopped {
                line += 1
                guard write(fd, "X-Endless-\(line): \(String(repeating: "x", count: 64))\r\n") else { return }
            }
        case .garbage?:
            _ = write(fd, "SSH-2.0-OpenSSH_9.2\r\n\u{1}\u{2}\u{3} this is not HTTP\r\n\r\n")
        case .loop?:
            _ = write(fd, "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case .endlessBody?:
            guard write(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n") else { return }
            let chunk = String(repeating: "endless ", count: 128)
            while !isStopped {
                guard write(fd, chunk) else { return }
                usleep(10_000)
            }
        case .hangUp?:
            return
        case .ok?:
            _ = write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
        case .missing?, nil:
            _ = write(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
    }

    /// Reads until the end of the request head; nil when the connection ends first.
    private func readHead(_ fd: Int32) -> String? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if received.first == 0x16 { return String(decoding: received.prefix(1), as: UTF8.self) }
            let text = String(decoding: received, as: UTF8.self)
            if text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    /// Waits up to 100 ms for input and discards it; false when the peer closed.
    private func readSome(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 100) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        return recv(fd, &buffer, buffer.count, 0) > 0
    }

    private func write(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let sent = bytes[offset...].withUnsafeBytes { Darwin.send(fd, $0.baseAddress, $0.count, 0) }
            #endif
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
