extension Questionnaire {
  /// The repeating groups whose entries pick an entry of another group
  /// (`choices_from`): for each, the picking field and the group picked from.
  var entryReferences: [(group: String, field: String, source: String)] {
    questions.filter { $0.kind == .group }.flatMap { group in
      group.fields.compactMap { field in
        field.choicesFrom.map { (group.id, field.id, $0) }
      }
    }
  }

  /// `answers` with each entry that picks an entry of another group (a data
  /// flow's `system`) given the picked entry's answers as well, under their
  /// own ids; the entry's own answers win. What the risk rules, the report,
  /// the diagram and materiality see: a rule over data flows can test
  /// `storage_location`, which the flow's system holds, and changing the
  /// system changes every flow that uses it.
  ///
  /// Answers without references are returned unchanged.
  public func resolvingReferences(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
    let references = entryReferences
    guard !references.isEmpty else { return answers }
    var result = answers
    for (group, field, source) in references {
      guard case .entries(let entries)? = answers[group],
        case .entries(let picked)? = answers[source]
      else { continue }
      let byID = Dictionary(picked.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      result[group] = .entries(
        entries.map { entry in
          guard case .choice(let id)? = entry.values[field], let chosen = byID[id] else {
            return entry
          }
          var resolved = entry
          resolved.values.merge(chosen.values) { own, _ in own }
          return resolved
        })
    }
    return result
  }
}
