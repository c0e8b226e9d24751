import Foundation
import PIAKit
import Testing

@Suite struct InterviewEngineTests {
  let small: Questionnaire

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
  }

  static let date = CalendarDate("2026-01-15") ?? CalendarDate(daysSinceEpoch: 0)

  /// A complete run of the small questionnaire, every kind answered.
  static let complete = [
    "Pilot", "2026-01-15", "First line", "Second line", ".", "1", "y", "2026-02-01",
    "reports, 3", "n",
    "y", "Resident names", "2", "1", "n",
    "Deputy Clerk",
  ]

  @Test func fullInterviewFromEmptyToComplete() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(small, in: folder, lines: Self.complete)
    #expect(run.outcome == .completed(missingRequired: []))
    #expect(run.transcript.contains("== About ==\nWho and when.\n"))
    #expect(
      run.transcript.contains(
        "Section 1 of 3 · question 1 of 3\nWhat is the project called? (required)\n> Pilot\n"))
    #expect(
      run.transcript.contains(
        "  1. Free [free]\n  2. Team [team]\n  3. Enterprise [enterprise]\nChoice (1-3): 1\n"))
    #expect(run.transcript.contains("Add a data flow? (y/n): y\n"))
    #expect(
      run.transcript.contains(
        "Data flow 1 [flows-1] · question 3 of 3\nWhat authorizes the collection?"))
    #expect(
      run.transcript.contains(
        "    1. Resident names [flows-1]\nAdd another data flow? (y/n, or 'edit N' / 'remove N'): n\n"
      ))
    #expect(
      run.transcript.contains(
        "Done: every required question that applies is answered.\nSaved to a.pia.yaml.\n"))
    #expect(
      run.savedText == """
        format: 2
        questionnaire:
          id: small
          version: 2
        answers:
          title: Pilot
          started: 2026-01-15
          notes: |-
            First line
            Second line
          tier: free
          opt_out: true
          opt_out_date: 2026-02-01
          tasks:
            - reports
            - casework
          monitored: false
          flows:
            - id: flows-1
              element: Resident names
              category: personal
              authority: statute
          signoff: Deputy Clerk

        """)
    #expect(run.saves >= Self.complete.count - 4)
  }

  @Test func quitThenResumeAtTheFirstUnansweredQuestion() throws {
    let folder = try TemporaryDirectory()
    let first = InterviewHarness.run(small, in: folder, lines: ["Pilot", "2026-01-15", "quit"])
    #expect(first.outcome == .stopped(.quitRequested))
    #expect(
      first.transcript.hasSuffix(
        "Stopped. Your answers are saved in a.pia.yaml.\nTo continue where you left off, run: "
          + "pia interview small --answers a.pia.yaml\n"))
    let saved = try #require(first.saved)
    #expect(saved.answers["title"] == .text("Pilot"))
    let second = InterviewHarness.run(small, in: folder, start: saved, lines: ["save"])
    #expect(second.transcript.contains("Resuming: 2 of 8 questions answered."))
    #expect(second.transcript.contains("Section 1 of 3 · question 3 of 3\nAny notes?\n"))
    #expect(second.outcome == .stopped(.saveRequested))
  }

  @Test func backGoesToThePreviousQuestionWithItsAnswer() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, lines: ["<", "Pilot", "2026-01-15", "<", "<", "Renamed", "."])
    #expect(
      run.transcript.contains("! This is the first question; there is nothing to go back to."))
    #expect(run.transcript.contains("  Current answer: Pilot (Enter keeps it)\n> Renamed\n"))
    #expect(run.saved?.answers["title"] == .text("Renamed"))
    #expect(run.saved?.answers["started"] == .date(Self.date))
    #expect(run.outcome == .stopped(.inputEnded))
  }

  @Test func reviewListsAnswersAndChangesOne() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, lines: ["Pilot", "2026-01-15", "review", "1", "Renamed", "Notes.", "."])
    #expect(
      run.transcript.contains(
        "Your answers so far:\n  1. What is the project called?: Pilot\n  2. When did it start?: "
          + "2026-01-15\nNumber of the answer to change (Enter to go back): 1\n"))
    // After the change the interview returns to the question it was on.
    #expect(run.transcript.contains("> Renamed\n\nSection 1 of 3 · question 3 of 3\nAny notes?"))
    #expect(run.saved?.answers["title"] == .text("Renamed"))
    #expect(run.saved?.answers["notes"] == .text("Notes."))
  }

  @Test func changingAnAnswerSetsHiddenAnswersAsideAndRestoresThem() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder,
      lines: [
        "Pilot", "2026-01-15", ".", "free", "y", "2026-02-01", "review", "3", "team", "review",
        "3", "1",
      ])
    #expect(
      run.transcript.contains(
        "! Because of this answer, these answers no longer apply. They are kept aside (under "
          + "'inactive' in the file) and come back if you change this answer back:\n"
          + "    - Is training opted out? (opt_out)\n"
          + "    - When was training opted out? (opt_out_date)\n"))
    #expect(
      run.transcript.contains(
        "These earlier answers apply again and were restored:\n"
          + "    - Is training opted out? (opt_out)\n"
          + "    - When was training opted out? (opt_out_date)\n"))
    let saved = try #require(run.saved)
    #expect(saved.answers["opt_out"] == .bool(true))
    #expect(saved.inactive.isEmpty)
  }

  @Test func hiddenAnswersAreKeptInTheFileWhileHidden() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder,
      lines: ["Pilot", "2026-01-15", ".", "free", "y", "2026-02-01", "review", "3", "team"])
    #expect(run.savedText.contains("inactive:\n  opt_out: true\n  opt_out_date: 2026-02-01\n"))
    #expect(run.saved?.answers["opt_out"] == nil)
  }

  @Test func repeatingGroupAddEditRemove() throws {
    let folder = try TemporaryDirectory()
    var start = AssessmentFile(questionnaireID: "small", questionnaireVersion: 2)
    start.answers = [
      "title": .text("Pilot"), "started": .date(Self.date), "notes": .text("n"),
      "tier": .choice("team"), "tasks": .choices(["reports"]), "monitored": .bool(true),
    ]
    let run = InterviewHarness.run(
      small, in: folder, start: start,
      lines: [
        "y", "Names", "1",  // flows-1: business contact, no authority asked
        "y", "Addresses", "2", "2",  // flows-2
        "edit 1", "Names and phone numbers", "",  // keep the category
        "remove 2", "y",
        "y", "Case notes", "2", "skip",  // flows-3, never flows-2 again
        "remove 2", "y",
        "edit 9", "n", "Clerk",
      ])
    #expect(run.outcome == .completed(missingRequired: []))
    #expect(
      run.transcript.contains(
        "Remove data flow 2 (Addresses) [flows-2]? (y/n): y\n  Removed flows-2.\n"))
    #expect(run.transcript.contains("Data flow 2 [flows-3] · question 1 of 3"))
    #expect(run.transcript.contains("! Say which data flow: 'edit N' with N from 1 to 1."))
    let saved = try #require(run.saved)
    #expect(
      saved.answers["flows"]
        == .entries([
          GroupEntry(
            id: "flows-1",
            values: [
              "element": .text("Names and phone numbers"), "category": .choice("business_contact"),
            ])
        ]))
    #expect(saved.lastEntryNumbers["flows"] == 3)
    #expect(run.savedText.contains("entry_numbers:\n  flows: 3\n"))
  }

  /// Ctrl-D while typing a several-line answer ends the text and keeps it.
  @Test func endOfInputMidQuestionKeepsTheLastAnswer() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, lines: ["Pilot", "2026-01-15", "Half a note", "second line"])
    #expect(run.outcome == .stopped(.inputEnded))
    #expect(
      run.transcript.hasSuffix(
        "Input ended. Your answers so far are saved in a.pia.yaml.\nTo continue where you left off, "
          + "run: pia interview small --answers a.pia.yaml\n"))
    #expect(
      run.saved?.answers == [
        "title": .text("Pilot"), "started": .date(Self.date),
        "notes": .text("Half a note\nsecond line"),
      ])
  }

  /// Ctrl-C while typing a several-line answer asks whether to keep it.
  @Test func interruptMidTextAsksWhetherToKeepIt() throws {
    for (answer, kept) in [("y", true), ("n", false)] {
      let folder = try TemporaryDirectory()
      var console = ScriptedConsole(
        ["Pilot", "2026-01-15", "Half a note", "ignored", answer], interruptAtRead: 3)
      console.lines.remove(at: 3)
      let run = InterviewHarness.run(small, in: folder, console: console)
      #expect(run.transcript.contains("Keep the line typed so far? (y/n): \(answer)"))
      #expect(run.saved?.answers["notes"] == (kept ? .text("Half a note") : nil))
    }
  }

  @Test func interruptSavesAndStops() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, console: ScriptedConsole(["Pilot", "2026-01-15"], interruptAtRead: 1))
    #expect(run.outcome == .stopped(.interrupted))
    #expect(run.transcript.contains("Interrupted. Your answers so far are saved in a.pia.yaml."))
    #expect(run.saved?.answers == ["title": .text("Pilot")])
  }

  @Test func skipIsRefusedForRequiredQuestionsAndAllowedOtherwise() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, lines: ["skip", "Pilot", "2026-01-15", "skip"])
    #expect(
      run.transcript.contains("> skip\n  ! This question is required, so it cannot be skipped.\n"))
    #expect(run.transcript.contains("> skip\n  (left unanswered)\n"))
  }

  @Test(arguments: [
    (["Pilot", ""], "! An answer is required here; type ? for help."),
    (
      ["Pilot", "15/01/2026"],
      "! '15/01/2026' is not a date; write it as YYYY-MM-DD, for example 2026-03-01."
    ),
    (
      ["Pilot", "2026-01-15", ".", "9"],
      "! There is no choice 9; type a number from 1 to 3 or a choice id."
    ),
    (
      ["Pilot", "2026-01-15", ".", "teem"],
      "! 'teem' is not one of the choices (did you mean 'team'?); type a number from 1 to 3 or a choice id."
    ),
    (["Pilot", "2026-01-15", ".", "1", "maybe"], "! 'maybe' is not yes or no; answer y or n."),
    (
      ["Pilot", "2026-01-15", ".", "3", "lots"],
      "! 'lots' is not a number; type digits, for example 30."
    ),
    (["Pilot", "2026-01-15", ".", "3", "0"], "! 0 is too small; the least is 1."),
    (["Pilot", "2026-01-15", ".", "3", "400"], "! 400 is too large; the most is 365."),
    (
      ["Pilot", "2026-01-15", ".", "3", "30", "1,9"],
      "! There is no choice 9; type a number from 1 to 3 or a choice id."
    ),
    (
      ["Pilot", "2026-01-15", ".", "3", "30", ","],
      "! Type one or more choices separated by commas, e.g. 1,3."
    ),
    (
      ["Pilot", "2026-01-15", ".", "2", "1", "n", "maybe"],
      "! Answer y to add a data flow or n to go on."
    ),
    (
      ["Pilot", "2026-01-15", ".", "2", "1", "n", "edit 1"],
      "! There is no data flow to edit yet; answer y to add one."
    ),
    (["Pilot", "review", "x"], "! Type a number from 1 to 1, or press Enter to go back."),
    (
      ["Pilot", "2026-01-15", ".", "2", "1", "n", "y", "review"],
      "! Review is not available inside a data flow; finish it first (or '<' to go back a question)."
    ),
  ])
  func invalidInputIsReaskedWithASpecificMessage(lines: [String], message: String) throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(small, in: folder, lines: lines)
    #expect(run.transcript.contains("  " + message + "\n"), "\(run.transcript)")
    #expect(run.outcome == .stopped(.inputEnded))
  }

  @Test func stopsSafelyAfterFiveInvalidAnswers() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      small, in: folder, lines: ["Pilot", "a", "b", "c", "d", "e", "never read"])
    #expect(run.outcome == .stopped(.tooManyInvalidAnswers))
    #expect(
      run.transcript.contains(
        "Stopping after 5 answers that could not be used. Your answers so far are saved in a.pia.yaml."
      ))
    #expect(run.saved?.answers == ["title": .text("Pilot")])
  }

  @Test func helpShowsTheCitationsFromTheLawCatalogue() throws {
    let catalog = Fixtures.shipped()
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(
      questionnaire, law: catalog.law, in: folder, console: ScriptedConsole(["Pilot", "?"]))
    let institution = try #require(questionnaire.question("institution_name"))
    for id in institution.cites {
      #expect(run.transcript.contains("  Law: \(catalog.law.cite(id))"))
    }
    #expect(run.transcript.contains("Commands: ? help · < back one question"))
  }

  @Test func reviseWalksEveryQuestionWithThePreviousAnswerAsDefault() throws {
    let folder = try TemporaryDirectory()
    let first = InterviewHarness.run(small, in: folder, lines: Self.complete)
    let saved = try #require(first.saved)
    // Keep everything except the plan, which changes to Team: the opt-out answers are set aside.
    let lines = ["", "", "", "2", "", "", "", "", "", "", ""]
    let run = InterviewHarness.run(small, in: folder, start: saved, lines: lines, revise: true)
    #expect(run.outcome == .completed(missingRequired: []))
    #expect(
      run.transcript.contains(
        "Revising 13 answers: press Enter to keep an answer, or type a new one."))
    #expect(run.transcript.contains("  Current answer: Pilot (Enter keeps it)\n> \n"))
    var expected = saved
    expected.answers["tier"] = .choice("team")
    expected.inactive["opt_out"] = expected.answers.removeValue(forKey: "opt_out")
    expected.inactive["opt_out_date"] = expected.answers.removeValue(forKey: "opt_out_date")
    #expect(run.saved == expected)
  }

  @Test func aTextAnswerCanBeACommandWordAfterABackslash() throws {
    let folder = try TemporaryDirectory()
    let run = InterviewHarness.run(small, in: folder, lines: ["\\review"])
    #expect(run.saved?.answers["title"] == .text("review"))
  }

  @Test func fullAIAssistantInterviewFromEmptyToComplete() throws {
    let catalog = Fixtures.shipped()
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let folder = try TemporaryDirectory()
    var reads = 0
    var flowsAdded = 0
    let console = ScriptedConsole { prompt, _ in
      reads += 1
      if reads > 2_000 { return nil }
      switch prompt {
      case "y/n: ": return "y"
      case "Date (YYYY-MM-DD): ": return "2026-03-02"
      case "… ": return "."
      case "> ": return "Answer \(reads)"
      case "Add a data flow? (y/n): ":
        flowsAdded += 1
        return "y"
      case "Add a system? (y/n): ": return "y"
      case _ where prompt.hasPrefix("Add another"): return "n"
      case _ where prompt.hasPrefix("Choice ("): return "1"
      case _ where prompt.hasPrefix("Choices"): return "1,2"
      case _ where prompt.hasPrefix("Number"): return "30"
      default: return nil
      }
    }
    let run = InterviewHarness.run(questionnaire, law: catalog.law, in: folder, console: console)
    #expect(run.outcome == .completed(missingRequired: []), "\(run.transcript.suffix(2_000))")
    let saved = try #require(run.saved)
    #expect(saved == run.file)
    #expect(flowsAdded == 1)
    for question in questionnaire.visibleQuestions(answers: saved.answers) where question.required {
      #expect(saved.answers[question.id] != nil, "\(question.id)")
    }
    #expect(saved.answers["plan_tier"] == .choice("free"))
    #expect(saved.answers["consumer_training_opt_out"] == .bool(true))
    if case .entries(let entries)? = saved.answers["data_flows"] {
      #expect(entries.map(\.id) == ["data_flows-1"])
      // The flow picked the one system listed before it (choice 1).
      #expect(entries.first?.values["system"] == .choice("system_inventory-1"))
    } else {
      Issue.record("no data flows saved")
    }
  }

  @Test func anEntryAnswerHiddenByAnotherIsRemovedWithAWarning() throws {
    let folder = try TemporaryDirectory()
    var start = AssessmentFile(questionnaireID: "small", questionnaireVersion: 2)
    start.answers = [
      "title": .text("Pilot"), "started": .date(Self.date), "notes": .text("n"),
      "tier": .choice("team"), "tasks": .choices(["reports"]), "monitored": .bool(true),
      "flows": .entries([
        GroupEntry(
          id: "flows-1",
          values: [
            "element": .text("Names"), "category": .choice("personal"),
            "authority": .choice("none"),
          ])
      ]),
    ]
    let run = InterviewHarness.run(
      small, in: folder, start: start, lines: ["review", "7", "edit 1", "", "1", "n"])
    #expect(
      run.transcript.contains(
        "! Because of this answer, this answer in this data flow no longer applies and was "
          + "removed:\n    - What authorizes the collection? (authority)\n"))
    #expect(
      run.saved?.answers["flows"]
        == .entries([
          GroupEntry(
            id: "flows-1",
            values: ["element": .text("Names"), "category": .choice("business_contact")])
        ]))
  }
}
