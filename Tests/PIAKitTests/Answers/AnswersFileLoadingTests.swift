import Foundation
import PIAKit
import Testing

@Suite struct AnswersFileLoadingTests {
  let small: Questionnaire

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
  }

  private func load(_ name: String, options: AssessmentFile.LoadOptions = .init()) throws
    -> (AssessmentFile?, [String])
  {
    let text = try Fixtures.answersText(name)
    let (file, diagnostics) = AssessmentFile.loadReporting(
      text: text, path: "answers/\(name)", questionnaire: small, options: options)
    return (file, diagnostics.map(\.description))
  }

  @Test(arguments: [
    (
      "unknown-question.pia.yaml",
      "answers/unknown-question.pia.yaml:6:3: error: unknown question id 'titl' in 'answers' "
        + "(did you mean 'title'?); 'small' version 2 has no such question"
    ),
    (
      "unknown-choice.pia.yaml",
      "answers/unknown-choice.pia.yaml:6:9: error: 'teem' is not a choice of 'tier' "
        + "(did you mean 'team'?) (expected one of: free, team, enterprise)"
    ),
    (
      "wrong-type.pia.yaml",
      "answers/wrong-type.pia.yaml:6:10: error: expected the answer to 'tasks' to be a list of "
        + "choice ids, found a scalar"
    ),
    (
      "other-questionnaire.pia.yaml",
      "answers/other-questionnaire.pia.yaml:3:7: error: this file answers questionnaire "
        + "'ai-assistant', not 'small'; run 'pia interview ai-assistant --answers …' instead"
    ),
    (
      "sub-question-at-top.pia.yaml",
      "answers/sub-question-at-top.pia.yaml:6:3: error: 'element' is a question of each entry of "
        + "'flows'; write it inside an entry of 'flows'"
    ),
    (
      "number-above-maximum.pia.yaml",
      "answers/number-above-maximum.pia.yaml:6:19: error: the answer to 'retention_days' is 400, "
        + "above the maximum 365"
    ),
    (
      "impossible-date.pia.yaml",
      "answers/impossible-date.pia.yaml:6:12: error: expected the answer to 'started' to be a date "
        + "written YYYY-MM-DD, found '2026-02-30'"
    ),
    (
      "missing-format.pia.yaml",
      "answers/missing-format.pia.yaml:1:1: error: missing required key 'format' "
        + "(write 'format: 2')"
    ),
    (
      "unknown-entry-key.pia.yaml",
      "answers/unknown-entry-key.pia.yaml:8:7: error: unknown key 'elemnt' in an entry of 'flows' "
        + "(did you mean 'element'?)"
    ),
    (
      "not-yes-or-no.pia.yaml",
      "answers/not-yes-or-no.pia.yaml:6:14: error: expected the answer to 'monitored' to be yes "
        + "or no, found 'maybe'"
    ),
    (
      "answer-and-inactive.pia.yaml",
      "answers/answer-and-inactive.pia.yaml:8:3: error: 'tier' has an answer in both 'answers' "
        + "and 'inactive'; keep only one"
    ),
    (
      "newer-format.pia.yaml",
      "answers/newer-format.pia.yaml:1:9: error: this file has format 3, written by a newer "
        + "version of pia; this version reads format 2"
    ),
  ])
  func reportsOneProblem(fixture: String, expected: String) throws {
    let (_, diagnostics) = try load(fixture)
    #expect(diagnostics == [expected])
  }

  @Test func versionMismatchSaysWhatChanged() throws {
    let (_, diagnostics) = try load("other-version.pia.yaml")
    #expect(
      diagnostics == [
        "answers/other-version.pia.yaml:4:12: error: this file was written for version 1 of "
          + "'small' but version 2 is loaded (questions answered here that version 2 no longer "
          + "has: chat_history); run 'pia interview small --answers "
          + "answers/other-version.pia.yaml --revise' to review the answers against the new "
          + "version",
        "answers/other-version.pia.yaml:7:3: error: unknown question id 'chat_history' in "
          + "'answers'; 'small' version 2 has no such question",
      ])
  }

  @Test func versionMismatchIsAWarningWhenRevising() throws {
    let (file, diagnostics) = try load(
      "other-version.pia.yaml", options: .init(acceptsOtherVersion: true))
    #expect(diagnostics.first?.contains(": warning: this file was written for version 1") == true)
    #expect(
      diagnostics.last
        == "answers/other-version.pia.yaml:7:3: warning: 'chat_history' is not in version 2 of "
        + "'small'; its answer will be left out when the file is saved")
    #expect(file?.questionnaireVersion == 2)
    #expect(file?.answers == ["title": .text("Pilot")])
  }

  @Test func reportsEveryProblemAtOnce() throws {
    let (_, diagnostics) = try load("many-problems.pia.yaml")
    #expect(
      diagnostics == [
        "answers/many-problems.pia.yaml:6:3: error: unknown question id 'titl' in 'answers' "
          + "(did you mean 'title'?); 'small' version 2 has no such question",
        "answers/many-problems.pia.yaml:7:9: error: 'teem' is not a choice of 'tier' "
          + "(did you mean 'team'?) (expected one of: free, team, enterprise)",
        "answers/many-problems.pia.yaml:8:20: error: choice 'reports' is listed twice",
        "answers/many-problems.pia.yaml:8:29: error: 'gossip' is not a choice of 'tasks' "
          + "(expected one of: reports, notices, casework)",
        "answers/many-problems.pia.yaml:9:12: error: expected the answer to 'opt_out' to be yes "
          + "or no, found 'perhaps'",
      ])
  }

  @Test func preservesUnknownSectionsAsWritten() throws {
    let (file, diagnostics) = try load("preserved.pia.yaml")
    #expect(diagnostics.isEmpty)
    let loaded = try #require(file)
    #expect(loaded.preserved.map(\.key) == ["paper_sign_off", "notes"])
    #expect(
      loaded.preserved.first?.yaml
        == "paper_sign_off:\n  # Signed on paper; scanned copy in the records system.\n"
        + "  - by: Jane Doe, Clerk\n    on: 2026-03-02\n")
    let saved = loaded.yamlText(questionnaire: small)
    #expect(
      saved == """
        format: 2
        questionnaire:
          id: small
          version: 2
        paper_sign_off:
          # Signed on paper; scanned copy in the records system.
          - by: Jane Doe, Clerk
            on: 2026-03-02
        answers:
          title: Pilot
        notes: [created, revised]

        """)
    let (again, _) = AssessmentFile.loadReporting(text: saved, path: "x", questionnaire: small)
    #expect(again == loaded)
  }
}
