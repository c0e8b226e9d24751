/// Writes YAML text by hand for the sections this module owns, so the output
/// is fixed (keys in a known order, strings always quoted) and diffs small.
enum YAMLText {
  /// Plain scalars YAML 1.1 would read as something other than a string.
  private static let ambiguous: Set<String> = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null",
  ]

  /// A string as a YAML double-quoted scalar. Line breaks and characters
  /// YAML does not allow unescaped are escaped.
  static func quoted(_ text: String) -> String {
    YAMLScalar.doubleQuoted(text)
  }

  /// An id written plain when YAML reads it back as the same string, quoted otherwise.
  static func word(_ text: String) -> String {
    Identifier.isValid(text) && !ambiguous.contains(text) ? text : quoted(text)
  }

  /// Lines writing `answers` as a block mapping at `indent`, in questionnaire
  /// order (ids the questionnaire does not know last, by code point).
  static func answers(
    _ answers: [String: AnswerValue], questionnaire: Questionnaire?, indent: String
  ) -> [String] {
    let order = questionnaire?.questions.map(\.id) ?? []
    let known = order.filter { answers[$0] != nil }
    let rest = answers.keys.filter { !order.contains($0) }.sorted(by: CanonicalJSON.codePointOrder)
    var lines: [String] = []
    for id in known + rest {
      guard let value = answers[id] else { continue }
      let question = questionnaire?.question(id)
      lines += self.value(value, key: id, fieldOrder: question?.fields.map(\.id), indent: indent)
    }
    return lines
  }

  /// Lines writing `key: value` at `indent`.
  static func value(_ value: AnswerValue, key: String, fieldOrder: [String]?, indent: String)
    -> [String]
  {
    let head = indent + word(key) + ":"
    switch value {
    case .text(let text): return [head + " " + quoted(text)]
    case .choice(let id): return [head + " " + word(id)]
    case .bool(let flag): return [head + (flag ? " true" : " false")]
    case .number(let number): return [head + " " + AnswerValue.format(number)]
    case .date(let date): return [head + " " + date.description]
    case .choices(let ids):
      if ids.isEmpty { return [head + " []"] }
      return [head] + ids.map { indent + "  - " + word($0) }
    case .entries(let entries):
      if entries.isEmpty { return [head + " []"] }
      var lines = [head]
      for entry in entries {
        lines.append(indent + "  - id: " + quoted(entry.id))
        let order = fieldOrder ?? []
        let known = order.filter { entry.values[$0] != nil }
        let rest = entry.values.keys.filter { !order.contains($0) }
          .sorted(by: CanonicalJSON.codePointOrder)
        for field in known + rest {
          guard let fieldValue = entry.values[field] else { continue }
          lines += self.value(fieldValue, key: field, fieldOrder: nil, indent: indent + "    ")
        }
      }
      return lines
    }
  }
}
