/// Where the interview reads answers and writes questions: the terminal in the
/// `pia` executable, a scripted console in tests.
public protocol Console {
  /// Shows `prompt` and reads one line without its line break; `nil` at the end
  /// of input (Ctrl-D) or when the read was interrupted (Ctrl-C).
  mutating func readLine(prompt: String) -> String?
  /// Writes text as it is (the engine supplies the line breaks).
  mutating func write(_ text: String)
  /// Whether the user asked to stop (Ctrl-C); checked after every read.
  var interruptRequested: Bool { get }
  /// Forgets a Ctrl-C once it has been handled, so one more question can be
  /// asked (whether to keep text typed before it).
  mutating func acknowledgeInterrupt()
}

extension Console {
  /// No Ctrl-C by default.
  public var interruptRequested: Bool { false }
  /// Nothing to forget by default.
  public mutating func acknowledgeInterrupt() {}
}
