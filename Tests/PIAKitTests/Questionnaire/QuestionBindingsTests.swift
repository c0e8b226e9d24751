import Foundation
import Testing

@testable import PIAKit

/// The question ids the code reads are checked against the questionnaires.
@Suite struct QuestionBindingsTests {
  @Test func theShippedContentHasEveryBoundQuestion() {
    let catalog = Fixtures.shipped()
    #expect(QuestionBindings.check(catalog.questionnaires).isEmpty)
  }

  /// Renaming a bound question in a copy of the content fails `pia validate`
  /// (the catalogue's diagnostics) naming the id and what reads it.
  @Test func renamingABoundQuestionIsAnError() throws {
    let folder = try TemporaryDirectory()
    let fm = FileManager.default
    for name in ["Questionnaires", "Templates"] {
      try fm.copyItem(
        at: RepositoryPaths.root.appendingPathComponent(name), to: folder.file(name))
    }
    let module = folder.file("Questionnaires/modules/ai-assistant.yaml")
    let text = try String(contentsOf: module, encoding: .utf8)
    try text.replacingOccurrences(of: "- id: ai_vendor\n", with: "- id: ai_supplier\n")
      .write(to: module, atomically: true, encoding: .utf8)
    let catalog = ContentCatalog(resources: Resources(root: folder.url, displayRoot: "copy"))
    let messages = catalog.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(
      messages.contains(
        "copy/Questionnaires/ai-assistant.yaml:1:1: error: questionnaire 'ai-assistant' has no "
          + "question 'ai_vendor' (choice), which the risk engine "
          + "(Sources/PIAKit/Risk/RiskEngine.swift) and the report model "
          + "(Sources/PIAKit/Report/ReportModel+Build.swift) reads; restore it, or rename it in "
          + "the code too"), "\(messages)")
  }

  @Test func aWrongKindOrAMissingChoiceIsAnErrorAtTheQuestion() throws {
    var questionnaire = try Fixtures.questionnaire("small.yaml")
    questionnaire.id = "x"
    let binding = QuestionBinding(
      "tier", kinds: [.multiChoice], choices: ["team", "gold"], place: .questionnaires(["x"]),
      readBy: "a test")
    let messages = QuestionBindings.check([questionnaire], bindings: [binding]).map(\.message)
    #expect(
      messages == [
        "'tier' is a choice question, but a test reads it as multi_choice",
        "'tier' has no choice 'gold', which a test compares its answer with",
      ])
  }

  /// Every id the report model and risk engine read by name is in the table.
  @Test func everyIdTheCodeReadsIsBound() throws {
    let bound = Set(QuestionBindings.all.map(\.id))
    let pattern = try Regex(
      #"(answers\[|answered\(|text\(|isAsked\(|values\[|fieldText\(entry, )"([a-z_0-9]+)""#)
    var unbound: Set<String> = []
    for folder in ["Report", "Risk"] {
      let url = RepositoryPaths.root.appendingPathComponent("Sources/PIAKit/\(folder)")
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path)
      where name.hasSuffix(".swift") {
        let source = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        for match in source.matches(of: pattern) {
          if let id = match.output[2].substring.map(String.init), !bound.contains(id) {
            unbound.insert(id)
          }
        }
      }
    }
    #expect(unbound.isEmpty, "\(unbound.sorted())")
  }
}
