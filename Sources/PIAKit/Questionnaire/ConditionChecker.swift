/// Checks that a condition names only questions it may use, with values those
/// questions can take. Used for `show_if` and, with vendor facts allowed, for
/// risk rules.
struct ConditionChecker: Sendable {
  /// The questions a condition may name, by id.
  var available: [String: Question]
  /// Questions that exist but may not be named here (they come later).
  var later: Set<String>
  /// The id of the question whose condition this is (naming it is a cycle).
  var owner: String?
  /// The vendor facts a condition may name; `nil` when vendor facts are not
  /// allowed (in `show_if`).
  var vendorFacts: Set<String>?

  /// Makes a checker; by default nothing is "later", no owner, and no vendor facts allowed.
  init(
    available: [String: Question], later: Set<String> = [], owner: String? = nil,
    vendorFacts: Set<String>? = nil
  ) {
    self.available = available
    self.later = later
    self.owner = owner
    self.vendorFacts = vendorFacts
  }

  /// The diagnostics for `condition`, whose text starts at `location`.
  func check(_ condition: Condition, at location: SourceLocation) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    check(condition, at: location, scope: available, into: &diagnostics)
    return diagnostics
  }

  private func check(
    _ condition: Condition, at location: SourceLocation, scope: [String: Question],
    into diagnostics: inout [Diagnostic]
  ) {
    switch condition {
    case .constant:
      return
    case .all(let items), .any(let items):
      for item in items { check(item, at: location, scope: scope, into: &diagnostics) }
    case .not(let inner):
      check(inner, at: location, scope: scope, into: &diagnostics)
    case .anyEntry(let group, let inner):
      guard let question = resolve(group, at: location, scope: scope, into: &diagnostics) else {
        return
      }
      guard question.kind == .group else {
        diagnostics.append(
          .error(
            "'any \(group.name) where …' needs a repeating group, but '\(group.name)' is "
              + "\(question.kind.rawValue)", at: location.advanced(by: group.offset)))
        return
      }
      var innerScope = scope
      for (id, field) in question.entryScope(group: { scope[$0] }) { innerScope[id] = field }
      check(inner, at: location, scope: innerScope, into: &diagnostics)
    case .test(let test):
      check(test, at: location, scope: scope, into: &diagnostics)
    }
  }

  private func check(
    _ test: Condition.Test, at location: SourceLocation, scope: [String: Question],
    into diagnostics: inout [Diagnostic]
  ) {
    switch test {
    case .answered(let reference):
      _ = resolve(reference, at: location, scope: scope, into: &diagnostics)
    case .equals(let reference, let literal):
      checkValues(reference, [literal], at: location, scope: scope, into: &diagnostics)
    case .oneOf(let reference, let literals):
      checkValues(reference, literals, at: location, scope: scope, into: &diagnostics)
    case .has(let reference, let literals):
      guard let question = resolve(reference, at: location, scope: scope, into: &diagnostics)
      else { return }
      guard question.kind == .multiChoice else {
        diagnostics.append(
          .error(
            "'has' works on multiple-choice questions, but '\(reference.name)' is "
              + "\(question.kind.rawValue) (use '=' or 'in')",
            at: location.advanced(by: reference.offset)))
        return
      }
      for literal in literals {
        checkChoice(literal, of: question, at: location, into: &diagnostics)
      }
    case .compare(let reference, _, _):
      guard let question = resolve(reference, at: location, scope: scope, into: &diagnostics)
      else { return }
      if reference.kind == .answer && question.kind != .number {
        diagnostics.append(
          .error(
            "'<' and '>' work on numbers, but '\(reference.name)' is \(question.kind.rawValue)",
            at: location.advanced(by: reference.offset)))
      }
    }
  }

  private func checkValues(
    _ reference: Reference, _ literals: [Literal], at location: SourceLocation,
    scope: [String: Question], into diagnostics: inout [Diagnostic]
  ) {
    guard let question = resolve(reference, at: location, scope: scope, into: &diagnostics)
    else { return }
    if reference.kind == .vendorFact { return }
    if reference.kind == .count {
      for literal in literals where literal.number == nil {
        diagnostics.append(
          .error(
            "expected a number to compare with \(reference.spelled), found '\(literal.text)'",
            at: location.advanced(by: literal.offset)))
      }
      return
    }
    for literal in literals {
      switch question.kind {
      case .choice:
        checkChoice(literal, of: question, at: location, into: &diagnostics)
      case .multiChoice:
        diagnostics.append(
          .error(
            "'\(reference.name)' is a multiple-choice question; test it with "
              + "'\(reference.name) has \(literal.text)'",
            at: location.advanced(by: reference.offset)))
        return
      case .yesNo:
        if literal.boolean == nil {
          diagnostics.append(
            .error(
              "'\(reference.name)' is a yes/no question; compare it with yes or no, "
                + "not '\(literal.text)'", at: location.advanced(by: literal.offset)))
        }
      case .number:
        if literal.number == nil {
          diagnostics.append(
            .error(
              "'\(reference.name)' is a number; compare it with a number, not '\(literal.text)'",
              at: location.advanced(by: literal.offset)))
        }
      case .date:
        if CalendarDate(literal.text) == nil {
          diagnostics.append(
            .error(
              "'\(reference.name)' is a date; compare it with a date written YYYY-MM-DD",
              at: location.advanced(by: literal.offset)))
        }
      case .group:
        diagnostics.append(
          .error(
            "'\(reference.name)' is a repeating group; use count(\(reference.name)) or "
              + "'any \(reference.name) where …'", at: location.advanced(by: reference.offset)))
        return
      case .text, .longText:
        break
      }
    }
  }

  private func checkChoice(
    _ literal: Literal, of question: Question, at location: SourceLocation,
    into diagnostics: inout [Diagnostic]
  ) {
    let ids = question.choices.map(\.id)
    guard !ids.contains(literal.text) else { return }
    diagnostics.append(
      .error(
        "'\(literal.text)' is not a choice of '\(question.id)'"
          + "\(Spelling.didYouMean(literal.text, among: ids)) "
          + "(expected one of: \(ids.joined(separator: ", ")))",
        at: location.advanced(by: literal.offset)))
  }

  private func resolve(
    _ reference: Reference, at location: SourceLocation, scope: [String: Question],
    into diagnostics: inout [Diagnostic]
  ) -> Question? {
    let place = location.advanced(by: reference.offset)
    if reference.kind == .vendorFact {
      guard let facts = vendorFacts else {
        diagnostics.append(
          .error("vendor facts can only be used in risk rules, not in show_if", at: place))
        return nil
      }
      if !facts.contains(reference.name) {
        diagnostics.append(
          .error(
            "unknown vendor fact '\(reference.name)'"
              + "\(Spelling.didYouMean(reference.name, among: facts.sorted()))", at: place))
        return nil
      }
      return Question(
        id: reference.name, kind: .text, prompt: "", location: location)
    }
    if reference.name == owner {
      diagnostics.append(
        .error("the condition of '\(reference.name)' refers to itself", at: place))
      return nil
    }
    guard let question = scope[reference.name] else {
      if later.contains(reference.name) {
        diagnostics.append(
          .error(
            "condition refers to '\(reference.name)', which comes later; conditions may only "
              + "use answers given before", at: place))
      } else {
        diagnostics.append(
          .error(
            "unknown question '\(reference.name)'"
              + "\(Spelling.didYouMean(reference.name, among: scope.keys.sorted()))", at: place))
      }
      return nil
    }
    if reference.kind == .count && question.kind != .group && question.kind != .multiChoice {
      diagnostics.append(
        .error(
          "count(…) works on repeating groups and multiple-choice questions, but "
            + "'\(reference.name)' is \(question.kind.rawValue)", at: place))
      return nil
    }
    return question
  }
}
