/// A value read without errors, with the warnings found on the way.
///
/// The library's one error channel: a function that reads or checks input
/// either returns `Loaded` (no errors; perhaps warnings) or throws
/// `DiagnosticsError` holding every problem found, errors and warnings, in
/// file order. A value is never returned alongside an error.
public struct Loaded<Value> {
  /// The value.
  public var value: Value
  /// Problems that did not stop the reading (`severity` warning or note).
  public var warnings: [Diagnostic]

  /// A value and its warnings.
  public init(_ value: Value, warnings: [Diagnostic] = []) {
    self.value = value
    self.warnings = warnings
  }
}

extension Loaded: Sendable where Value: Sendable {}

extension Loaded {
  /// Wraps the result of a reader that returns a value and its diagnostics:
  /// the value when there is one and no diagnostic is an error.
  ///
  /// - Throws: `DiagnosticsError` with every diagnostic when any is an error
  ///   or no value was produced.
  public static func checking(_ value: Value?, _ diagnostics: [Diagnostic])
    throws(DiagnosticsError) -> Loaded<Value>
  {
    guard let value, !diagnostics.hasErrors else {
      throw DiagnosticsError(
        diagnostics.isEmpty ? [.error("nothing could be read", at: nil)] : diagnostics)
    }
    return Loaded(value, warnings: diagnostics)
  }
}
