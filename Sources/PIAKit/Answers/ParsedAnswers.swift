import Foundation

/// An answers file's bytes parsed as YAML before the questionnaire it answers is known.
///
/// Parsing a large file takes about as long as loading the content catalogue (a 1,000-flow
/// file: both about 40 ms), and neither needs the other, so a front end can parse the file
/// while the catalogue loads, then open the session from this value
/// (``AssessmentSession/open(parsed:content:options:)``).
///
/// Yams's nodes are immutable values; the parsed document is only read after it is made.
public struct ParsedAnswers: @unchecked Sendable {
  /// The file's bytes, as read.
  public let data: Data
  /// The path printed in diagnostics.
  public let path: String
  /// The document, or the YAML problems (size, encoding, syntax) at their places.
  let document: Result<YAMLDocument, DiagnosticsError>

  /// Parses `data` (size and encoding are checked first); problems are kept for the load.
  public init(data: Data, path: String) {
    self.data = data
    self.path = path
    document = Result { () throws(DiagnosticsError) in try YAMLDocument(data: data, path: path) }
  }
}
