extension Condition: CustomStringConvertible {
  /// The condition written back in the expression language
  /// (`plan_tier in [free, pro] and not (ask_before_acting = yes)`), for
  /// messages; parsing it gives the same condition.
  public var description: String { written(nested: false) }

  private func written(nested: Bool) -> String {
    switch self {
    case .constant(let value):
      return value ? "true" : "false"
    case .all(let items):
      let text = items.map { $0.written(nested: true) }.joined(separator: " and ")
      return nested && items.count > 1 ? "(\(text))" : text
    case .any(let items):
      let text = items.map { $0.written(nested: true) }.joined(separator: " or ")
      return nested && items.count > 1 ? "(\(text))" : text
    case .not(let inner):
      return "not (\(inner.written(nested: false)))"
    case .anyEntry(let group, let inner):
      return "any \(group.name) where (\(inner.written(nested: false)))"
    case .test(let test):
      return test.description
    }
  }
}

extension Condition.Test: CustomStringConvertible {
  /// The comparison as written (`authority = none`, `count(data_flows) > 0`).
  public var description: String {
    func list(_ literals: [Literal]) -> String {
      "[" + literals.map(\.written).joined(separator: ", ") + "]"
    }
    switch self {
    case .equals(let reference, let literal): return "\(reference.spelled) = \(literal.written)"
    case .oneOf(let reference, let literals): return "\(reference.spelled) in \(list(literals))"
    case .has(let reference, let literals):
      return literals.count == 1
        ? "\(reference.spelled) has \(literals[0].written)"
        : "\(reference.spelled) has any \(list(literals))"
    case .answered(let reference): return "\(reference.spelled) is answered"
    case .compare(let reference, let op, let literal):
      return "\(reference.spelled) \(op.rawValue) \(literal.written)"
    }
  }
}

extension Literal {
  /// The literal as written in an expression (strings quoted).
  var written: String {
    if case .string(let string) = value {
      return "\"" + string.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return text
  }
}
