import Hummingbird
import PIAKit

/// `GET /_patterns/` and `GET /_patterns/{page}`: every page type filled with
/// sample data from the shipped questionnaires, so the templates can be seen,
/// checked with axe and walked by keyboard before the session drives them.
/// Served only with `pia serve --patterns`; not part of the route contract.
struct PatternRoutes: Sendable {
  let server: WebServer

  /// The pattern pages, in the order the index lists them.
  static let kinds: [Question.Kind] = [
    .yesNo, .choice, .multiChoice, .text, .longText, .date, .number,
  ]

  func add(to router: Router<WebRequestContext>) {
    router.get("/_patterns/") { _, context in index(context) }
    router.get("/_patterns/{page}") { _, context in
      try pattern(try context.parameters.require("page"), context)
    }
  }

  private var questions: [Question] {
    server.catalog.questionnaires.flatMap { questionnaire in
      questionnaire.questions.flatMap { [$0] + $0.fields }
    }
  }

  private func index(_ context: WebRequestContext) -> Response {
    var links = Self.kinds.map { kind in
      Link(href: "/_patterns/question-\(kind.rawValue)", text: "Question: \(kind.rawValue)")
    }
    links += Self.kinds.map { kind in
      Link(
        href: "/_patterns/question-\(kind.rawValue)-error",
        text: "Question with an error: \(kind.rawValue)")
    }
    links += [
      Link(href: "/_patterns/group-list", text: "Repeating group: list"),
      Link(href: "/_patterns/group-remove", text: "Repeating group: remove an entry"),
      Link(href: "/_patterns/review", text: "Check your answers"),
      Link(href: "/_patterns/conflict", text: "Conflict (409)"),
      Link(href: "/_patterns/sign-in", text: "Sign in"),
    ]
    let page = ErrorPage(
      page: server.chrome("Pattern pages", session: context.sessions.session),
      heading: "Pattern pages",
      paragraphs: ["Every page type with sample data. Forms here save nothing."], links: links)
    return server.pages.response(page, template: "patterns")
  }

  private func pattern(_ name: String, _ context: WebRequestContext) throws -> Response {
    let session = context.sessions.session
    let builder = QuestionFieldBuilder(cite: server.catalog.law.cite)
    let back = Link(href: "/_patterns/", text: "Back")
    for kind in Self.kinds where name.hasPrefix("question-\(kind.rawValue)") {
      let withError = name == "question-\(kind.rawValue)-error"
      guard name == "question-\(kind.rawValue)" || withError,
        let question = questions.first(where: { $0.kind == kind })
      else { continue }
      let error = withError ? Self.sampleError(kind) : nil
      let field = builder.field(
        for: question, value: nil, input: withError ? [Self.sampleInput(kind)] : nil, error: error)
      let errors =
        error.map { [ErrorItem(href: builder.errorTarget(for: question), text: $0)] } ?? []
      let page = QuestionPage(
        page: server.chrome(question.prompt, session: session, backLink: back, errors: errors),
        caption: "Sample section", progress: "Question 4 of 31", field: field,
        action: "/_patterns/\(name)", revision: "sample", skipHref: "/_patterns/",
        risk: RiskSummary(
          riskLevel: "Medium", riskLevelClass: "medium", riskVerdict: "Proceed with conditions",
          riskFindings: "3 findings"))
      return server.pages.response(
        page, template: "question", status: withError ? .unprocessableContent : .ok)
    }
    switch name {
    case "group-list":
      let entries = (1...2).map { number in
        GroupEntryRow(
          entryLabel: number == 1 ? "Staff prompts to the vendor" : "Meeting transcripts",
          entryID: "flow-\(number)", entryStatus: number == 1 ? "Completed" : "Incomplete",
          entryIncomplete: number != 1, changeHref: "/_patterns/question-text",
          removeHref: "/_patterns/group-remove")
      }
      let page = GroupListPage(
        page: server.chrome("Data flows", session: session, backLink: back),
        caption: "Sample section", heading: "Data flows",
        intro: "List each way personal information moves.", itemName: "data flow",
        entries: entries, addAction: "/_patterns/group-list",
        addLabel: GroupRoutes.addLabel("data flow", first: false), doneAction: "/_patterns/",
        progress: "Question 12 of 31")
      return server.pages.response(page, template: "group-list")
    case "group-remove":
      let question = Question(
        id: "remove", kind: .yesNo, prompt: "Remove the data flow “Meeting transcripts”?",
        location: SourceLocation(file: "sample", line: 1, column: 1))
      let page = GroupRemovePage(
        page: server.chrome(question.prompt, session: session, backLink: back),
        field: builder.field(for: question, value: nil), action: "/_patterns/group-remove",
        revision: "sample")
      return server.pages.response(page, template: "group-remove")
    case "review":
      return server.pages.response(reviewSample(session: session, back: back), template: "review")
    case "conflict":
      let question = questions.first { $0.kind == .choice }
      guard let question else { throw HTTPError(.notFound) }
      let yours = question.choices.last?.id ?? ""
      let page = ConflictPage(
        page: server.chrome("The answer changed", session: session, backLink: back),
        prompt: question.prompt,
        savedLines: [question.choices.first?.label ?? "Not answered"],
        yoursLines: [question.label(ofChoice: yours)],
        field: builder.field(for: question, value: nil, input: [yours]),
        action: "/_patterns/conflict", revision: "sample-2")
      return server.pages.response(page, template: "conflict", status: .conflict)
    case "sign-in":
      let page = SignInPage(
        page: PageChrome(title: "Sign in", csrf: session?.csrf), userValue: "", signInError: nil)
      return server.pages.response(page, template: "sign-in")
    default:
      throw HTTPError(.notFound)
    }
  }

