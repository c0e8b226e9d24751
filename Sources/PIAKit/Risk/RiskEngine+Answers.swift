/// The answers the rules see, which questions are asked, and which asked
/// questions a finding or the verdict still waits for.
extension RiskEngine {
  /// The effective answers with the questions shown for them.
  struct AnswerView {
    /// Defaults filled in, answers to hidden questions dropped.
    var answers: [String: AnswerValue]
    /// Top-level questions shown for these answers.
    var visible: Set<String>
    /// Per group, per entry id: the sub-questions shown.
    var visibleFields: [String: [String: Set<String>]]
  }

  /// The answers the rules see: defaults filled in for unanswered questions,
  /// and answers to questions hidden by `show_if` dropped (in sections,
  /// questions and group entries alike), so a safe answer to a question that
  /// does not apply can never lower a score; an entry that picks an entry of
  /// another group (a data flow's system) sees that entry's answers too.
  public func effectiveAnswers(_ raw: [String: AnswerValue]) -> [String: AnswerValue] {
    answerView(raw).answers
  }

  func answerView(_ raw: [String: AnswerValue]) -> AnswerView {
    var view = AnswerView(answers: [:], visible: [], visibleFields: [:])
    for section in questionnaire.sections {
      let sectionVisible =
        section.showIf?.evaluate(in: AnswerEnvironment(answers: view.answers)) ?? true
      for question in section.questions {
        guard sectionVisible,
          question.showIf?.evaluate(in: AnswerEnvironment(answers: view.answers)) ?? true
        else { continue }
        view.visible.insert(question.id)
        guard let value = raw[question.id] ?? question.defaultValue else { continue }
        if question.kind == .group, case .entries(let entries) = value {
          let base = AnswerEnvironment(answers: view.answers)
          var shown: [String: Set<String>] = [:]
          view.answers[question.id] = .entries(
            entries.map { entry in
              var kept = GroupEntry(id: entry.id, values: [:])
              for field in question.fields {
                guard field.showIf?.evaluate(in: EntryEnvironment(base: base, entry: kept)) ?? true
                else { continue }
                shown[entry.id, default: []].insert(field.id)
                guard let fieldValue = entry.values[field.id] ?? field.defaultValue else {
                  continue
                }
                kept.values[field.id] = fieldValue
              }
              return kept
            })
          view.visibleFields[question.id] = shown
        } else {
          view.answers[question.id] = value
        }
      }
    }
    view.answers = questionnaire.resolvingReferences(view.answers)
    return view
  }

  /// Required questions that are shown but unanswered, entries' sub-questions included.
  func requiredUnanswered(_ view: AnswerView) -> [Conclusion.MissingAnswer] {
    var missing: [Conclusion.MissingAnswer] = []
    for question in questionnaire.questions where view.visible.contains(question.id) {
      if question.kind == .group {
        guard case .entries(let entries)? = view.answers[question.id] else {
          continue
        }
        for (index, entry) in entries.enumerated() {
          let shown = view.visibleFields[question.id]?[entry.id] ?? []
          for field in question.fields
          where field.required && shown.contains(field.id) && entry.values[field.id] == nil {
            missing.append(
              .init(
                question: "\(question.id).\(field.id)@\(entry.id)",
                prompt: "\(Self.entryName(entry, group: question, index: index)): \(field.prompt)",
                because: "required"))
          }
        }
      } else if question.required && view.answers[question.id] == nil {
        missing.append(.init(question: question.id, prompt: question.prompt, because: "required"))
      }
    }
    return missing
  }

