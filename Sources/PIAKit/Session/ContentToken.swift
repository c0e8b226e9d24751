import Crypto
import Foundation

/// A short fingerprint of an answers file's bytes as they were read or
/// written: SHA-256, first 16 hex digits.
///
/// A front end keeps the token of the bytes it loaded and, before writing,
/// compares it with the token of the bytes now on disk; a difference means
/// someone else (another tab, the CLI, an edit by hand, `git checkout`)
/// changed the file in between, and the write must not silently replace it.
public struct ContentToken: Sendable, Hashable, CustomStringConvertible {
  /// 16 lowercase hex digits.
  public var hex: String

  /// The token of `data`.
  public init(of data: Data) {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(16)
    for byte in SHA256.hash(data: data).prefix(8) {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    hex = String(decoding: text, as: UTF8.self)
  }

  /// A token as written in a form or a header (16 hex digits); `nil` otherwise.
  public init?(_ text: String) {
    guard text.count == 16, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
      return nil
    }
    hex = text
  }

  /// The 16 hex digits.
  public var description: String { hex }
}
