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
    var text = text
    let clean = text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        index = ByteScan.skip(bytes, from: index) {
          !ByteScan.hasByte(below: 0x20, in: $0) && !ByteScan.hasByte(equalTo: 0xEF, in: $0)
        }
        let end = min(index + 8, bytes.count)
        while index < end {
          if forbiddenLength(in: bytes, at: index) != 0 { return false }
          index += 1
        }
      }
      return true
    }
    if clean { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
    return String(scalars)
  }

  /// The length of the character XML 1.0 forbids that starts at `index` of UTF-8 text, or 0:
  /// 1 for a C0 control other than tab and the line breaks, 3 for U+FFFE or U+FFFF
  /// (`EF BF BE`, `EF BF BF`). Valid UTF-8 has no surrogates, so that is all. Working on bytes
  /// is much cheaper than decoding scalars.
  static func forbiddenLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return 1 }
    if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF
      && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    {
      return 3
    }
    return 0
  }
}
