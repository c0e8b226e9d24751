/// A failure while writing or reading a DOCX package, with a readable message.
public struct DocxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, in words.
  public var message: String

  /// Creates an error with a message.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
