import Foundation
import HummingbirdBcrypt
import NIOPosix
import PIAKit

/// The people who may sign in when `pia serve` listens beyond this machine
/// (`--users FILE`), each with a bcrypt hash of their password.
///
/// Layout, one user a line (like Apache's htpasswd): `NAME:HASH`, where NAME
/// is 1–64 of `A–Z a–z 0–9 . _ @ -` and HASH a bcrypt hash (`$2b$12$…`, 60
/// characters). Blank lines and lines starting with `#` are ignored. The file
/// is written with mode 0600 by `pia serve add-user`.
public struct UsersFile: Sendable {
  /// Hashes by user name, in file order.
  public private(set) var users: [(name: String, hash: String)]
  /// Verified against when the name is unknown, so an unknown name takes as
  /// long to refuse as a wrong password.
  private let decoyHash: String

  /// The bcrypt cost of new hashes (2^12 rounds: about 0.3 s on this project's
  /// 2-core machine).
  public static let cost: UInt8 = 12

  /// A users file with these users.
  public init(users: [(name: String, hash: String)]) {
    self.users = users
    self.decoyHash = users.first?.hash ?? Bcrypt.hash("pia-decoy", cost: Self.cost)
  }

  /// Parses a users file's text.
  ///
  /// - Parameter path: The file as shown in diagnostics.
  /// - Returns: The users, or every problem as `path:line:col: error: …`.
  public static func parse(_ text: String, path: String) -> Result<UsersFile, DiagnosticsError> {
    var users: [(String, String)] = []
    var diagnostics: [Diagnostic] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = line.drop { $0 == " " }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let location = SourceLocation(file: path, line: index + 1, column: 1)
      guard let colon = line.firstIndex(of: ":") else {
        diagnostics.append(
          .error("expected NAME:HASH (a user name, a colon, a bcrypt hash)", at: location))
        continue
      }
      let name = String(line[..<colon])
      let hash = String(line[line.index(after: colon)...])
      if !isValidName(name) {
        diagnostics.append(
          .error(
            "'\(name)' is not a user name (1 to 64 of the letters A–Z and a–z, digits, '.', '_', "
              + "'@' and '-')", at: location))
      } else if users.contains(where: { $0.0 == name }) {
        diagnostics.append(.error("user '\(name)' is listed twice", at: location))
      } else if !isBcryptHash(hash) {
        diagnostics.append(
          .error(
            "the hash of '\(name)' is not a bcrypt hash ($2b$…, 60 characters); set the password "
              + "again with 'pia serve add-user \(name) --users \(path)'",
            at: SourceLocation(file: path, line: index + 1, column: colon.utf16Offset(in: line) + 2)
          ))
      } else {
        users.append((name, hash))
      }
    }
    if !diagnostics.isEmpty { return .failure(DiagnosticsError(diagnostics)) }
    if users.isEmpty {
      return .failure(
        DiagnosticsError([
          .error(
            "the users file lists no user; add one with 'pia serve add-user NAME --users \(path)'",
            at: SourceLocation(file: path, line: 1, column: 1))
        ]))
    }
    return .success(UsersFile(users: users))
  }

  /// The file's text: one `NAME:HASH` line per user after a comment saying
  /// what the file is.
  public var text: String {
    var lines = ["# pia serve users: NAME:BCRYPT-HASH, one a line (pia serve add-user NAME)"]
    lines += users.map { "\($0.name):\($0.hash)" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// This file with `name`'s password set to `hash` (added at the end, or
  /// replaced in place).
  public func setting(_ name: String, hash: String) -> UsersFile {
    var users = self.users
    if let index = users.firstIndex(where: { $0.name == name }) {
      users[index].hash = hash
    } else {
      users.append((name, hash))
    }
    return UsersFile(users: users)
  }

  /// Whether `password` is `name`'s, checked on a thread of NIO's blocking pool
  /// so the event loop keeps serving others (bcrypt takes about 0.3 s).
  public func verify(name: String, password: String) async -> Bool {
    let stored = users.first { $0.name == name }?.hash
    let hash = stored ?? decoyHash
    let matches =
      (try? await NIOThreadPool.singleton.runIfActive {
        Bcrypt.verify(password, hash: hash)
      }) ?? false
    return stored != nil && matches
  }

  /// A new bcrypt hash of `password` (blocking: about 0.3 s at the default cost).
  public static func hash(_ password: String) -> String {
    hash(password, cost: cost)
  }

  /// A bcrypt hash at another cost (tests use a cheap one).
  static func hash(_ password: String, cost: UInt8) -> String {
    Bcrypt.hash(password, cost: cost)
  }

  /// Whether `name` may be a user name: 1–64 of `A–Z a–z 0–9 . _ @ -`.
  public static func isValidName(_ name: String) -> Bool {
    (1...64).contains(name.utf8.count)
      && name.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
          UInt8(ascii: "@"), UInt8(ascii: "-"):
          return true
        default: return false
        }
      }
  }

  static func isBcryptHash(_ hash: String) -> Bool {
    hash.utf8.count == 60
      && (hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") || hash.hasPrefix("$2y$"))
  }
}
