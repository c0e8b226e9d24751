/// Rules for text that is about to become XML character data.
enum XMLText {
  /// Whether XML 1.0 allows `scalar` in a document:
  /// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// `text` without the characters XML 1.0 forbids (including NUL); the rest is kept.
  static func sanitized(_ text: String) -> String {
    if text.unicodeScalars.allSatisfy(isAllowed) { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
    return String(scalars)
  }
}
