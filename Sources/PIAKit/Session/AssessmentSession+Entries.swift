extension AssessmentSession {
  /// Adds an empty entry to a repeating group.
  ///
  /// The entry's id is `GROUP-N` with N one more than any number ever given
  /// in this group, so the id of a removed entry is never given again (a
  /// diff or an approval that names it stays unambiguous).
  ///
  /// - Returns: The new entry's id and the answers that moved.
  /// - Throws: `SessionError` when `group` is not a repeating group or does
  ///   not apply given the other answers.
  @discardableResult
  public mutating func addEntry(to group: String) throws(SessionError) -> (
    id: String, change: SessionChange
  ) {
    let question = try self.group(group)
    try checkApplies(QuestionPath(group), question)
    let number =
      max(
        AssessmentFile.highestEntryNumber(group, in: file), file.lastEntryNumbers[group] ?? 0) + 1
    file.lastEntryNumbers[group] = number
    let id = "\(group)-\(number)"
    var list = entries(of: group)
    list.append(GroupEntry(id: id, values: [:]))
    file.answers[group] = .entries(list)
    let change = normalizeVisibility()
    file.dropImpliedEntryNumbers()
    return (id, change)
  }

  /// Removes one entry of a repeating group.
  ///
  /// - Returns: The answers that moved (a top-level condition may count entries).
  /// - Throws: `SessionError.unknown` when there is no such group or entry.
  @discardableResult
  public mutating func removeEntry(_ entry: String, from group: String) throws(SessionError)
    -> SessionChange
  {
    _ = try self.group(group)
    var list = entries(of: group)
    guard let index = list.firstIndex(where: { $0.id == entry }) else {
      let ids = list.map(\.id)
      throw SessionError(
        .unknown,
        "'\(group)' has no entry '\(entry)' (entries: "
          + "\(ids.isEmpty ? "none" : ids.joined(separator: ", ")))",
        path: QuestionPath(group))
    }
    let users = references(to: entry, in: group)
    if !users.isEmpty {
      let names = users.compactMap(\.entry?.id).joined(separator: ", ")
      throw SessionError(
        .refused,
        "'\(entry)' is still used by \(names); pick another for \(users.count == 1 ? "it" : "them") "
          + "first", path: QuestionPath(group))
    }
    // Remember the highest number given, so a removed entry's id is never reused.
    file.lastEntryNumbers[group] = max(
      file.lastEntryNumbers[group] ?? 0, AssessmentFile.highestEntryNumber(group, in: file))
    list.remove(at: index)
    file.answers[group] = .entries(list)
    file.dropImpliedEntryNumbers()
    return normalizeVisibility()
  }

  /// The questions of one entry that apply given its answers, in order.
  public func applicableFields(of entry: String, in group: String) -> [Question] {
    guard let question = questionnaire.question(group),
      let values = entries(of: group).first(where: { $0.id == entry })
    else { return [] }
    return applicableFields(of: values, in: question)
  }

  /// The questions of `entry`, an entry of `group`, that apply given its
  /// answers (`base`: the file's `conditionEnvironment`, when known).
  func applicableFields(
    of entry: GroupEntry, in group: Question, base: AnswerEnvironment? = nil
  ) -> [Question] {
    let environment = environment(for: entry, in: group, base: base)
    return group.fields.filter { $0.showIf?.evaluate(in: environment) ?? true }
  }

  /// A one-line name for an entry: its first text answer, else "(no answers yet)".
  public func summary(of entry: GroupEntry, in group: Question) -> String {
    for field in group.fields {
      if case .text(let text)? = entry.values[field.id], !text.isBlank {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 50 ? String(line.prefix(49)) + "…" : line
      }
    }
    return "(no answers yet)"
  }
}

extension AssessmentSession {
  /// The choices a question offers now, in order: its own choices, or, for a
  /// question whose choices are another repeating group's entries, one choice
  /// per entry (id: the entry's id; label: its first text answer).
  ///
  /// Front ends list these rather than `Question.choices`, so a question
  /// that picks a system from the systems listed earlier shows them.
  public func options(for path: QuestionPath) -> [Choice] {
    guard let question = try? question(at: path) else { return [] }
    guard let source = question.choicesFrom, let group = questionnaire.question(source) else {
      return question.choices
    }
    return entries(of: source).map { entry in
      Choice(id: entry.id, label: summary(of: entry, in: group), location: question.location)
    }
  }

  /// The entries (as paths to the picking question) that picked `entry` of
  /// `group`: the data flows that use a system.
  public func references(to entry: String, in group: String) -> [QuestionPath] {
    var result: [QuestionPath] = []
    for (referencing, field, source) in questionnaire.entryReferences where source == group {
      for item in entries(of: referencing) where item.values[field] == .choice(entry) {
        result.append(QuestionPath(group: referencing, entry: item.id, question: field))
      }
    }
    return result
  }
}
