import Foundation
import PIAKit

/// Process-level output: diagnostics to standard error, with colour only on a
/// terminal and never when `NO_COLOR` is set.
enum Terminal {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// Whether a file descriptor is a terminal that takes colour.
  static func usesColour(_ descriptor: Int32) -> Bool {
    guard isatty(descriptor) == 1 else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// Writes text to standard error.
  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Prints diagnostics as `path:line:col: error: message`.
  static func print(_ diagnostics: [Diagnostic]) {
    let colour = usesColour(STDERR_FILENO)
    var output = ""
    for diagnostic in diagnostics {
      guard colour else {
        output += diagnostic.description + "\n"
        continue
      }
      let code: String
      switch diagnostic.severity {
      case .error: code = "31"
      case .warning: code = "33"
      case .note: code = "36"
      }
      let place = diagnostic.location.map { "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
      output +=
        "\(place)\u{1B}[1;\(code)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)\n"
    }
    writeError(output)
  }
}
