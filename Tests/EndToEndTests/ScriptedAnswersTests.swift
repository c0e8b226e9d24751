import Foundation
import Testing

/// `pia interview --non-interactive --set …`: scripted answers go through the
/// same session as the terminal; a bad one changes nothing.
@Suite struct ScriptedAnswersTests {
  let folder: URL
  let questionnaire = "Tests/PIAKitTests/Fixtures/questionnaires/small.yaml"

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("pia-set-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func interview(_ file: URL, _ extra: [String]) throws -> PIAProcess.Result {
    try PIAProcess.run(
      ["interview", questionnaire, "--answers", file.path, "--resources", ".", "--non-interactive"]
        + extra)
  }

  @Test func validAnswersAreSavedAndEntriesGetIds() throws {
    let file = folder.appendingPathComponent("a.pia.yaml")
    var result = try interview(
      file,
      [
        "--set", "title=Pilot", "--set", "started=2026-01-15", "--set", "tier=free",
        "--set", "opt_out=yes", "--set", "tasks=reports,casework", "--add-entry", "flows",
        "--set", "flows.new.element=Resident names", "--set", "flows.new.category=personal",
      ])
    #expect(result.stdout.hasPrefix("flows-1\n"), "\(result.stderr)")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("  tier: free\n  opt_out: true\n"))
    #expect(text.contains("  flows:\n    - id: flows-1\n      element: Resident names\n"))
    // The plan changes: the opt-out answer is set aside, and the command says so.
    result = try interview(file, ["--set", "tier=team"])
    #expect(result.stderr.contains("no longer applies, kept aside: opt_out"))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("inactive:\n  opt_out: true\n"))
  }

  @Test func anInvalidAnswerLeavesTheFileByteIdentical() throws {
    let file = folder.appendingPathComponent("a.pia.yaml")
    _ = try interview(file, ["--set", "title=Pilot", "--set", "tier=free"])
    let before = try Data(contentsOf: file)
    for (arguments, message) in [
      (["--set", "tier=teem"], "tier: 'teem' is not one of the choices (did you mean 'team'?)"),
      (["--set", "tittle=x"], "'small' has no question 'tittle' (did you mean 'title'?)"),
      (["--set", "retention_days=30"], "retention_days: this question does not apply"),
      (["--set", "flows.flows-9.element=x"], "'flows' has no entry 'flows-9'"),
      (["--remove-entry", "flows.flows-1"], "'flows' has no entry 'flows-1'"),
      (
        ["--set", "title=New", "--set", "started=15/01/2026"], "started: '15/01/2026' is not a date"
      ),
    ] {
      let result = try interview(file, arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("is unchanged"))
      #expect(try Data(contentsOf: file) == before, "\(arguments)")
    }
  }

  @Test func longTextComesFromAFile() throws {
    let file = folder.appendingPathComponent("a.pia.yaml")
    let notes = folder.appendingPathComponent("notes.txt")
    try Data("First line\nSecond line\n".utf8).write(to: notes)
    let result = try interview(file, ["--set-file", "notes=\(notes.path)"])
    #expect(result.stderr.contains("Saved"), "\(result.stderr)")
    #expect(
      try String(contentsOf: file, encoding: .utf8).contains(
        "  notes: |\n    First line\n    Second line\n"))
  }
}
