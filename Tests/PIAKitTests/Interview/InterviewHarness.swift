import Foundation
import PIAKit

/// Runs an interview with scripted input against a real answers file on disk.
struct InterviewRun {
  var outcome: TerminalInterview<ScriptedConsole>.Outcome
  var transcript: String
  var file: AssessmentFile
  /// The file as saved on disk, read back through the loader.
  var saved: AssessmentFile?
  var savedText: String
  var saves: Int
}

enum InterviewHarness {
  static func run(
    _ questionnaire: Questionnaire, law: LawCatalogue = LawCatalogue(),
    in folder: TemporaryDirectory,
    start: AssessmentFile? = nil, console: ScriptedConsole, revise: Bool = false
  ) -> InterviewRun {
    let url = folder.file("a.pia.yaml")
    let initial =
      start
      ?? AssessmentFile(
        questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version)
    final class Counter: @unchecked Sendable { var value = 0 }
    let counter = Counter()
    var interview = TerminalInterview(
      session: Fixtures.session(initial, questionnaire: questionnaire, law: law), law: law,
      console: console,
      options: .init(
        revise: revise, filePath: "a.pia.yaml",
        resumeCommand: "pia interview \(questionnaire.id) --answers a.pia.yaml"),
      save: {
        counter.value += 1
        try $0.encoded().data.write(to: url, options: .atomic)
      })
    let outcome = interview.run()
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let (saved, _) = AssessmentFile.loadReporting(
      text: text, path: "a.pia.yaml", questionnaire: questionnaire)
    return InterviewRun(
      outcome: outcome, transcript: interview.console.transcript, file: interview.file,
      saved: saved, savedText: text, saves: counter.value)
  }

  static func run(
    _ questionnaire: Questionnaire, in folder: TemporaryDirectory, start: AssessmentFile? = nil,
    lines: [String], revise: Bool = false
  ) -> InterviewRun {
    run(questionnaire, in: folder, start: start, console: ScriptedConsole(lines), revise: revise)
  }
}