  private func reviewSample(session: WebSession?, back: Link) -> ReviewPage {
    guard let questionnaire = server.catalog.questionnaires.first else {
      return ReviewPage(
        page: server.chrome("Check your answers", session: session), heading: "Check your answers",
        title: "Sample assessment", sections: [], missing: [], hasMissing: false,
        overviewHref: "/_patterns/")
    }
    let sections = questionnaire.sections.prefix(3).map { section in
      ReviewSection(
        sectionTitle: section.title,
        rows: section.questions.prefix(4).enumerated().map { index, question in
          let value = Self.sampleValue(question)
          return ReviewRow(
            key: question.prompt,
            valueLines: value.map { QuestionFieldBuilder.display($0, of: question) } ?? [
              "Not answered"
            ],
            unanswered: value == nil || index == 3, changeHref: "/_patterns/question-text",
            changeLabel: question.prompt)
        })
    }
    let missing = [Link(href: "/_patterns/question-yes_no", text: "Sample required question")]
    return ReviewPage(
      page: server.chrome("Check your answers", session: session, backLink: back),
      heading: "Check your answers before you finish", title: "Sample assessment",
      sections: Array(sections),
      missing: missing, hasMissing: true, overviewHref: "/_patterns/")
  }

  private static func sampleValue(_ question: Question) -> AnswerValue? {
    switch question.kind {
    case .yesNo: return .bool(true)
    case .choice: return question.choices.first.map { .choice($0.id) }
    case .multiChoice: return .choices(question.choices.prefix(2).map(\.id))
    case .text, .longText: return .text("Sample answer")
    case .date: return CalendarDate("2026-03-31").map(AnswerValue.date)
    case .number: return .number(3)
    case .group: return .entries([])
    }
  }

  private static func sampleError(_ kind: Question.Kind) -> String {
    switch kind {
    case .yesNo: return "Select yes or no"
    case .choice: return "Select one option"
    case .multiChoice: return "Select at least one option"
    case .text, .longText: return "Enter an answer"
    case .date: return "Enter a real date, written as YYYY-MM-DD, like 2026-03-31"
    case .number: return "Enter a number, like 12"
    case .group: return "Add at least one entry"
    }
  }

  private static func sampleInput(_ kind: Question.Kind) -> String {
    switch kind {
    case .date: return "2026-02-30"
    case .number: return "twelve"
    default: return ""
    }
  }
}
