// A minimal HTTP/1.1 client over a loopback socket, for the end-to-end test: it can send
// what a real client would never send (malformed requests, raw `..`), and read an event
// stream as it arrives, always with a deadline.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct RawHTTPError: Error, CustomStringConvertible {
    var description: String
}

/// One TCP connection to 127.0.0.1.
final class RawConnection {
    private let fd: Int32
    /// Everything received so far.
    private(set) var received = Data()
    private(set) var closed = false

    init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw RawHTTPError(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw RawHTTPError(description: "cannot connect to port \(port)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc_send(fd, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw RawHTTPError(description: "send failed") }
            offset += sent
        }
    }

    /// Reads until `done(received)` holds, the peer closes, or `timeout` passes.
    @discardableResult
    func read(timeout: Double, until done: (Data) -> Bool = { _ in false }) -> Data {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !closed && !done(received) {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { break }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(remaining, 1) * 1000) + 1) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { closed = true } else { received.append(contentsOf: buffer[0..<count]) }
        }
        return received
    }

    var text: String { String(decoding: received, as: UTF8.self) }
}

private func Glibc_send(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.send(fd, pointer, count, Int32(MSG_NOSIGNAL))
    #else
    return Darwin.send(fd, pointer, count, 0)
    #endif
}

/// A response read whole from a `Connection: close` request.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String

    /// Sends `request` as is and reads the whole response.
    static func exchange(port: Int, request: String, timeout: Double = 30) throws -> RawResponse {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        connection.read(timeout: timeout)
        let text = connection.text
        guard let headEnd = text.range(of: "\r\n\r\n") else {
            throw RawHTTPError(description: "no complete response head in \(text.debugDescription)")
        }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: String(text[headEnd.upperBound...]))
    }

    /// `GET path` with `Connection: close`.
    static func get(port: Int, _ path: String) throws -> RawResponse {
        try exchange(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    }
}

/// Reads Server-Sent Events from `/__sitegen/events`.
final class EventStreamClient {
    let connection: RawConnection
    private var cursor: String.Index?

    init(port: Int) throws {
        connection = try RawConnection(port: port)
        try connection.send("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// The data of the next event named `name` after those already taken, within `timeout`
    /// seconds; nil when none came. Events of other names before it are skipped.
    func next(_ name: String, timeout: Double) -> String? {
        var found: String?
        connection.read(timeout: timeout) { _ in
            found = self.take(name)
            return found != nil
        }
        return found
    }

    private func take(_ name: String) -> String? {
        let text = connection.text
        var index = cursor.flatMap { $0 <= text.endIndex ? $0 : nil } ?? text.startIndex
        while let event = text.range(of: "event: ", range: index..<text.endIndex),
              let nameEnd = text.range(of: "\n", range: event.upperBound..<text.endIndex),
              let dataStart = text.range(of: "data: ", range: nameEnd.upperBound..<text.endIndex),
              let dataEnd = text.range(of: "\n\n", range: dataStart.upperBound..<text.endIndex) {
            index = dataEnd.upperBound
            cursor = index
            if text[event.upperBound..<nameEnd.lowerBound] == name {
                return String(text[dataStart.upperBound..<dataEnd.lowerBound])
            }
        }
        return nil
    }
}
