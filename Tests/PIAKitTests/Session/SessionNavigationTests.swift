import Foundation
import Testing

@testable import PIAKit

/// What a front end that shows one question per page asks the session: the
/// order of the questions that apply, the one before, whether one can be
/// answered now, and what an empty answer to a required question says.
@Suite struct SessionNavigationTests {
  let small: Questionnaire

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
  }

  func session(_ answers: [String: AnswerValue] = [:]) -> AssessmentSession {
    Fixtures.session(
      AssessmentFile(questionnaireID: "small", questionnaireVersion: 2, answers: answers),
      questionnaire: small)
  }

  @Test func theOrderFollowsWhatApplies() {
    let free = session(["tier": .choice("free")])
    #expect(
      free.questionOrder(walk: .every).map(\.description) == [
        "title", "started", "notes", "tier", "opt_out", "tasks", "monitored", "flows", "signoff",
      ])
    let team = session(["tier": .choice("team")])
    #expect(!team.questionOrder(walk: .every).contains(QuestionPath("opt_out")))
  }

  @Test func theOrderEntersEntriesOnlyWhenAsked() throws {
    var session = session()
    let (id, _) = try session.addEntry(to: "flows")
    let every = session.questionOrder(walk: .every)
    #expect(every.allSatisfy { $0.entry == nil })
    #expect(every.suffix(2) == [QuestionPath("flows"), QuestionPath("signoff")])
    let entered = session.questionOrder(walk: .unanswered)
    let start = try #require(entered.firstIndex(of: QuestionPath("flows")))
    #expect(
      Array(entered[(start + 1)...(start + 2)]) == [
        QuestionPath(group: "flows", entry: id, question: "element"),
        QuestionPath(group: "flows", entry: id, question: "category"),
      ])
    #expect(entered.last == QuestionPath("signoff"))
  }

  @Test func thePreviousQuestionSkipsThoseThatDoNotApply() {
    let team = session(["tier": .choice("team")])
    #expect(
      team.previousQuestion(before: QuestionPath("tasks"), walk: .every) == QuestionPath("tier"))
    let free = session(["tier": .choice("free")])
    #expect(
      free.previousQuestion(before: QuestionPath("tasks"), walk: .every) == QuestionPath("opt_out"))
    #expect(free.previousQuestion(before: QuestionPath("title"), walk: .every) == nil)
    // From a question that no longer applies, the walk goes back from its place.
    #expect(
      team.previousQuestion(before: QuestionPath("opt_out"), walk: .every) == QuestionPath("tier"))
  }

  @Test func answerableSaysWhyNot() throws {
    let team = session(["tier": .choice("team")])
    #expect(try team.answerableQuestion(at: QuestionPath("tasks")).id == "tasks")
    do {
      _ = try team.answerableQuestion(at: QuestionPath("opt_out"))
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .notApplicable)
      #expect(error.message.contains("tier = free"))
    }
    do {
      _ = try team.answerableQuestion(at: QuestionPath("nope"))
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .unknown)
    }
  }

  @Test func anEmptyAnswerToAnUnansweredRequiredQuestionSaysWhatIsExpected() throws {
    var session = session()
    let cases: [(String, String)] = [
      ("title", "this question is required; write an answer"),
      ("tier", "this question is required; choose one of the answers"),
      ("tasks", "this question is required; choose at least one"),
      ("started", "this question is required; give a date written YYYY-MM-DD"),
    ]
    for (id, message) in cases {
      do {
        try session.answer(QuestionPath(id), input: [])
        Issue.record("\(id): expected a refusal")
      } catch {
        #expect(error.kind == .invalid)
        #expect(error.message == message, "\(id)")
      }
    }
    try session.answer(QuestionPath("title"), input: ["Pilot"])
    do {
      try session.answer(QuestionPath("title"), input: [""])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.message.contains("can be changed but not removed"))
    }
    #expect(session.file.answers["title"] == .text("Pilot"))
  }
}
