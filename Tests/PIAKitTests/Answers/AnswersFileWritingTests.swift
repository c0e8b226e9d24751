import Foundation
import PIAKit
import Testing

@Suite struct AnswersFileWritingTests {
  let small: Questionnaire

  init() throws {
    small = try Fixtures.questionnaire("small.yaml")
  }

  static let hostile: [String] = [
    "plain words, with commas", "  leading spaces", "trailing space ", "# not a comment",
    "key: value", "a #b", "ends with colon:", "'single quoted'", "\"double quoted\"", "yes", "no",
    "Yes", "NO", "on", "off", "y", "n", "null", "Null", "~", "true", "False", "1.0", "42", "-7",
    "0x1F", "1_000", "1e3", ".5", ".inf", "2026-01-01", "12:30", "2001-12-14 21:59:43.10 -5",
    "- dash", "-", "? question", ": colon", "[x]", "{y: z}", "a, [b]", "%percent", "@at", "`tick",
    "&anchor", "*alias", "!tag", "|pipe", ">fold", "=", "<<", "emoji 🦫🇨🇦 👩🏽‍💻", "日本語のテキスト",
    "é accents à Québec", "line1\nline2", "\nleading newline", "trailing newline\n",
    "two trailing\n\n", "  indented first\nsecond", "tab\there", "\ttab first",
    "control \u{1}\u{7}\u{1B}[31m", "cr\r\nlf", "bom\u{FEFF}inside", "nel\u{85}",
    "ls\u{2028}ps\u{2029}",
    "", " ", "\n", "\n\n", "back\\slash", "multi\n\n\nblank lines\n  indented\n",
    "line with trailing space \nnext", "   \n  \n", "NUL\u{0}inside", "del\u{7F}", "c1\u{9F}",
    "quote ' and \" both", "--- document marker", "... end marker", "#", "a: b\nc: d",
  ]

  @Test(arguments: hostile)
  func hostileStringsRoundTrip(text: String) throws {
    let entry = GroupEntry(
      id: "flows-1", values: ["element": .text(text), "category": .choice("personal")])
    let file = AssessmentFile(
      questionnaireID: "small", questionnaireVersion: 2,
      assessment: AssessmentInfo(title: text, preparedBy: text),
      answers: ["title": .text(text), "notes": .text(text), "flows": .entries([entry])])
    let saved = file.yamlText(questionnaire: small)
    let (loaded, diagnostics) = AssessmentFile.loadReporting(
      text: saved, path: "x", questionnaire: small)
    #expect(diagnostics.isEmpty, "\(diagnostics)\n\(saved)")
    #expect(loaded == file, "\(saved)")
    #expect(loaded?.yamlText(questionnaire: small) == saved)
  }

  @Test func writesKeysInQuestionnaireOrder() {
    let file = AssessmentFile(
      questionnaireID: "small", questionnaireVersion: 2,
      answers: [
        "tasks": .choices(["reports", "casework"]), "title": .text("Pilot"),
        "started": .date(CalendarDate("2026-01-15") ?? CalendarDate(daysSinceEpoch: 0)),
        "tier": .choice("enterprise"), "retention_days": .number(30),
        "monitored": .bool(false),
        "flows": .entries([
          GroupEntry(
            id: "flows-2", values: ["category": .choice("personal"), "element": .text("Names")])
        ]),
        "notes": .text("First line.\nSecond line.\n"),
      ],
      inactive: ["opt_out": .bool(true)])
    #expect(
      file.yamlText(questionnaire: small) == """
        format: 2
        questionnaire:
          id: small
          version: 2
        answers:
          title: Pilot
          started: 2026-01-15
          notes: |
            First line.
            Second line.
          tier: enterprise
          retention_days: 30
          tasks:
            - reports
            - casework
          monitored: false
          flows:
            - id: flows-2
              element: Names
              category: personal
        inactive:
          opt_out: true

        """)
  }
}
