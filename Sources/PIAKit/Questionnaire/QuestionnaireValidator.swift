/// Cross-reference checks on a loaded questionnaire: unique ids, conditions
/// that only look back, choices and defaults that fit, citations that exist.
struct QuestionnaireValidator: Sendable {
  /// The law catalogue the questions' `cites` must name.
  var law: LawCatalogue

  /// Makes a validator that checks citations against `law`.
  init(law: LawCatalogue) {
    self.law = law
  }

  /// Every problem found in `questionnaire`.
  func validate(_ questionnaire: Questionnaire) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seenSections: [String: SourceLocation] = [:]
    var seen: [String: SourceLocation] = [:]
    let allIDs = Set(questionnaire.questions.map(\.id))
    var available: [String: Question] = [:]

    for section in questionnaire.sections {
      if let first = seenSections[section.id] {
        diagnostics.append(
          .error(
            "duplicate section id '\(section.id)' (first used at \(first))", at: section.location))
      } else {
        seenSections[section.id] = section.location
      }
      if let condition = section.showIf, let location = section.showIfLocation {
        let checker = ConditionChecker(
          available: available, later: allIDs.subtracting(available.keys))
        diagnostics += checker.check(condition, at: location)
      }
      for question in section.questions {
        if let first = seen[question.id] {
          diagnostics.append(
            .error(
              "duplicate question id '\(question.id)' (first used at \(first))",
              at: question.location))
        } else {
          seen[question.id] = question.location
        }
        let checker = ConditionChecker(
          available: available, later: allIDs.subtracting(available.keys), owner: question.id)
        diagnostics += check(question, checker: checker)
        if question.kind == .group {
          diagnostics += checkGroup(question, outer: available, allIDs: allIDs)
        }
        available[question.id] = question
      }
    }
    return diagnostics
  }

  private func checkGroup(_ group: Question, outer: [String: Question], allIDs: Set<String>)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    if group.fields.isEmpty {
      diagnostics.append(
        .error(
          "repeating group '\(group.id)' needs sub-questions under 'questions'", at: group.location)
      )
    }
    let fieldIDs = Set(group.fields.map(\.id))
    var available = outer
    for field in group.fields {
      guard let source = field.choicesFrom, let referenced = outer[source],
        referenced.kind == .group
      else { continue }
      for inner in referenced.fields {
        if fieldIDs.contains(inner.id) {
          diagnostics.append(
            .error(
              "'\(group.id)' picks entries of '\(source)' (through '\(field.id)'), and both "
                + "have a question '\(inner.id)'; rename one, so conditions know which is meant",
              at: inner.location))
        } else {
          available[inner.id] = inner
        }
      }
    }
    var seen: [String: SourceLocation] = [:]
    for field in group.fields {
      if field.id == "id" {
        diagnostics.append(
          .error(
            "'id' is reserved for the entry id; name the sub-question otherwise", at: field.location
          ))
      }
      if let first = seen[field.id] {
        diagnostics.append(
          .error(
            "duplicate sub-question id '\(field.id)' in '\(group.id)' (first used at \(first))",
            at: field.location))
      } else if allIDs.contains(field.id) {
        diagnostics.append(
          .error(
            "sub-question id '\(field.id)' is also a top-level question id; use another id",
            at: field.location))
      }
      seen[field.id] = field.location
      let checker = ConditionChecker(
        available: available,
        later: fieldIDs.subtracting(available.keys).union(allIDs.subtracting(available.keys)),
        owner: field.id)
      diagnostics += check(field, checker: checker)
      available[field.id] = field
    }
    return diagnostics
  }

  private func check(_ question: Question, checker: ConditionChecker) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let place = question.location
    if let source = question.choicesFrom {
      let group = checker.available[source]
      if question.kind != .choice {
        diagnostics.append(
          .error(
            "'choices_from' applies only to choice questions; '\(question.id)' is "
              + "\(question.kind.rawValue)", at: place))
      } else if !question.choices.isEmpty {
        diagnostics.append(
          .error(
            "'\(question.id)' takes its choices from '\(source)'; remove its own 'choices'",
            at: place))
      }
      if group?.kind != .group {
        let groups = checker.available.values.filter { $0.kind == .group }.map(\.id).sorted()
        diagnostics.append(
          .error(
            "'choices_from: \(source)' must name an earlier repeating group"
              + "\(Spelling.didYouMean(source, among: groups))", at: place))
      }
      return diagnostics + checkLimitsAndConditions(question, checker: checker)
    }
    switch question.kind {
    case .choice, .multiChoice:
      if question.choices.isEmpty {
        diagnostics.append(
          .error(
            "question '\(question.id)' is \(question.kind.rawValue) but has no choices",
            at: place))
      }
      var seen: Set<String> = []
      for choice in question.choices {
        if !seen.insert(choice.id).inserted {
          diagnostics.append(
            .error("duplicate choice id '\(choice.id)' in '\(question.id)'", at: choice.location))
        }
      }
    default:
      if let first = question.choices.first {
        diagnostics.append(
          .error(
            "question '\(question.id)' is \(question.kind.rawValue); only choice and "
              + "multi_choice questions take choices", at: first.location))
      }
    }
    return diagnostics + checkLimitsAndConditions(question, checker: checker)
  }

  private func checkLimitsAndConditions(_ question: Question, checker: ConditionChecker)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    let place = question.location
    if question.kind != .number, question.minimum != nil || question.maximum != nil {
      diagnostics.append(
        .error("'min' and 'max' apply only to number and date questions", at: place))
    }
    for bound in [question.earliest, question.latest].compactMap({ $0 }) {
      guard case .answer(let id) = bound else { continue }
      let target = checker.available[id]
      if target?.kind != .date {
        let dates = checker.available.values.filter { $0.kind == .date }.map(\.id).sorted()
        diagnostics.append(
          .error(
            target == nil
              ? "'\(id)' in min/max of '\(question.id)' is not an earlier question"
                + "\(Spelling.didYouMean(id, among: dates)); name an earlier date question or "
                + "write a date YYYY-MM-DD"
              : "'\(id)' in min/max of '\(question.id)' is a \(target?.kind.rawValue ?? "") "
                + "question; a date bound names a date question",
            at: place))
      }
    }
    if case .date(let low)? = question.earliest, case .date(let high)? = question.latest,
      low > high
    {
      diagnostics.append(.error("min \(low) is later than max \(high)", at: place))
    }
    if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
      diagnostics.append(
        .error(
          "min \(AnswerValue.format(minimum)) is greater than max \(AnswerValue.format(maximum))",
          at: place))
    }
    if question.saferAnswer != nil && question.kind != .yesNo {
      diagnostics.append(.error("'safer_answer' applies only to yes_no questions", at: place))
    }
    diagnostics += checkScored(question)
    if question.kind != .group && (question.itemName != nil || !question.fields.isEmpty) {
      diagnostics.append(
        .error(
          "'item' and sub-questions apply only to repeating groups (kind: group)", at: place))
    }
    if let condition = question.showIf, let location = question.showIfLocation {
      diagnostics += checker.check(condition, at: location)
    }
    for id in question.cites where law.provision(id) == nil {
      let ids = law.provisions.map(\.id)
      diagnostics.append(
        .error(
          "unknown provision id '\(id)' in cites\(Spelling.didYouMean(id, among: ids))",
          at: question.citesLocation ?? place))
    }
    return diagnostics
  }

  /// `scored: false` is for judgment questions only and needs a one-line `why`.
  private func checkScored(_ question: Question) -> [Diagnostic] {
    let place = question.scoredLocation ?? question.location
    if !question.scored && !question.isJudgment {
      return [
        .error(
          "'scored' applies only to yes_no, choice and multi_choice questions; "
            + "'\(question.id)' is \(question.kind.rawValue)", at: place)
      ]
    }
    if !question.scored && (question.why ?? "").isBlank {
      return [
        .error(
          "'\(question.id)' declares 'scored: false' without 'why'; say in one line why it "
            + "does not bear on risk (identity, descriptive or routing)", at: place)
      ]
    }
    if question.scored && question.why != nil {
      return [
        .error(
          "'why' explains 'scored: false'; '\(question.id)' is scored, so remove 'why' or add "
            + "'scored: false'", at: question.location)
      ]
    }
    return []
  }
}