  /// The questions a firing rule waits for: the unanswered, shown questions
  /// its conditions name that, answered with their safe answer, would stop
  /// it firing. Empty when the finding is a finding of fact.
  func unestablished(
    _ rule: RiskRule, entry: GroupEntry?, index: Int, view: AnswerView,
    facts: [String: AnswerValue]
  ) -> [Conclusion.MissingAnswer] {
    var answers = view.answers
    var values = entry?.values
    // Each safe answer filled in: the missing answer named, and the key set
    // (in the entry's values, or among the top-level answers).
    var filled: [(missing: Conclusion.MissingAnswer, inValues: Bool, key: String)] = []
    func isFilled(_ question: String) -> Bool {
      filled.contains { $0.missing.question == question }
    }
    let group = rule.forEach.flatMap { questionnaire.question($0) }
    var names: [(name: String, inScope: Bool)] = []
    for (reference, scope) in rule.when.references(in: rule.forEach)
    where reference.kind == .answer && (scope == nil || scope == rule.forEach) {
      names.append((reference.name, scope != nil))
    }
    for (reference, scope) in rule.fileWhen?.references() ?? []
    where reference.kind == .answer && scope == nil {
      names.append((reference.name, false))
    }
    for (name, inScope) in names {
      if inScope, let group, let entry, let field = group.field(name) {
        let key = "\(group.id).\(name)@\(entry.id)"
        guard values?[name] == nil,
          view.visibleFields[group.id]?[entry.id]?.contains(name) ?? false,
          let safe = field.safeAnswer, !isFilled(key)
        else { continue }
        values?[name] = safe
        filled.append(
          (
            .init(
              question: key,
              prompt: "\(Self.entryName(entry, group: group, index: index)): \(field.prompt)",
              because: rule.id), true, name
          ))
      } else if inScope, let group, let entry, values?[name] == nil,
        let (pick, source, field) = pickedField(name, of: group),
        let safe = field.safeAnswer
      {
        // A name of the entry the flow picks (its system): waiting for that
        // entry's answer, or for the pick itself when none is made.
        let missing: Conclusion.MissingAnswer
        if case .choice(let id)? = values?[pick.id] {
          guard case .entries(let picked)? = view.answers[source.id],
            let at = picked.firstIndex(where: { $0.id == id }),
            view.visibleFields[source.id]?[id]?.contains(name) ?? false
          else { continue }
          missing = .init(
            question: "\(source.id).\(name)@\(id)",
            prompt: "\(Self.entryName(picked[at], group: source, index: at)): \(field.prompt)",
            because: rule.id)
        } else {
          guard view.visibleFields[group.id]?[entry.id]?.contains(pick.id) ?? false else {
            continue
          }
          missing = .init(
            question: "\(group.id).\(pick.id)@\(entry.id)",
            prompt: "\(Self.entryName(entry, group: group, index: index)): \(pick.prompt)",
            because: rule.id)
        }
        guard !isFilled(missing.question) else { continue }
        values?[name] = safe
        filled.append((missing, true, name))
      } else if let question = questionnaire.question(name) {
        guard answers[name] == nil, view.visible.contains(name), let safe = question.safeAnswer,
          !isFilled(name)
        else { continue }
        answers[name] = safe
        filled.append(
          (.init(question: name, prompt: question.prompt, because: rule.id), false, name))
      }
    }
    guard !filled.isEmpty else { return [] }
    let fires: ([String: AnswerValue], [String: AnswerValue]?) -> Bool = { answers, values in
      let environment = AnswerEnvironment(answers: answers, facts: facts)
      if let fileWhen = rule.fileWhen, !fileWhen.evaluate(in: environment) { return false }
      if let entry, let values {
        return rule.when.evaluate(
          in: EntryEnvironment(base: environment, entry: GroupEntry(id: entry.id, values: values)))
      }
      return rule.when.evaluate(in: environment)
    }
    guard !fires(answers, values) else { return [] }
    // Keep only the questions the finding really waits for: drop each one
    // whose safe answer is not needed to stop the rule firing, later ones
    // first, so the earliest question asked is the one named.
    var needed = filled
    for candidate in filled.reversed() {
      var trialAnswers = answers
      var trialValues = values
      if candidate.inValues {
        trialValues?[candidate.key] = nil
      } else {
        trialAnswers[candidate.key] = nil
      }
      let others = needed.filter { $0.missing.question != candidate.missing.question }
      guard !others.isEmpty, !fires(trialAnswers, trialValues) else { continue }
      needed = others
      answers = trialAnswers
      values = trialValues
    }
    return needed.map(\.missing)
  }

  /// For a name that is not a field of `group` itself: the field of `group`
  /// that picks an entry of another group (`choices_from`), that group, and
  /// its field called `name` (a data flow's `storage_location`, answered for
  /// its system).
  func pickedField(_ name: String, of group: Question) -> (
    pick: Question, source: Question, field: Question
  )? {
    for pick in group.fields {
      guard let id = pick.choicesFrom, let source = questionnaire.question(id),
        let field = source.field(name)
      else { continue }
      return (pick, source, field)
    }
    return nil
  }

  /// "Data flow 2: Applicant name" — an entry's readable name.
  static func entryName(_ entry: GroupEntry, group: Question, index: Int) -> String {
    let noun = group.itemName.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Entry"
    for key in ["data_element", "system_name"] where group.field(key) != nil {
      if case .text(let name)? = entry.values[key], !name.isBlank {
        return "\(noun) \(index + 1) (\(name))"
      }
    }
    return "\(noun) \(index + 1)"
  }
}
