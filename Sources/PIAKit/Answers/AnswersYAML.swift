/// The one writer of answers as YAML: the `answers:` and `inactive:`
/// sections of an answers file, and the answers of each version in its
/// `history:`.
///
/// Keys come in questionnaire order (ids the questionnaire does not know
/// last, by code point), a group entry's `id` first and then its fields in
/// order.
enum AnswersYAML {
  /// How scalars are written.
  enum Style {
    /// As a person would write them: plain where YAML reads them back as the
    /// same text, a literal block for several lines, double-quoted otherwise.
    case plain
    /// Readable without the questionnaire (history snapshots outlive the
    /// questionnaire version they were written for): text always
    /// double-quoted, choice ids plain only when they cannot be read as
    /// anything else, entry ids quoted.
    case selfDescribing
  }

  /// Plain scalars YAML 1.1 would read as something other than a string.
  private static let ambiguous: Set<String> = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null",
  ]

  /// A whole section, `name:` included: `name: {}` (when `always`) or
  /// nothing for no answers.
  static func section(
    _ name: String, _ values: [String: AnswerValue], questionnaire: Questionnaire, always: Bool
  ) -> String {
    if values.isEmpty { return always ? "\(name): {}\n" : "" }
    return "\(name):\n" + mapping(values, questionnaire: questionnaire, indent: 2, style: .plain)
  }

  /// Every answer as `key: value` lines at `indent`.
  static func mapping(
    _ values: [String: AnswerValue], questionnaire: Questionnaire?, indent: Int, style: Style
  ) -> String {
    let order = questionnaire?.questions ?? []
    let known = order.filter { values[$0.id] != nil }
    let knownIDs = Set(known.map(\.id))
    let rest = values.keys.filter { !knownIDs.contains($0) }
      .sorted(by: CanonicalJSON.codePointOrder)
    var out = ""
    for question in known {
      if let value = values[question.id] {
        out += entry(question.id, value, fields: question.fields, indent: indent, style: style)
      }
    }
    for id in rest {
      if let value = values[id] {
        out += entry(id, value, fields: [], indent: indent, style: style)
      }
    }
    return out
  }

  /// One `key: value` (several lines for lists and groups).
  static func entry(
    _ key: String, _ value: AnswerValue, fields: [Question], indent: Int, style: Style
  ) -> String {
    let pad = String(repeating: " ", count: indent)
    let head = "\(pad)\(style == .plain ? key : word(key)):"
    switch value {
    case .text(let text): return "\(head) \(self.text(text, indent: indent, style: style))\n"
    case .choice(let id): return "\(head) \(self.id(id, indent: indent, style: style))\n"
    case .bool(let flag): return "\(head) \(flag)\n"
    case .number(let number): return "\(head) \(AnswerValue.format(number))\n"
    case .date(let date): return "\(head) \(date)\n"
    case .choices(let ids):
      if ids.isEmpty { return "\(head) []\n" }
      return "\(head)\n"
        + ids.map { "\(pad)  - \(self.id($0, indent: indent + 4, style: style))\n" }.joined()
    case .entries(let entries):
      if entries.isEmpty { return "\(head) []\n" }
      var out = "\(head)\n"
      let fieldIDs = fields.map(\.id)
      for item in entries {
        let entryID =
          style == .plain
          ? YAMLScalar.write(item.id, indent: indent + 4) : YAMLScalar.doubleQuoted(item.id)
        out += "\(pad)  - id: \(entryID)\n"
        let rest = item.values.keys.filter { !fieldIDs.contains($0) }
          .sorted(by: CanonicalJSON.codePointOrder)
        for field in fieldIDs + rest {
          guard let fieldValue = item.values[field] else { continue }
          let subfields = fields.first { $0.id == field }?.fields ?? []
          out += entry(field, fieldValue, fields: subfields, indent: indent + 4, style: style)
        }
      }
      return out
    }
  }

  private static func text(_ text: String, indent: Int, style: Style) -> String {
    style == .plain ? YAMLScalar.write(text, indent: indent) : YAMLScalar.doubleQuoted(text)
  }

  private static func id(_ id: String, indent: Int, style: Style) -> String {
    style == .plain ? YAMLScalar.write(id, indent: indent) : word(id)
  }

  /// An id written plain when YAML reads it back as the same string, quoted otherwise.
  static func word(_ text: String) -> String {
    Identifier.isValid(text) && !ambiguous.contains(text) ? text : YAMLScalar.doubleQuoted(text)
  }
}
