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

  /// Names in a sentence: "A", "A and B", "A, B and C", the first `limit`
  /// distinct names then "and N more".
  static func names(_ all: [String], limit: Int = 5) -> String {
    var distinct: [String] = []
    var seen: Set<String> = []
    for name in all where seen.insert(name).inserted { distinct.append(name) }
    let shown = Array(distinct.prefix(limit))
    if distinct.count > limit {
      return shown.joined(separator: ", ") + " and \(distinct.count - limit) more"
    }
    guard shown.count > 1, let last = shown.last else { return shown.joined() }
    return shown.dropLast().joined(separator: ", ") + " and " + last
  }

  /// The engine's reasons with those that repeat per data flow ("Compliance
  /// blocker: TITLE — FLOW (CITATION).") merged into one line naming the
  /// flows: "Compliance blocker: TITLE — 3 data flows: A, B and C (CITATION)."
  static func groupingFlowReasons(_ reasons: [String]) -> [String] {
    var order: [String] = []
    var groups: [String: (prefix: String, suffix: String, flows: [String], first: String)] = [:]
    for reason in reasons {
      guard let dash = reason.range(of: " — "),
        let open = reason.range(of: " (", options: .backwards), open.lowerBound > dash.upperBound
      else {
        order.append(reason)
        groups[reason] = (reason, "", [], reason)
        continue
      }
      let prefix = String(reason[..<dash.lowerBound])
      let flow = String(reason[dash.upperBound..<open.lowerBound])
      let suffix = String(reason[open.lowerBound...])
      let key = prefix + "\u{0}" + suffix
      if groups[key] == nil {
        order.append(key)
        groups[key] = (prefix, suffix, [], reason)
      }
      groups[key]?.flows.append(flow)
    }
    return order.compactMap { key in
      guard let group = groups[key] else { return nil }
      guard group.flows.count > 1 else { return group.first }
      return "\(group.prefix) — \(group.flows.count) data flows: \(names(group.flows))"
        + group.suffix
    }
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
