extension AssessmentSession {
  /// Sets the answer at `path`.
  ///
  /// The value must fit the question (a choice it offers, a number within its
  /// range, a date within its bounds, text that is not blank) and the
  /// question must apply given the other answers. A repeating group itself
  /// takes only an empty list, meaning "none" (`addEntry` adds entries).
  ///
  /// - Returns: The answers this one hid or restored.
  /// - Throws: `SessionError` saying what is wrong; the file is then unchanged.
  @discardableResult
  public mutating func answer(_ path: QuestionPath, _ value: AnswerValue) throws(SessionError)
    -> SessionChange
  {
    let question = try question(at: path)
    try checkApplies(path, question)
    try check(value, for: question, at: path)
    return set(path, value)
  }

  /// Sets the answer at `path` from what the user typed or posted: a choice
  /// id, number or label; `yes`/`no`; a date `YYYY-MM-DD`; a number; text;
  /// for multiple choice, one item per element or a comma list. Empty input
  /// clears an optional answer.
  ///
  /// - Parameters:
  ///   - path: The answer to set.
  ///   - input: What was typed, one element per form value (several only for
  ///     multiple choice).
  /// - Returns: The answers this one hid or restored.
  /// - Throws: `SessionError.invalid` with a sentence saying what is expected.
  @discardableResult
  public mutating func answer(_ path: QuestionPath, input: [String]) throws(SessionError)
    -> SessionChange
  {
    let question = try question(at: path)
    try checkApplies(path, question)
    let text = question.kind == .multiChoice ? input.joined(separator: ",") : input.joined()
    if text.isBlank {
      if question.kind == .multiChoice && !question.required {
        return set(path, .choices([]))
      }
      if question.required && answer(at: path) == nil {
        throw SessionError(.invalid, Self.missingAnswer(question), path: path)
      }
      return try clear(path)
    }
    if question.kind == .group {
      throw SessionError(
        .invalid, "'\(question.id)' is a repeating group; add its entries one at a time",
        path: path)
    }
    var offered = question
    offered.choices = options(for: path)
    switch AnswerInput.parse(text, for: offered) {
    case .success(let value):
      try check(value, for: question, at: path)
      return set(path, value)
    case .failure(let invalid):
      throw SessionError(.invalid, invalid.message, path: path)
    }
  }

  /// Removes the answer at `path`.
  ///
  /// - Throws: `SessionError.invalid` for a required question (give another
  ///   answer instead), or `.unknown` for a path that does not exist.
  @discardableResult
  public mutating func clear(_ path: QuestionPath) throws(SessionError) -> SessionChange {
    let question = try question(at: path)
    if question.required {
      throw SessionError(
        .invalid, "this question is required, so its answer can be changed but not removed",
        path: path)
    }
    if question.kind == .group, !entries(of: question.id).isEmpty {
      throw SessionError(
        .invalid, "remove the entries of '\(question.id)' one at a time", path: path)
    }
    guard answer(at: path) != nil else { return SessionChange() }
    return set(path, nil)
  }

  // MARK: - Checks

  /// Throws when the question at `path` does not apply given the other answers.
  func checkApplies(_ path: QuestionPath, _ question: Question) throws(SessionError) {
    guard !applies(path) else { return }
    var reason = ""
    if let entry = path.entry {
      if let condition = question.showIf {
        reason = " (it is asked when \(condition))"
      } else {
        reason = " (its repeating group '\(entry.group)' does not apply)"
      }
    } else if let section = questionnaire.section(containing: question.id),
      let condition = section.showIf,
      !condition.evaluate(in: conditionEnvironment)
    {
      reason = " (its section \"\(section.title)\" is asked when \(condition))"
    } else if let condition = question.showIf {
      reason = " (it is asked when \(condition))"
    }
    throw SessionError(
      .notApplicable,
      "this question does not apply given the other answers\(reason); change those first",
      path: path)
  }

