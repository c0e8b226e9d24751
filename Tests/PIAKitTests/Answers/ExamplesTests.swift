import Foundation
import PIAKit
import Testing

@Suite struct ExamplesTests {
  static let names = [
    "safe-admin-pilot.pia.yaml", "personal-account-pilot.pia.yaml",
    "records-system-deployment.pia.yaml",
  ]

  @Test(arguments: names)
  func shippedExampleLoadsCleanlyAndIsCanonical(name: String) throws {
    let catalog = Fixtures.shipped()
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let url = Fixtures.repository.appendingPathComponent("Examples/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    let (file, diagnostics) = AssessmentFile.loadReporting(
      text: text, path: "Examples/\(name)", questionnaire: questionnaire)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    let loaded = try #require(file)
    // Written as pia writes it, so the first interview on it changes nothing.
    #expect(loaded.yamlText(questionnaire: questionnaire) == text)
    let missing = questionnaire.visibleQuestions(answers: loaded.answers).filter {
      loaded.answers[$0.id] == nil
    }
    #expect(missing.map(\.id) == [])
    for question in questionnaire.questions where loaded.answers[question.id] != nil {
      #expect(
        questionnaire.isVisible(question, answers: loaded.answers), "\(question.id) is hidden")
    }
  }
}
