import Foundation
import Testing

@testable import PIAKit

/// The assessment core every front end drives: what it accepts, what it
/// refuses, what moves when an answer changes, and where it resumes.
@Suite struct AssessmentSessionTests {
  let small: Questionnaire
  let date = CalendarDate(year: 2026, month: 1, day: 15) ?? CalendarDate(daysSinceEpoch: 0)

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
  }

  func session(_ answers: [String: AnswerValue] = [:]) -> AssessmentSession {
    Fixtures.session(
      AssessmentFile(questionnaireID: "small", questionnaireVersion: 2, answers: answers),
      questionnaire: small)
  }

  @Test func acceptsAnswersThatFitAndRefusesThoseThatDoNot() throws {
    var session = session()
    try session.answer(QuestionPath("tier"), .choice("free"))
    #expect(session.file.answers["tier"] == .choice("free"))
    let before = session.file
    let refusals: [(QuestionPath, AnswerValue, SessionError.Kind)] = [
      (QuestionPath("tier"), .choice("teem"), .invalid),
      (QuestionPath("tier"), .bool(true), .invalid),
      (QuestionPath("title"), .text("   "), .invalid),
      (QuestionPath("tasks"), .choices(["reports", "reports"]), .invalid),
      (QuestionPath("tittle"), .text("x"), .unknown),
      (QuestionPath("retention_days"), .number(30), .notApplicable),
      (QuestionPath("element"), .text("x"), .unknown),
    ]
    for (path, value, kind) in refusals {
      #expect(throws: SessionError.self) { try session.answer(path, value) }
      do {
        try session.answer(path, value)
      } catch {
        #expect(error.kind == kind, "\(path) \(value): \(error)")
      }
    }
    #expect(session.file == before)
  }

  @Test func messagesNameTheQuestionAndWhatIsExpected() {
    var session = session(["tier": .choice("enterprise")])
    do {
      try session.answer(QuestionPath("retention_days"), input: ["400"])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.description == "retention_days: 400 is too large; the most is 365.")
    }
    do {
      try session.answer(QuestionPath("opt_out"), input: ["yes"])
      Issue.record("expected a refusal")
    } catch {
      #expect(
        error.description
          == "opt_out: this question does not apply given the other answers (it is asked when "
          + "tier = free); change those first")
    }
  }

  @Test func aChangedGateSetsAnswersAsideAndRestoresThem() throws {
    var session = session()
    try session.answer(QuestionPath("tier"), .choice("free"))
    try session.answer(QuestionPath("opt_out"), .bool(true))
    try session.answer(QuestionPath("opt_out_date"), .date(date))
    let hidden = try session.answer(QuestionPath("tier"), .choice("team"))
    #expect(hidden.hidden == [QuestionPath("opt_out"), QuestionPath("opt_out_date")])
    #expect(session.file.inactive["opt_out"] == .bool(true))
    #expect(session.file.answers["opt_out"] == nil)
    let restored = try session.answer(QuestionPath("tier"), .choice("free"))
    #expect(restored.restored == [QuestionPath("opt_out"), QuestionPath("opt_out_date")])
    #expect(session.file.answers["opt_out_date"] == .date(date))
  }

  @Test func entriesGetIdsThatAreNeverReused() throws {
    var session = session()
    let first = try session.addEntry(to: "flows").id
    let second = try session.addEntry(to: "flows").id
    #expect([first, second] == ["flows-1", "flows-2"])
    try session.removeEntry(second, from: "flows")
    #expect(try session.addEntry(to: "flows").id == "flows-3")
    #expect(throws: SessionError.self) { try session.removeEntry("flows-9", from: "flows") }
    #expect(throws: SessionError.self) { try session.addEntry(to: "tier") }
  }

  @Test func anEntryAnswerHiddenByAnotherIsRemoved() throws {
    var session = session()
    let id = try session.addEntry(to: "flows").id
    try session.answer(
      QuestionPath(group: "flows", entry: id, question: "category"), .choice("personal"))
    try session.answer(
      QuestionPath(group: "flows", entry: id, question: "authority"), .choice("none"))
    let change = try session.answer(
      QuestionPath(group: "flows", entry: id, question: "category"), .choice("business_contact"))
    #expect(change.removed == [QuestionPath(group: "flows", entry: id, question: "authority")])
    #expect(session.entries(of: "flows")[0].values["authority"] == nil)
  }

  /// Quitting in the middle of a data flow and resuming goes back into it;
  /// the entry's unanswered required questions count as missing.
  @Test func resumeGoesBackIntoAnUnfinishedEntry() throws {
    var session = session([
      "title": .text("Pilot"), "started": .date(date), "tier": .choice("team"),
      "tasks": .choices(["reports"]), "monitored": .bool(true), "notes": .text("n"),
    ])
    let id = try session.addEntry(to: "flows").id
    try session.answer(QuestionPath(group: "flows", entry: id, question: "element"), .text("Names"))
    let next = session.nextQuestion(after: nil, walk: .unanswered)
    #expect(next == QuestionPath(group: "flows", entry: id, question: "category"))
    #expect(
      session.missingRequired == [QuestionPath(group: "flows", entry: id, question: "category")])
    let progress = session.progress
    // 7 top-level questions apply (opt_out and the others are hidden), the
    // group counts one, and the entry three (authority applies until the
    // category says business contact).
    #expect(progress.total == 7 + 1 + 3)
    #expect(progress.answered == 6 + 1 + 1)
    #expect(progress.sections.map(\.status) == [.completed, .completed, .inProgress])
  }

  @Test func dateBoundsMayNameAnotherAnswer() throws {
    let questionnaire = try Fixtures.questionnaire("small.yaml")
    var withBound = questionnaire
    withBound.sections[1].questions[2].earliest = .answer("started")
    var session = Fixtures.session(
      AssessmentFile(
        questionnaireID: "small", questionnaireVersion: 2,
        answers: ["started": .date(date), "tier": .choice("free"), "opt_out": .bool(true)]),
      questionnaire: withBound)
    let path = QuestionPath("opt_out_date")
    do {
      try session.answer(path, input: ["2026-01-01"])
      Issue.record("expected a refusal")
    } catch {
      #expect(
        error.message
          == "2026-01-01 is before 2026-01-15, the answer to \"When did it start?\"; give "
          + "2026-01-15 or later")
    }
    try session.answer(path, input: ["2026-01-15"])
  }

  @Test func inputIsParsedAsTheTerminalAndTheWebSendIt() throws {
    var session = session()
    try session.answer(QuestionPath("tasks"), input: ["reports", "casework"])
    #expect(session.file.answers["tasks"] == .choices(["reports", "casework"]))
    try session.answer(QuestionPath("tasks"), input: ["notices, reports"])
    #expect(session.file.answers["tasks"] == .choices(["reports", "notices"]))
    try session.answer(QuestionPath("monitored"), input: ["no"])
    #expect(session.file.answers["monitored"] == .bool(false))
    try session.answer(QuestionPath("monitored"), input: [""])
    #expect(session.file.answers["monitored"] == nil)
    #expect(throws: SessionError.self) { try session.answer(QuestionPath("title"), input: [""]) }
  }

  @Test func pathsReadAndWriteTheirTextForm() {
    #expect(QuestionPath(parsing: "tier") == QuestionPath("tier"))
    #expect(
      QuestionPath(parsing: "flows.flows-2.category")
        == QuestionPath(group: "flows", entry: "flows-2", question: "category"))
    #expect(QuestionPath(parsing: "flows.category") == nil)
    #expect(QuestionPath(parsing: "a..b") == nil)
    #expect(QuestionPath(group: "g", entry: "g-1", question: "q").description == "g.g-1.q")
  }

  @Test func theTokenChangesWithTheBytes() {
    let a = ContentToken(of: Data("a".utf8))
    #expect(a == ContentToken(of: Data("a".utf8)))
    #expect(a != ContentToken(of: Data("b".utf8)))
    #expect(ContentToken(a.hex) == a)
    #expect(ContentToken("XYZ") == nil)
  }
}
