import Hummingbird
import PIAKit

/// `GET|POST /a/{name}/q/{question_id}` and, inside an entry of a repeating
/// group, `GET|POST /a/{name}/g/{group_id}/{entry_id}/q/{question_id}`: one
/// question per page. The POST saves through the session (`answer(_:input:)`)
/// before answering, then redirects to the next page with a notice of what
/// the answer changed in the risk.
///
/// - A refused answer: 422, the page again with the error summary and the
///   input kept.
/// - A form from an earlier version (`revision`) whose answer changed since:
///   409, the conflict page with both values and the input kept.
/// - A save the disk refused: 500, the page again with the reason and the
///   input kept.
/// - `?return=review` (the change links of check your answers): back to
///   check your answers after saving.
struct QuestionRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/a/{name}/q/{question}") { request, context in
      try await show(
        request, context, path: QuestionPath(try context.parameters.require("question")))
    }
    router.post("/a/{name}/q/{question}") { request, context in
      try await save(
        request, context, path: QuestionPath(try context.parameters.require("question")))
    }
    router.get("/a/{name}/g/{group}/{entry}/q/{question}") { request, context in
      try await show(request, context, path: try Self.entryPath(context))
    }
    router.post("/a/{name}/g/{group}/{entry}/q/{question}") { request, context in
      try await save(request, context, path: try Self.entryPath(context))
    }
  }

  static func entryPath(_ context: WebRequestContext) throws -> QuestionPath {
    QuestionPath(
      group: try context.parameters.require("group"),
      entry: try context.parameters.require("entry"),
      question: try context.parameters.require("question"))
  }

  /// Whether the page was opened from check your answers.
  static func returnsToReview(_ request: Request) -> Bool {
    request.uri.queryParameters["return"] == "review"
  }

  private func show(_ request: Request, _ context: WebRequestContext, path: QuestionPath)
    async throws -> Response
  {
    let name = try context.parameters.require("name")
    let notice = server.takeNotice(request, context)
    let snapshot = try await server.snapshot(name)
    let flow = InterviewFlow(name: name, session: snapshot.session)
    if path.entry == nil, snapshot.session.questionnaire.question(path.question)?.kind == .group {
      return Response(status: .seeOther, headers: [.location: flow.groupHref(path.question)])
    }
    let question: Question
    do {
      question = try snapshot.session.answerableQuestion(at: path)
    } catch {
      return try server.notApplicable(
        error, snapshot: snapshot, back: flow.back(from: path), next: flow.next(after: path),
        context: context, notice: notice)
    }
    let page = QuestionPageBuilder(server: server).page(
      snapshot, path: path, question: question, session: context.sessions.session,
      returnsToReview: Self.returnsToReview(request), notice: notice)
    return server.pages.response(page, template: "question")
  }

  private func save(_ request: Request, _ context: WebRequestContext, path: QuestionPath)
    async throws -> Response
  {
    let name = try context.parameters.require("name")
    let form = context.form ?? FormData()
    let input = form.values("value")
    let revision = form.first("revision") ?? ""
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(
        name, revision: revision,
        conflicts: { earlier, now in
          guard let earlier else { return true }
          return earlier.answer(at: path) != now.session.answer(at: path)
        },
        change: { session throws(SessionError) in try session.answer(path, input: input) })
    }
    let builder = QuestionPageBuilder(server: server)
    let review = Self.returnsToReview(request)
    switch outcome {
    case .saved(let change, let before, let after):
      server.audit(context, "answered \(path)", in: name)
      let flow = InterviewFlow(name: name, session: after.session)
      return server.redirect(
        to: review ? flow.reviewHref : flow.next(after: path),
        notice: RiskNotice.saved("Answer saved", before: before, after: after, change: change),
        context: context)
    case .unchanged(_, let snapshot):
      let flow = InterviewFlow(name: name, session: snapshot.session)
      return server.redirect(
        to: review ? flow.reviewHref : flow.next(after: path),
        notice: RiskNotice.unchanged("Answer saved"), context: context)
    case .refused(let error, let snapshot):
      guard error.kind != .unknown, let question = try? snapshot.session.question(at: path) else {
        throw HTTPError(.notFound)
      }
      let page = builder.page(
        snapshot, path: path, question: question, session: context.sessions.session,
        returnsToReview: review, input: input, error: error.message.capitalizedSentence)
      return server.pages.response(page, template: "question", status: .unprocessableContent)
    case .conflict(let snapshot, _):
      guard let question = try? snapshot.session.question(at: path) else {
        throw HTTPError(.notFound)
      }
      let page = builder.conflict(
        snapshot, path: path, question: question, session: context.sessions.session,
        returnsToReview: review, input: input)
      return server.pages.response(page, template: "conflict", status: .conflict)
    case .failed(let message, let snapshot):
      guard let question = try? snapshot.session.question(at: path) else {
        throw HTTPError(.notFound)
      }
      let page = builder.page(
        snapshot, path: path, question: question, session: context.sessions.session,
        returnsToReview: review, input: input,
        error: "Your answer was not saved: \(message). It is kept below; send it again once "
          + "the problem is fixed.")
      return server.pages.response(page, template: "question", status: .internalServerError)
    }
  }
}

