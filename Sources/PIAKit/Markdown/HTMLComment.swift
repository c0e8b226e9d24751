/// Classifies HTML that might be a comment or a `pia:` directive.
enum HTMLComment {
  case directive(Directive)
  case plainComment
  case notAComment

  static func classify(_ html: String, line: Int) throws -> HTMLComment {
    let trimmed = html.trimmingASCIIWhitespace()
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else {
      return .notAComment
    }
    let body = trimmed.dropFirst(4).dropLast(3)
    // Two comments on one line, or text after the comment, are not a single comment.
    if body.contains("-->") { return .notAComment }
    let content = String(body).trimmingASCIIWhitespace()
    guard content.hasPrefix("pia:") else { return .plainComment }
    let name = content.dropFirst(4)
    guard let directive = Directive(rawValue: String(name)) else {
      let known = Directive.allCases.map { "pia:\($0.name)" }.joined(separator: ", ")
      throw MarkdownParser.ParseError(
        line: line, message: "unknown directive <!-- \(content) --> (known: \(known))")
    }
    return .directive(directive)
  }
}

extension String {
  func trimmingASCIIWhitespace() -> String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
