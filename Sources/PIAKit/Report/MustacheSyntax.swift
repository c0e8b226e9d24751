import Mustache

/// A quick syntax check of Mustache text that never parses it whole.
///
/// swift-mustache 2.1's parser measures the text left after every tag it reads, so parsing a
/// template costs its number of tags times its length: a 9 kB template took longer than all the
/// questionnaires. Checking it as short runs of lines (``ParallelLayout/syntaxRuns(length:)``)
/// costs the same as reading it once.
public enum MustacheSyntax {
  /// Whether `source` parses, decided run by run.
  ///
  /// - Parameter source: Mustache text (a report template or a page of `pia serve`).
  /// - Returns: `true` when every run parses on its own, which means the whole text parses
  ///   too; `false` when the runs cannot tell (a run does not parse, or the section tags do
  ///   not pair): parse the whole text to find out, and to place the error.
  public static func parsesInRuns(_ source: String) -> Bool {
    var ignored: [Diagnostic] = []
    let layout = ParallelLayout(
      source: source, tags: TagScanner.scan(source, path: "", diagnostics: &ignored))
    return runsParse(layout)
  }

  /// The partials (`{{> name}}`) and parents (`{{< name}}`) `source` names, each with where its
  /// tag starts (line and column, 1-based, counted in characters); tags that run over several
  /// lines are not counted.
  ///
  /// - Parameters:
  ///   - source: Mustache text.
  ///   - path: The file as printed in the locations.
  public static func partialReferences(in source: String, path: String) -> [(
    name: String, location: SourceLocation
  )] {
    var ignored: [Diagnostic] = []
    return TagScanner.scan(source, path: path, diagnostics: &ignored).compactMap { tag in
      guard tag.kind == .partial || tag.kind == .parent, tag.endLine == tag.line else {
        return nil
      }
      return (tag.name, SourceLocation(file: path, line: tag.line, column: tag.column))
    }
  }

  /// Whether every syntax run of `layout` parses; `false` when there are none to check.
  static func runsParse(_ layout: ParallelLayout) -> Bool {
    guard let runs = layout.syntaxRuns() else { return false }
    return runs.allSatisfy { (try? MustacheTemplate(string: $0)) != nil }
  }
}
