extension Condition {
  /// A problem in the text of a condition, with the character offset it was found at.
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected and what was found ("expected a value after 'in'").
    public var message: String
    /// Offset in the expression text where the problem was found (0-based, in characters).
    public var offset: Int

    /// The same text as `message`.
    public var description: String { message }

    /// Makes a parse error.
    public init(message: String, offset: Int) {
      self.message = message
      self.offset = offset
    }
  }

  /// Parses a condition expression.
  ///
  /// - Throws: `ParseError` naming what was expected and where.
  public init(parsing text: String) throws(ParseError) {
    var parser = ConditionParser(tokens: try ConditionLexer.tokens(in: text))
    self = try parser.parseExpression()
    if let token = parser.peek {
      throw ParseError(
        message: "unexpected '\(token.text)' after a complete condition "
          + "(join conditions with 'and' or 'or')", offset: token.offset)
    }
  }
}

struct ConditionToken: Equatable {
  enum Kind: Equatable {
    case word
    case number
    case string
    case symbol
  }

  var kind: Kind
  var text: String
  var offset: Int
}

enum ConditionLexer {
  static func tokens(in text: String) throws(Condition.ParseError) -> [ConditionToken] {
    let characters = Array(text)
    var tokens: [ConditionToken] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character.isWhitespace {
        index += 1
        continue
      }
      let start = index
      if character.isLetter || character == "_" {
        while index < characters.count,
          characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
            || characters[index] == "-"
        {
          index += 1
        }
        tokens.append(.init(kind: .word, text: String(characters[start..<index]), offset: start))
      } else if character.isNumber
        || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber)
      {
        index += 1
        while index < characters.count, characters[index].isNumber || characters[index] == "." {
          index += 1
        }
        tokens.append(.init(kind: .number, text: String(characters[start..<index]), offset: start))
      } else if character == "\"" || character == "'" {
        index += 1
        var value = ""
        while index < characters.count, characters[index] != character {
          value.append(characters[index])
          index += 1
        }
        guard index < characters.count else {
          throw .init(message: "unterminated quoted text", offset: start)
        }
        index += 1
        tokens.append(.init(kind: .string, text: value, offset: start))
      } else {
        let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
        if ["!=", "<=", ">=", "=="].contains(two) {
          tokens.append(.init(kind: .symbol, text: two == "==" ? "=" : two, offset: start))
          index += 2
        } else if "=<>()[],.".contains(character) {
          tokens.append(.init(kind: .symbol, text: String(character), offset: start))
          index += 1
        } else {
          throw .init(message: "unexpected character '\(character)'", offset: start)
        }
      }
    }
    return tokens
  }
}

struct ConditionParser {
  var tokens: [ConditionToken]
  var position = 0

  var peek: ConditionToken? { position < tokens.count ? tokens[position] : nil }

  private var endOffset: Int { tokens.last.map { $0.offset + $0.text.count } ?? 0 }

  private mutating func next() -> ConditionToken? {
    defer { position += 1 }
    return peek
  }

  private mutating func accept(_ text: String) -> Bool {
    guard let token = peek, token.kind != .string, token.text == text else { return false }
    position += 1
    return true
  }

  private mutating func expect(_ text: String, _ context: String) throws(Condition.ParseError) {
    guard accept(text) else { throw expected("'\(text)' \(context)") }
  }

  private func expected(_ what: String) -> Condition.ParseError {
    if let token = peek {
      return .init(message: "expected \(what), found '\(token.text)'", offset: token.offset)
    }
    return .init(message: "expected \(what) at the end of the condition", offset: endOffset)
  }

  mutating func parseExpression() throws(Condition.ParseError) -> Condition {
    var items = [try parseConjunction()]
    while accept("or") { items.append(try parseConjunction()) }
    return items.count == 1 ? items[0] : .any(items)
  }

  private mutating func parseConjunction() throws(Condition.ParseError) -> Condition {
    var items = [try parseUnary()]
    while accept("and") { items.append(try parseUnary()) }
    return items.count == 1 ? items[0] : .all(items)
  }

