extension AnswerChange {
  /// One thing that changed in an answer, before any wording: each front end (the report's
  /// "Changes since version N", the web server's diff page) words these its own way.
  public enum Line: Sendable, Hashable {
    /// The question is answered now and was not; its answer as printed.
    case answered(String?)
    /// The question was answered and is not now; what it was, as printed.
    case unanswered(was: String?)
    /// The answer changed from one printed value to another.
    case changed(from: String?, to: String?)
    /// An entry of a repeating group was added (`added: true`) or removed; its label.
    case entry(label: String, added: Bool)
    /// A field of an entry changed: the entry's label, the field's prompt, its printed values
    /// (`nil` when not answered).
    case field(entry: String, prompt: String, from: String?, to: String?)
  }

  /// What changed, in reading order: the answer itself, unless it is a repeating group whose
  /// entries changed (then only those), followed by each entry added or removed and each field
  /// changed inside an entry.
  public var lines: [Line] {
    var lines: [Line] = []
    switch kind {
    case .added: lines.append(.answered(toText))
    case .removed: lines.append(.unanswered(was: fromText))
    case .changed:
      if entries.isEmpty { lines.append(.changed(from: fromText, to: toText)) }
    }
    for entry in entries {
      switch entry.kind {
      case .added: lines.append(.entry(label: entry.label, added: true))
      case .removed: lines.append(.entry(label: entry.label, added: false))
      case .changed:
        for field in entry.fields {
          lines.append(
            .field(entry: entry.label, prompt: field.prompt, from: field.fromText, to: field.toText)
          )
        }
      }
    }
    return lines
  }
}
