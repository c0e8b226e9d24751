import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order, with
/// repeated names kept (multiple choice sends `value` once per ticked box).
///
/// Hummingbird's `URLEncodedFormDecoder` rejects a repeated name, which is
/// why the server reads forms with this type.
public struct FormData: Sendable, Equatable {
  /// Every field as sent, decoded (`+` is a space, `%XX` a byte, UTF-8).
  public var fields: [(name: String, value: String)]

  /// Fields from name–value pairs (tests, pattern pages).
  public init(fields: [(name: String, value: String)] = []) {
    self.fields = fields
  }

  /// Parses a form body.
  ///
  /// - Throws: `HTTPError(.badRequest)` for a bad `%` escape or bytes that are
  ///   not UTF-8.
  public init(urlEncoded body: String) throws {
    var fields: [(String, String)] = []
    for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try Self.decode(parts[0])
      let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
      fields.append((name, value))
    }
    self.fields = fields
  }

  /// Every value sent under `name`, in order.
  public func values(_ name: String) -> [String] {
    fields.filter { $0.name == name }.map(\.value)
  }

  /// The first value sent under `name`.
  public func first(_ name: String) -> String? {
    fields.first { $0.name == name }?.value
  }

  /// Equal when both hold the same names and values in the same order.
  public static func == (lhs: FormData, rhs: FormData) -> Bool {
    lhs.fields.map(\.name) == rhs.fields.map(\.name)
      && lhs.fields.map(\.value) == rhs.fields.map(\.value)
  }

  private static func decode(_ text: Substring) throws -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(hexValue),
          let low = iterator.next().flatMap(hexValue)
        else { throw HTTPError(.badRequest, message: "The form has a bad % escape.") }
        bytes.append(high << 4 | low)
      default: bytes.append(byte)
      }
    }
    guard let string = String(validating: bytes, as: UTF8.self) else {
      throw HTTPError(.badRequest, message: "The form is not UTF-8 text.")
    }
    return string
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