  /// Throws when `value` is not an answer to `question`.
  func check(_ value: AnswerValue, for question: Question, at path: QuestionPath)
    throws(SessionError)
  {
    func invalid(_ message: String) -> SessionError {
      SessionError(.invalid, message, path: path)
    }
    let expected: String
    switch (question.kind, value) {
    case (.text, .text(let text)), (.longText, .text(let text)):
      if text.isBlank { throw invalid("the answer is empty; write some text or leave it out") }
      return
    case (.choice, .choice(let id)):
      if let source = question.choicesFrom {
        guard entries(of: source).contains(where: { $0.id == id }) else {
          let ids = entries(of: source).map(\.id)
          throw invalid(
            "'\(id)' is not an entry of '\(source)'"
              + (ids.isEmpty
                ? "; add one there first" : " (entries: \(ids.joined(separator: ", ")))"))
        }
        return
      }
      guard question.choice(id) != nil else { throw invalid(notAChoice(id, of: question)) }
      return
    case (.multiChoice, .choices(let ids)):
      var seen: Set<String> = []
      for id in ids {
        guard question.choice(id) != nil else { throw invalid(notAChoice(id, of: question)) }
        guard seen.insert(id).inserted else { throw invalid("choice '\(id)' is listed twice") }
      }
      if ids.isEmpty && question.required {
        throw invalid("this question is required; choose at least one")
      }
      return
    case (.yesNo, .bool):
      return
    case (.number, .number(let number)):
      guard number.isFinite else { throw invalid("the answer is not a finite number") }
      if let minimum = question.minimum, number < minimum {
        throw invalid(
          "\(AnswerValue.format(number)) is too small; the least is "
            + "\(AnswerValue.format(minimum))")
      }
      if let maximum = question.maximum, number > maximum {
        throw invalid(
          "\(AnswerValue.format(number)) is too large; the most is \(AnswerValue.format(maximum))")
      }
      return
    case (.date, .date(let date)):
      if let problem = dateProblem(date, for: question, at: path) { throw invalid(problem) }
      return
    case (.group, .entries(let list)):
      if question.required {
        throw invalid("at least one \(question.itemName ?? "entry") is required; add one")
      }
      guard list.isEmpty, entries(of: question.id).isEmpty else {
        throw invalid(
          "a repeating group is answered one entry at a time (add, change or remove entries)")
      }
      return
    case (.text, _), (.longText, _): expected = "text"
    case (.choice, _): expected = "one of the choices"
    case (.multiChoice, _): expected = "a list of choices"
    case (.yesNo, _): expected = "yes or no"
    case (.number, _): expected = "a number"
    case (.date, _): expected = "a date written YYYY-MM-DD"
    case (.group, _): expected = "entries"
    }
    throw invalid("expected \(expected), found \(value.plainDescription)")
  }

  /// Why `date` is outside the question's bounds, or `nil` when it is within.
  func dateProblem(_ date: CalendarDate, for question: Question, at path: QuestionPath)
    -> String?
  {
    func resolve(_ bound: DateBound?) -> (date: CalendarDate, name: String)? {
      switch bound {
      case .date(let fixed)?: return (fixed, fixed.description)
      case .answer(let id)?:
        var other = QuestionPath(id)
        if let entry = path.entry, questionnaire.question(entry.group)?.field(id) != nil {
          other = QuestionPath(group: entry.group, entry: entry.id, question: id)
        }
        guard case .date(let found)? = answer(at: other) else { return nil }
        let prompt = (try? self.question(at: other))?.shortPrompt ?? id
        return (found, "\(found), the answer to \"\(prompt)\"")
      case nil: return nil
      }
    }
    if let earliest = resolve(question.earliest), date < earliest.date {
      return "\(date) is before \(earliest.name); give \(earliest.date) or later"
    }
    if let latest = resolve(question.latest), date > latest.date {
      return "\(date) is after \(latest.name); give \(latest.date) or earlier"
    }
    return nil
  }

