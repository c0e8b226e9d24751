/// A place in a source file: the file's path as the user gave it, and a 1-based
/// line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's path as the user gave it or as the resource folder shows it
  /// (`Questionnaires/rules/ai-assistant.yaml`).
  public var file: String
  /// The 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// The 1-based column, counted in characters.
  public var column: Int

  /// Makes a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `path:line:col`, or just the path when the line is 0.
  public var description: String {
    line > 0 ? "\(file):\(line):\(column)" : file
  }

  /// Orders by file, then line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  /// The same location moved `offset` columns to the right.
  public func advanced(by offset: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column + offset)
  }
}

/// One problem found in an input file, printed as `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How serious the problem is; the raw value is the word printed.
  public enum Severity: String, Sendable, Hashable {
    /// Stops the command: the input cannot be used as it is.
    case error
    /// Worth fixing, but the input can be used; never stops a command.
    case warning
    /// Information only; never stops a command.
    case note
  }

  /// Error, warning or note.
  public var severity: Severity
  /// Where the problem is; `nil` when it has no place (a missing folder).
  public var location: SourceLocation?
  /// What is wrong and what was expected, starting in lower case.
  public var message: String

  /// Makes a diagnostic.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// An error at `location`.
  public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  /// A warning at `location`.
  public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  /// `path:line:col: error: message`, or `error: message` without a location.
  public var description: String {
    if let location {
      return "\(location): \(severity.rawValue): \(message)"
    }
    return "\(severity.rawValue): \(message)"
  }
}

/// Diagnostics collected while loading or checking files; thrown as one error
/// when any of them is an error, so every problem is reported at once.
public struct DiagnosticsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Every diagnostic found, errors and warnings, in the order found.
  public var diagnostics: [Diagnostic]

  /// Wraps the diagnostics found; throw it only when they include an error.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// One diagnostic per line.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in file, line, column order; those without a place first.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      switch (lhs.element.location, rhs.element.location) {
      case (nil, nil): return lhs.offset < rhs.offset
      case (nil, _): return true
      case (_, nil): return false
      case (let l?, let r?): return l == r ? lhs.offset < rhs.offset : l < r
      }
    }.map(\.element)
  }
}
