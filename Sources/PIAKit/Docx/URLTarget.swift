/// Percent-encodes a link destination for a relationship's `Target` (an `xsd:anyURI`).
///
/// Bytes outside the URI character set are encoded, and so are `[` and `]`. A colon before the
/// first `/`, `?` or `#` that does not end a valid scheme (such as `foo):`) is encoded too, so
/// the target reads as a relative reference instead of a URI with an invalid scheme.
enum URLTarget {
  private static let allowed = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'();/?:@&=+$,#%".utf8)
  private static let schemeCharacters = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.".utf8)

  static func encoded(_ destination: String) -> String {
    let bytes = Array(destination.utf8)
    var encodeColonAt: Int?
    if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      !bytes[..<colon].contains(where: {
        $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
      })
    {
      let scheme = bytes[..<colon]
      let valid =
        (scheme.first.map { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
          ?? false)
        && scheme.allSatisfy { schemeCharacters.contains($0) }
      if !valid { encodeColonAt = colon }
    }
    var result = ""
    for (index, byte) in bytes.enumerated() {
      if allowed.contains(byte) && index != encodeColonAt
        && (byte != UInt8(ascii: "%") || isEscape(bytes, at: index))
      {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return result
  }

  /// Whether `bytes[index]` starts a `%XX` escape.
  private static func isEscape(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let hex = Set("0123456789ABCDEFabcdef".utf8)
    return hex.contains(bytes[index + 1]) && hex.contains(bytes[index + 2])
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
