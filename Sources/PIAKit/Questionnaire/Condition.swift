/// A condition over answers (and, in risk rules, vendor facts), written as a
/// short expression a privacy lead can read:
///
///     plan_tier in [free, pro, max]
///     personal_information != none and ai_tasks has resident_casework
///     not (ask_before_acting = yes)
///     count(data_flows) > 0
///     any data_flows where (authority = none and pi_category != business_contact)
///     vendor.trains_by_default = true
///
/// See `docs/questionnaire-format.md` for the full grammar.
public indirect enum Condition: Sendable, Hashable {
  /// Every condition holds (`and`); `true` when empty.
  case all([Condition])
  /// At least one condition holds (`or`); `false` when empty.
  case any([Condition])
  /// The condition does not hold (`not`).
  case not(Condition)
  /// One comparison of a name with values.
  case test(Test)
  /// True when at least one entry of the group satisfies the inner condition;
  /// inside it, names resolve to the entry's fields first.
  case anyEntry(group: Reference, where: Condition)
  /// `true` or `false`, written as is.
  case constant(Bool)

  /// One comparison.
  public enum Test: Sendable, Hashable {
    /// Answered and equal. For yes/no questions the value is `yes` or `no`.
    case equals(Reference, Literal)
    /// Answered and one of the values.
    case oneOf(Reference, [Literal])
    /// A multiple-choice answer includes the value (or, with several, any of them).
    case has(Reference, [Literal])
    /// The question has an answer.
    case answered(Reference)
    /// A numeric comparison (numbers, and `count(…)`).
    case compare(Reference, ComparisonOperator, Literal)
  }

  /// The operators of a numeric comparison; raw values are as written.
  public enum ComparisonOperator: String, Sendable, Hashable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }
}

/// A name in a condition: an answer, the count of a group's entries or of a
/// multiple-choice answer's selections, or a vendor fact.
public struct Reference: Sendable, Hashable {
  /// What a reference names.
  public enum Kind: Sendable, Hashable {
    /// An answer (`plan_tier`), or inside an entry a field of the entry.
    case answer
    /// The number of a group's entries or of a multiple-choice answer's selections
    /// (`count(data_flows)`).
    case count
    /// A fact of the assessed vendor tier (`vendor.trains_by_default`).
    case vendorFact
  }

  /// What the reference names.
  public var kind: Kind
  /// The question, group or fact name, without `count(…)` or `vendor.`.
  public var name: String
  /// Offset of the name in the expression text (0-based, in characters).
  public var offset: Int

  /// Makes a reference; `offset` is 0 for references built in code.
  public init(_ kind: Kind, _ name: String, offset: Int = 0) {
    self.kind = kind
    self.name = name
    self.offset = offset
  }

  /// How the reference is written in an expression.
  public var spelled: String {
    switch kind {
    case .answer: return name
    case .count: return "count(\(name))"
    case .vendorFact: return "vendor.\(name)"
    }
  }
}

/// A value written in a condition: a word (a choice id, `yes`, `no`, `true`,
/// `false`), a number, or a quoted string.
public struct Literal: Sendable, Hashable {
  /// How the value is written.
  public enum Value: Sendable, Hashable {
    /// A bare word: a choice id, `yes`, `no`, `true` or `false`.
    case word(String)
    /// A number, compared numerically.
    case number(Double)
    /// A quoted string, compared as text.
    case string(String)
  }

  /// The value as written.
  public var value: Value
  /// Offset of the literal in the expression text (0-based, in characters).
  public var offset: Int

  /// Makes a literal; `offset` is 0 for literals built in code.
  public init(_ value: Value, offset: Int = 0) {
    self.value = value
    self.offset = offset
  }

  /// The literal as text.
  public var text: String {
    switch value {
    case .word(let word): return word
    case .number(let number): return AnswerValue.format(number)
    case .string(let string): return string
    }
  }

  /// The literal read as a boolean, when it is one of yes/no/true/false.
  public var boolean: Bool? {
    guard case .word(let word) = value else { return nil }
    switch word {
    case "yes", "true": return true
    case "no", "false": return false
    default: return nil
    }
  }

  /// The literal read as a number.
  public var number: Double? {
    if case .number(let number) = value { return number }
    return nil
  }
}

extension Condition {
  /// Every reference in the condition, with the group it is nested in (for
  /// references inside `any G where …`).
  public func references(in group: String? = nil) -> [(reference: Reference, group: String?)] {
    switch self {
    case .all(let items), .any(let items):
      return items.flatMap { $0.references(in: group) }
    case .not(let inner):
      return inner.references(in: group)
    case .constant:
      return []
    case .anyEntry(let reference, let inner):
      return [(reference, group)] + inner.references(in: reference.name)
    case .test(let test):
      switch test {
      case .equals(let r, _), .oneOf(let r, _), .has(let r, _), .answered(let r),
        .compare(let r, _, _):
        return [(r, group)]
      }
    }
  }
}
