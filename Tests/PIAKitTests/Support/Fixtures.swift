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
    let (questionnaire, diagnostics) = QuestionnaireLoader(root: root).load(
      url, path: "questionnaires/\(name)")
    guard let questionnaire, !diagnostics.hasErrors else {
      throw DiagnosticsError(diagnostics)
    }
    return questionnaire
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
