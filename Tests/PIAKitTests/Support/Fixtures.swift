import Foundation
import PIAKit

/// Paths into the repository and the test fixtures, found from this file.
enum Fixtures {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
  static let folder = testsFolder.appendingPathComponent("Fixtures")

  /// A fixture questionnaire, loaded and checked.
  static func questionnaire(_ name: String) throws -> Questionnaire {
    let root = folder.appendingPathComponent("questionnaires")
    let url = root.appendingPathComponent(name)
    return try QuestionnaireLoader(root: root).load(url, path: "questionnaires/\(name)").value
  }

  /// The shipped content (law catalogue and questionnaires).
  static func shipped() -> ContentCatalog {
    ContentCatalog(resources: Resources(root: repository))
  }

  /// The text of an answers fixture.
  static func answersText(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent("answers/\(name)"), encoding: .utf8)
  }
}

extension Fixtures {
  /// An answers file on disk opened as a session against `content`.
  static func session(_ url: URL, content: ContentCatalog, path: String? = nil) throws
    -> AssessmentSession
  {
    let data = try Data(contentsOf: url)
    return try AssessmentSession.open(
      data: data, path: path ?? url.lastPathComponent, content: content,
      options: .init(acceptsOtherVersion: true)
    ).value
  }

  /// A session over `file` for a questionnaire outside the shipped content.
  static func session(
    _ file: AssessmentFile, questionnaire: Questionnaire, law: LawCatalogue = LawCatalogue()
  ) -> AssessmentSession {
    AssessmentSession(
      file: file, questionnaire: questionnaire,
      content: ContentCatalog(law: law, questionnaires: [questionnaire]))
  }
}

extension AssessmentFile {
  /// `load(text:…)` as a pair, for tests that compare diagnostics: the file
  /// (nil when there is an error) and every diagnostic, errors or warnings.
  static func loadReporting(
    text: String, path: String, questionnaire: Questionnaire, options: LoadOptions = .init()
  ) -> (AssessmentFile?, [Diagnostic]) {
    do {
      let loaded = try load(text: text, path: path, questionnaire: questionnaire, options: options)
      return (loaded.value, loaded.warnings)
    } catch {
      return (nil, error.diagnostics)
    }
  }
}

extension RevisionRecord {
  /// `read(text:…)` as a pair, for tests that compare diagnostics.
  static func readReporting(text: String, path: String, questionnaire: Questionnaire?)
    -> (RevisionRecord, [Diagnostic])
  {
    do {
      let loaded = try read(text: text, path: path, questionnaire: questionnaire)
      return (loaded.value, loaded.warnings)
    } catch {
      return (RevisionRecord(), error.diagnostics)
    }
  }
}
