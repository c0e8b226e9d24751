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
    if isClean(text.utf8) { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
    return String(scalars)
  }

  /// Whether UTF-8 text has no character XML 1.0 forbids: no C0 control other than tab and the
  /// line breaks, and no U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`); valid UTF-8 has no
  /// surrogates. A byte scan, much cheaper than decoding scalars.
  static func isClean(_ bytes: String.UTF8View) -> Bool {
    var afterEF = false
    var afterEFBF = false
    for byte in bytes {
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
      if afterEFBF && (byte == 0xBE || byte == 0xBF) { return false }
      afterEFBF = afterEF && byte == 0xBF
      afterEF = byte == 0xEF
    }
    return true
  }
}