  /// What to say when a required question that has no answer yet gets an empty one.
  static func missingAnswer(_ question: Question) -> String {
    switch question.kind {
    case .yesNo: return "this question is required; answer yes or no"
    case .choice: return "this question is required; choose one of the answers"
    case .multiChoice: return "this question is required; choose at least one"
    case .text, .longText: return "this question is required; write an answer"
    case .date: return "this question is required; give a date written YYYY-MM-DD"
    case .number: return "this question is required; give a number"
    case .group: return "at least one \(question.itemName ?? "entry") is required; add one"
    }
  }

  private func notAChoice(_ id: String, of question: Question) -> String {
    let ids = question.choices.map(\.id)
    return "'\(id)' is not a choice of this question\(Spelling.didYouMean(id, among: ids)) "
      + "(expected one of: \(ids.joined(separator: ", ")))"
  }

  // MARK: - Recording

  /// Sets or removes an answer without checks, then restores consistency:
  /// answers inside the entry that no longer apply are removed, top-level
  /// answers that no longer apply are moved aside and those that apply again
  /// are brought back.
  mutating func set(_ path: QuestionPath, _ value: AnswerValue?) -> SessionChange {
    var change = SessionChange()
    if let entry = path.entry {
      var list = entries(of: entry.group)
      guard let index = list.firstIndex(where: { $0.id == entry.id }),
        let group = questionnaire.question(entry.group)
      else { return change }
      list[index].values[path.question] = value
      change.removed = dropHiddenFields(of: &list[index], in: group)
      file.answers[entry.group] = .entries(list)
    } else {
      file.answers[path.question] = value
      if value != nil { file.inactive[path.question] = nil }
    }
    file.dropImpliedEntryNumbers()
    return change.then(normalizeVisibility())
  }

  /// Removes an entry's answers to questions its other answers now hide.
  private func dropHiddenFields(of entry: inout GroupEntry, in group: Question) -> [QuestionPath] {
    var dropped: [QuestionPath] = []
    for _ in 0..<(group.fields.count + 1) {
      let environment = self.environment(for: entry, in: group)
      guard
        let hidden = group.fields.first(where: { field in
          entry.values[field.id] != nil && !(field.showIf?.evaluate(in: environment) ?? true)
        })
      else { break }
      entry.values[hidden.id] = nil
      dropped.append(QuestionPath(group: group.id, entry: entry.id, question: hidden.id))
    }
    return dropped
  }

  /// Moves answers of hidden top-level questions to `inactive` and restores
  /// inactive answers of visible ones, until nothing changes.
  mutating func normalizeVisibility() -> SessionChange {
    var change = SessionChange()
    let questions = questionnaire.questions
    for _ in 0..<(questions.count * 2 + 2) {
      let visible = Set(questionnaire.visibleQuestions(answers: file.answers).map(\.id))
      guard
        let question = questions.first(where: {
          (file.answers[$0.id] != nil && !visible.contains($0.id))
            || (file.answers[$0.id] == nil && file.inactive[$0.id] != nil
              && visible.contains($0.id))
        })
      else { break }
      let path = QuestionPath(question.id)
      if let value = file.answers[question.id] {
        file.inactive[question.id] = value
        file.answers[question.id] = nil
        change = change.then(SessionChange(hidden: [path]))
      } else if let value = file.inactive[question.id] {
        file.answers[question.id] = value
        file.inactive[question.id] = nil
        change = change.then(SessionChange(restored: [path]))
      }
    }
    return change
  }
}

extension Question {
  /// The prompt's first line, cut to 70 characters: how lists name a question.
  public var shortPrompt: String {
    let first = prompt.split(separator: "\n").first.map(String.init) ?? id
    return first.count > 70 ? String(first.prefix(69)) + "…" : first
  }
}
