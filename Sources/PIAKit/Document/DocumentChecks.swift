/// Structural checks on a ``Document`` that need no DOCX, usable when a template is checked.
public enum DocumentChecks {
  /// A heading that goes more than one level deeper than the heading before it.
  public struct HeadingOrderProblem: Sendable, Equatable, CustomStringConvertible {
    /// The heading's plain text.
    public var text: String
    /// The heading's level.
    public var level: Int
    /// The level of the heading before it.
    public var previousLevel: Int

    /// Creates a problem record.
    public init(text: String, level: Int, previousLevel: Int) {
      self.text = text
      self.level = level
      self.previousLevel = previousLevel
    }

    /// The problem in words, naming the heading.
    public var description: String {
      "heading \"\(text)\" is level \(level) but follows a level \(previousLevel) heading"
        + " (levels must not be skipped)"
    }
  }

  /// Finds headings that skip a level (for example H1 followed by H3).
  ///
  /// The first heading may have any level; each later heading may be at most one level deeper
  /// than the one before it, and any number of levels shallower.
  /// - Parameter document: The document to check.
  /// - Returns: One problem per offending heading, in document order.
  public static func headingOrderProblems(_ document: Document) -> [HeadingOrderProblem] {
    headingOrderProblems(levels: document.headings.map { ($0.level, $0.text) })
  }

  /// The heading-order rule on a plain list of (level, text) pairs; shared with the DOCX checker.
  static func headingOrderProblems(levels: [(Int, String)]) -> [HeadingOrderProblem] {
    var problems: [HeadingOrderProblem] = []
    var previous: Int?
    for (level, text) in levels {
      if let previous, level > previous + 1 {
        problems.append(HeadingOrderProblem(text: text, level: level, previousLevel: previous))
      }
      previous = level
    }
    return problems
  }
}
