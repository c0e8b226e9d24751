/// Where a condition finds the values it names.
public protocol ConditionEnvironment {
  /// The answer to a question, or `nil` when it has none.
  func answer(_ id: String) -> AnswerValue?
  /// A vendor fact for the assessed vendor and plan tier, or `nil` when unknown.
  func vendorFact(_ name: String) -> AnswerValue?
}

extension ConditionEnvironment {
  /// No vendor facts: answers alone (questionnaire conditions never name a vendor fact).
  public func vendorFact(_ name: String) -> AnswerValue? { nil }
}

/// The answers of one group entry seen on top of the answers around it.
struct EntryEnvironment<Base: ConditionEnvironment>: ConditionEnvironment {
  var base: Base
  var entry: GroupEntry

  func answer(_ id: String) -> AnswerValue? { entry.values[id] ?? base.answer(id) }
  func vendorFact(_ name: String) -> AnswerValue? { base.vendorFact(name) }
}

extension Condition {
  /// Evaluates the condition.
  ///
  /// An unanswered question satisfies no comparison, so `x = a` is false and
  /// `x != a` (which is `not (x = a)`) is true while `x` is unanswered.
  public func evaluate(in environment: some ConditionEnvironment) -> Bool {
    switch self {
    case .constant(let value):
      return value
    case .all(let items):
      return items.allSatisfy { $0.evaluate(in: environment) }
    case .any(let items):
      return items.contains { $0.evaluate(in: environment) }
    case .not(let inner):
      return !inner.evaluate(in: environment)
    case .anyEntry(let group, let inner):
      guard case .entries(let entries)? = environment.answer(group.name) else { return false }
      return entries.contains {
        inner.evaluate(in: EntryEnvironment(base: environment, entry: $0))
      }
    case .test(let test):
      return test.evaluate(in: environment)
    }
  }
}

extension Condition.Test {
  func evaluate(in environment: some ConditionEnvironment) -> Bool {
    switch self {
    case .answered(let reference):
      return value(of: reference, in: environment) != nil
    case .equals(let reference, let literal):
      guard let value = value(of: reference, in: environment) else { return false }
      return Self.matches(value, literal)
    case .oneOf(let reference, let literals):
      guard let value = value(of: reference, in: environment) else { return false }
      return literals.contains { Self.matches(value, $0) }
    case .has(let reference, let literals):
      guard case .choices(let selected)? = value(of: reference, in: environment) else {
        return false
      }
      return literals.contains { selected.contains($0.text) }
    case .compare(let reference, let op, let literal):
      guard let limit = literal.number,
        case .number(let number)? = value(of: reference, in: environment)
      else { return false }
      switch op {
      case .less: return number < limit
      case .lessOrEqual: return number <= limit
      case .greater: return number > limit
      case .greaterOrEqual: return number >= limit
      }
    }
  }

  private func value(of reference: Reference, in environment: some ConditionEnvironment)
    -> AnswerValue?
  {
    switch reference.kind {
    case .answer:
      return environment.answer(reference.name)
    case .vendorFact:
      return environment.vendorFact(reference.name)
    case .count:
      switch environment.answer(reference.name) {
      case .entries(let entries)?: return .number(Double(entries.count))
      case .choices(let choices)?: return .number(Double(choices.count))
      case nil: return .number(0)
      default: return nil
      }
    }
  }

  static func matches(_ value: AnswerValue, _ literal: Literal) -> Bool {
    switch value {
    case .bool(let flag): return literal.boolean == flag
    case .choice(let id): return literal.text == id
    case .text(let text): return literal.text == text
    case .number(let number): return literal.number == number
    case .date(let date): return literal.text == date.description
    case .choices(let ids): return ids.contains(literal.text)
    case .entries: return false
    }
  }
}
