// Which `Host` names the preview answers to: a guard against DNS rebinding, where a page on
// another site points its own domain name at 127.0.0.1 and reads the preview through it.
// Such a request carries the attacker's name in `Host`, so only names that cannot be
// rebound are accepted: `localhost` (and `*.localhost`, which browsers resolve to loopback
// themselves), any IP address literal (`127.0.0.1`, `[::1]`, the LAN address when listening
// on every interface), the name given to `--host`, and the names given to `--allow-host`
// (`.example.org` allows that domain and every name under it). The port is not compared.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names the preview answers to.
public struct HostPolicy: Sendable, Equatable {
    /// The address the server listens on (`--host`).
    public var boundHost: String
    /// Further names (`--allow-host`), lower case; a leading dot allows every name under it.
    public var allowedNames: [String]

    /// Creates a policy for a server bound to `boundHost`, also accepting `allowedNames`.
    public init(boundHost: String, allowedNames: [String] = []) {
        self.boundHost = boundHost
        self.allowedNames = allowedNames.map { Self.normalised($0) }
    }

    /// Whether a request whose `Host` header is `authority` (`name`, `name:port`,
    /// `[v6]:port`) is answered.
    public func allows(_ authority: String) -> Bool {
        guard let name = Self.hostName(of: authority) else { return false }
        if name == "localhost" || name.hasSuffix(".localhost") || Self.isIPAddress(name) { return true }
        if name == Self.normalised(boundHost) { return true }
        return allowedNames.contains { allowed in
            allowed.hasPrefix(".") ? (name.hasSuffix(allowed) || name == allowed.dropFirst()) : name == allowed
        }
    }

    /// The host name of an authority, lower case, without port, brackets or final dot; nil
    /// when it is not a well-formed `host[:port]`.
    static func hostName(of authority: String) -> String? {
        var text = Substring(authority)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && Self.isPort(rest.dropFirst())) else { return nil }
            text = text[text.index(after: text.startIndex)..<close]
            return text.isEmpty ? nil : text.lowercased()
        }
        if let colon = text.lastIndex(of: ":") {
            guard Self.isPort(text[text.index(after: colon)...]) else { return nil }
            text = text[..<colon]
        }
        let name = normalised(String(text))
        guard !name.isEmpty, name.utf8.allSatisfy({ Self.isNameByte($0) }) else { return nil }
        return name
    }

    /// A name as compared: lower case, without a final dot or brackets.
    static func normalised(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") && name.count > 1 { name.removeLast() }
        return name
    }

    /// Whether `name` is an IPv4 (dotted quad) or IPv6 address literal.
    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
