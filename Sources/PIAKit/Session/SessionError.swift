/// Why the session refused an operation, in words for the person who asked.
///
/// The message names the question (by id and, where it helps, by prompt) and
/// says what was expected. `kind` lets a front end choose how to answer: the
/// web interview answers `unknown` with 404 and the others with the page and
/// the message.
public struct SessionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of refusal this is.
  public enum Kind: String, Sendable, Hashable {
    /// No such question, group or entry.
    case unknown
    /// The question exists but does not apply given the other answers.
    case notApplicable = "not_applicable"
    /// The value is not an answer to this question (wrong kind, not a
    /// choice, out of range, empty where an answer is required).
    case invalid
    /// The operation is not allowed in the assessment's current state (an
    /// approval the conclusion does not permit, a revision without a reason).
    case refused
  }

  /// What kind of refusal this is.
  public var kind: Kind
  /// The answer the refusal is about, when there is one.
  public var path: QuestionPath?
  /// A sentence for the user.
  public var message: String

  /// A refusal of `kind` about `path`.
  public init(_ kind: Kind, _ message: String, path: QuestionPath? = nil) {
    self.kind = kind
    self.message = message
    self.path = path
  }

  /// The message, prefixed with the answer's path when there is one.
  public var description: String {
    guard let path else { return message }
    return "\(path): \(message)"
  }
}