  private mutating func parseUnary() throws(Condition.ParseError) -> Condition {
    if accept("not") { return .not(try parseUnary()) }
    if accept("(") {
      let inner = try parseExpression()
      try expect(")", "to close '('")
      return inner
    }
    if accept("true") { return .constant(true) }
    if accept("false") { return .constant(false) }
    if let token = peek, token.kind == .word, token.text == "any",
      position + 2 < tokens.count, tokens[position + 2].text == "where"
    {
      position += 1
      let group = try parseReference()
      try expect("where", "after the group name")
      return .anyEntry(group: group, where: try parseUnary())
    }
    return try parseTest()
  }

  private mutating func parseReference() throws(Condition.ParseError) -> Reference {
    guard let token = peek, token.kind == .word else {
      throw expected("a question id")
    }
    position += 1
    if token.text == "count", accept("(") {
      guard let name = peek, name.kind == .word else { throw expected("a question id") }
      position += 1
      try expect(")", "after the question id")
      return Reference(.count, name.text, offset: name.offset)
    }
    if token.text == "vendor", accept(".") {
      guard let name = peek, name.kind == .word else { throw expected("a vendor fact name") }
      position += 1
      return Reference(.vendorFact, name.text, offset: name.offset)
    }
    if ["and", "or", "not", "in", "has", "is", "where"].contains(token.text) {
      throw .init(message: "expected a question id, found '\(token.text)'", offset: token.offset)
    }
    return Reference(.answer, token.text, offset: token.offset)
  }

  private mutating func parseTest() throws(Condition.ParseError) -> Condition {
    let reference = try parseReference()
    guard let token = peek else {
      throw .init(
        message: "expected a comparison after '\(reference.spelled)' "
          + "(=, !=, in, has, is answered, <, >)", offset: endOffset)
    }
    let operatorText = token.kind == .string ? "" : token.text
    switch operatorText {
    case "=":
      position += 1
      return .test(.equals(reference, try parseLiteral()))
    case "!=":
      position += 1
      return .not(.test(.equals(reference, try parseLiteral())))
    case "not":
      position += 1
      try expect("in", "after 'not' (write 'not in [...]')")
      return .not(.test(.oneOf(reference, try parseList())))
    case "<", "<=", ">", ">=":
      position += 1
      let literal = try parseLiteral()
      guard literal.number != nil else {
        throw .init(
          message: "expected a number after '\(token.text)', found '\(literal.text)'",
          offset: literal.offset)
      }
      let op = Condition.ComparisonOperator(rawValue: token.text) ?? .greater
      return .test(.compare(reference, op, literal))
    case "in":
      position += 1
      return .test(.oneOf(reference, try parseList()))
    case "has":
      position += 1
      if accept("any") { return .test(.has(reference, try parseList())) }
      return .test(.has(reference, [try parseLiteral()]))
    case "is":
      position += 1
      let negated = accept("not")
      guard accept("answered") else {
        throw expected("'answered' after 'is' (write 'is answered' or 'is not answered')")
      }
      return negated ? .not(.test(.answered(reference))) : .test(.answered(reference))
    default:
      throw .init(
        message: "expected a comparison after '\(reference.spelled)' "
          + "(=, !=, in, has, is answered, <, >), found '\(token.text)'", offset: token.offset)
    }
  }

  private mutating func parseList() throws(Condition.ParseError) -> [Literal] {
    try expect("[", "to start the list of values")
    var items = [try parseLiteral()]
    while accept(",") { items.append(try parseLiteral()) }
    try expect("]", "to close the list of values")
    return items
  }

  private mutating func parseLiteral() throws(Condition.ParseError) -> Literal {
    guard let token = peek else { throw expected("a value") }
    switch token.kind {
    case .word:
      position += 1
      return Literal(.word(token.text), offset: token.offset)
    case .string:
      position += 1
      return Literal(.string(token.text), offset: token.offset)
    case .number:
      position += 1
      guard let number = Double(token.text) else {
        throw .init(message: "'\(token.text)' is not a number", offset: token.offset)
      }
      return Literal(.number(number), offset: token.offset)
    case .symbol:
      throw expected("a value")
    }
  }
}
