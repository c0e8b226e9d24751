extension Unicode.Scalar {
  /// Whether the scalar has the Unicode White_Space property: the same set as Foundation's
  /// `CharacterSet.whitespacesAndNewlines`, tested without bridging to `NSString`.
  var isWhiteSpace: Bool {
    switch value {
    case 0x20, 0x09...0x0D: return true
    case 0..<0x80: return false
    default: return properties.isWhitespace
    }
  }
}

extension StringProtocol {
  /// Whether the text is empty or only white space (spaces, tabs, line breaks).
  var isBlank: Bool { unicodeScalars.allSatisfy(\.isWhiteSpace) }

  /// The text without leading and trailing white space (spaces, tabs, line breaks).
  var trimmingWhiteSpace: String {
    let scalars = String(self).unicodeScalars  // shares the storage when already a String
    guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
      let last = scalars.lastIndex(where: { !$0.isWhiteSpace })
    else { return "" }
    return String(scalars[first...last])
  }
}
