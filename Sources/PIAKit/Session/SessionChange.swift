/// What an operation on the session changed besides the answer it set:
/// answers a changed condition moved aside or brought back.
///
/// Front ends tell the user about each (the terminal prints them; the web
/// interview shows them on the next page). Empty when nothing else moved.
public struct SessionChange: Sendable, Hashable {
  /// Top-level answers whose question no longer applies; kept under
  /// `inactive` in the file and restored if it applies again.
  public var hidden: [QuestionPath]
  /// Top-level answers that apply again and were brought back from `inactive`.
  public var restored: [QuestionPath]
  /// Answers inside an entry whose question no longer applies; removed, so a
  /// stale hidden answer never counts in a condition or a risk rule.
  public var removed: [QuestionPath]

  /// A change; nothing moved by default.
  public init(
    hidden: [QuestionPath] = [], restored: [QuestionPath] = [], removed: [QuestionPath] = []
  ) {
    self.hidden = hidden
    self.restored = restored
    self.removed = removed
  }

  /// Whether nothing besides the answer itself changed.
  public var isEmpty: Bool { hidden.isEmpty && restored.isEmpty && removed.isEmpty }

  /// This change followed by `later` (an answer hidden then restored cancels out).
  public func then(_ later: SessionChange) -> SessionChange {
    var result = self
    for path in later.hidden {
      if let index = result.restored.firstIndex(of: path) {
        result.restored.remove(at: index)
      } else if !result.hidden.contains(path) {
        result.hidden.append(path)
      }
    }
    for path in later.restored {
      if let index = result.hidden.firstIndex(of: path) {
        result.hidden.remove(at: index)
      } else if !result.restored.contains(path) {
        result.restored.append(path)
      }
    }
    for path in later.removed where !result.removed.contains(path) { result.removed.append(path) }
    return result
  }
}