/// Lays out one question of one assessment as a page: the field with the
/// saved answer (or the refused input), back and skip links, the caption,
/// the position and the file's content token as `revision`.
struct QuestionPageBuilder: Sendable {
  let server: WebServer

  /// The question page.
  ///
  /// - Parameters:
  ///   - input: What the user sent, kept when it was refused or not saved.
  ///   - error: Why, shown beside the field and in the error summary.
  func page(
    _ snapshot: AssessmentSnapshot, path: QuestionPath, question: Question,
    session: WebSession?, returnsToReview: Bool, input: [String]? = nil, error: String? = nil,
    notice: Notice? = nil
  ) -> QuestionPage {
    let flow = InterviewFlow(name: snapshot.file.name, session: snapshot.session)
    let choices = snapshot.session.options(for: path)
    let field = server.fields.field(
      for: question, choices: choices, value: snapshot.session.answer(at: path), input: input,
      error: error)
    let errors = error.map {
      [ErrorItem(href: server.fields.errorTarget(for: question, choices: choices), text: $0)]
    }
    let back = returnsToReview ? Link(href: flow.reviewHref, text: "Back") : flow.back(from: path)
    return QuestionPage(
      page: server.chrome(
        question.shortPrompt, session: session, backLink: back,
        breadcrumbs: server.breadcrumbs(snapshot), errors: errors ?? [], notice: notice),
      caption: flow.caption(of: path), progress: flow.position(of: path), field: field,
      action: action(snapshot, path: path, returnsToReview: returnsToReview),
      revision: snapshot.token.hex,
      skipHref: returnsToReview ? flow.reviewHref : flow.next(after: path),
      risk: Self.risk(snapshot))
  }

  /// The risk under the form, from the snapshot's score.
  static func risk(_ snapshot: AssessmentSnapshot) -> RiskSummary {
    let level = snapshot.assessment.overallResidual
    let count = snapshot.assessment.findings.count
    return RiskSummary(
      riskLevel: level.title, riskLevelClass: level.description, riskVerdict: snapshot.verdict,
      riskFindings: count == 1 ? "1 finding" : "\(count) findings")
  }

  /// The 409 page: the answer saved now beside the user's, and the question
  /// again with the user's input and the current `revision`.
  func conflict(
    _ snapshot: AssessmentSnapshot, path: QuestionPath, question: Question,
    session: WebSession?, returnsToReview: Bool, input: [String]
  ) -> ConflictPage {
    let flow = InterviewFlow(name: snapshot.file.name, session: snapshot.session)
    let choices = snapshot.session.options(for: path)
    let saved = snapshot.session.answer(at: path).map {
      QuestionFieldBuilder.display($0, of: question, choices: choices)
    }
    return ConflictPage(
      page: server.chrome(
        "The answer changed", session: session, backLink: flow.back(from: path),
        breadcrumbs: server.breadcrumbs(snapshot)),
      prompt: question.prompt, savedLines: saved ?? ["Not answered"],
      yoursLines: QuestionFieldBuilder.display(input: input, of: question, choices: choices),
      field: server.fields.field(for: question, choices: choices, value: nil, input: input),
      action: action(snapshot, path: path, returnsToReview: returnsToReview),
      revision: snapshot.token.hex)
  }

  private func action(_ snapshot: AssessmentSnapshot, path: QuestionPath, returnsToReview: Bool)
    -> String
  {
    InterviewFlow.href(name: snapshot.file.name, path: path)
      + (returnsToReview ? "?return=review" : "")
  }
}
