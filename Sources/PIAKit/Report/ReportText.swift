/// Text clean-up between the content (rules, engine explanations) and a
/// document: internal reference tags and ids never reach a reader.
enum ReportText {
  /// `text` without the rule authors' reference tags: a bracketed guidance
  /// paragraph number (`[6.28]`, `[6.10; 6.12]`) or a bracketed note starting
  /// "guidance" (`[guidance: the most common mistake; 6.28]`), together with
  /// the blank before it.
  static func withoutReferenceTags(_ text: String) -> String {
    guard text.utf8.contains(0x5B) else { return text }  // "["
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "[") {
      guard let close = rest[open...].firstIndex(of: "]") else { break }
      let inside = rest[rest.index(after: open)..<close]
      var before = rest[..<open]
      if isReferenceTag(inside) {
        while let last = before.last, last == " " { before = before.dropLast() }
        result += before
      } else {
        result += rest[...close]
        rest = rest[rest.index(after: close)...]
        continue
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }

  /// Whether a bracket's content is a reference tag: it starts with a
  /// guidance paragraph number (`6.27`, then anything: `[6.27, guidance
  /// checklist 5]`, `[6.16, 6.37; CNIL unwanted modification]`), or with
  /// "guidance".
  static func isReferenceTag(_ inside: Substring) -> Bool {
    if inside.lowercased().hasPrefix("guidance") { return true }
    let digits = inside.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    let rest = inside.dropFirst(digits.count)
    guard rest.first == ".", let next = rest.dropFirst().first else { return false }
    return next.isASCII && next.isNumber
  }

  /// `text` with every quoted finding key (`'flow-no-authority@data_flows-3'`,
  /// as the engine's explanations quote them) replaced by the finding's
  /// register number (`R3`); unknown quoted text is kept.
  static func replacingFindingKeys(_ text: String, numbers: [String: String]) -> String {
    guard text.utf8.contains(0x27) else { return text }  // "'"
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "'") {
      let after = rest.index(after: open)
      guard let close = rest[after...].firstIndex(of: "'") else { break }
      let inside = String(rest[after..<close])
      if let number = numbers[inside] {
        result += rest[..<open]
        result += number
        rest = rest[rest.index(after: close)...]
      } else {
        result += rest[...open]
        rest = rest[after...]
      }
    }
    result += rest
    return result
  }
}
