import Hummingbird
import PIAKit

/// `GET /a/{name}/history` (versions and sign-offs),
/// `GET /a/{name}/history/diff?from=N[&to=M]` (what changed between two
/// versions; `to` defaults to the current one), `POST /a/{name}/revise`
/// (field `reason`: records the current answers as a closed version,
/// `session.revise`) and `POST /a/{name}/approve` (fields `role`, `name`,
/// `decision`, `reason`, `conditions`, `advice`, `advice_reasons`,
/// `accept_risk`, `delegation`, `date`, `answers`: `session.approve`, the
/// same rules as `pia approve`).
///
/// A revision records the signed-in user as `by`. An approval applies to the
/// answers the page showed (`answers`, their hash): if they changed since,
/// nothing is recorded and the page says so (409).
struct HistoryRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/a/{name}/history") { request, context in try await history(request, context) }
    router.get("/a/{name}/history/diff") { request, context in try await diff(request, context) }
    router.post("/a/{name}/revise") { _, context in try await revise(context) }
    router.post("/a/{name}/approve") { _, context in try await approve(context) }
  }

  private func history(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let notice = server.takeNotice(request, context)
    let snapshot = try await server.snapshot(name)
    return page(snapshot, context: context, notice: notice)
  }

  private func page(
    _ snapshot: AssessmentSnapshot, context: WebRequestContext, notice: Notice? = nil,
    input: HistoryBuilder.Input = .init(), errors: [ErrorItem] = [],
    status: HTTPResponse.Status = .ok
  ) -> Response {
    let name = snapshot.file.name
    let page = HistoryBuilder(name: name).page(
      snapshot,
      chrome: server.chrome(
        "History and sign-off", session: context.sessions.session,
        backLink: Link(href: "/a/\(name)/", text: "Back"),
        breadcrumbs: server.breadcrumbs(snapshot), errors: errors, notice: notice),
      today: server.configuration.today(), input: input)
    return server.pages.response(page, template: "history", status: status)
  }

  private func diff(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let query = request.uri.queryParameters
    guard let from = query["from"].flatMap({ Int(String($0)) }) else {
      throw HTTPError(.notFound)
    }
    let to = query["to"].flatMap { Int(String($0)) }
    let snapshot = try await server.snapshot(name)
    let session = snapshot.session
    let summary: ChangeSummary? = try await server.blocking {
      try? Self.changes(session, from: from, to: to)
    }
    guard let summary else { throw HTTPError(.notFound) }
    let page = HistoryBuilder(name: name).diff(
      summary, title: snapshot.title,
      chrome: server.chrome(
        "Changes since version \(from)", session: context.sessions.session,
        backLink: Link(href: "/a/\(name)/history", text: "Back"),
        breadcrumbs: server.breadcrumbs(snapshot)))
    return server.pages.response(page, template: "diff")
  }

  /// Version `from` against version `to` (the current answers when `nil` or
  /// the current version's number), scored as `pia diff` scores them.
  static func changes(_ session: AssessmentSession, from: Int, to: Int?) throws(SessionError)
    -> ChangeSummary?
  {
    guard let to, to != session.currentVersion else {
      return try session.changes(sinceVersion: from)
    }
    let record = session.file.record
    guard let old = record.version(from), let new = record.version(to) else {
      throw SessionError(.unknown, "no such version")
    }
    return ChangeSummary.scored(
      from: old.answers, to: new.answers, engine: session.engine,
      rules: session.content.materiality, oldDate: old.assessmentDate,
      newDate: new.assessmentDate, fromLabel: "version \(from)", toLabel: "version \(to)",
      fromVersion: from)
  }

  private func revise(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let form = context.form ?? FormData()
    let reason = form.first("reason") ?? ""
    let user = server.user(context)
    let today = server.configuration.today()
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(name, revision: nil) { session throws(SessionError) in
        try session.revise(reason: reason, date: today, by: user)
      }
    }
    var input = HistoryBuilder.Input()
    input.reason = reason
    switch outcome {
    case .saved(let entry, _, _):
      server.audit(
        context, "started a revision (\(entry.map { "version \($0.version) recorded" } ?? ""))",
        in: name)
      let lines =
        entry.map {
          [
            "Version \($0.version) is kept in the history; the answers you change now make "
              + "version \($0.version + 1)."
          ]
        } ?? []
      return server.redirect(
        to: "/a/\(name)/", notice: Notice(noticeHeading: "Revision started", noticeLines: lines),
        context: context)
    case .unchanged(_, let snapshot):
      return server.redirect(
        to: "/a/\(name)/",
        notice: Notice(
          noticeHeading: "Revision started",
          noticeLines: [
            "The current answers are already version \(snapshot.session.currentVersion) in the "
              + "history; the answers you change now make the next version."
          ]), context: context)
    case .refused(let error, let snapshot):
      input.reasonError = error.message.capitalizedSentence
      return page(
        snapshot, context: context, input: input,
        errors: [ErrorItem(href: "#reason", text: error.message.capitalizedSentence)],
        status: .unprocessableContent)
    case .conflict(let snapshot, _):
      return page(snapshot, context: context, input: input)
    case .failed(let message, let snapshot):
      input.reasonError = "Nothing was recorded: \(message)."
      return page(
        snapshot, context: context, input: input,
        errors: [ErrorItem(href: "#reason", text: "Nothing was recorded: \(message).")],
        status: .internalServerError)
    }
  }

  private func approve(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let form = context.form ?? FormData()
    var input = HistoryBuilder.Input(approveForm: form)
    var errors: [ErrorItem] = []
    let role = input.role.flatMap(Approval.Role.init(rawValue:))
    let decision = input.decision.flatMap(Approval.Decision.init(rawValue:))
    let date = CalendarDate(input.date ?? "")
    if role == nil { errors.append(ErrorItem(href: "#role-head", text: "Select who signs")) }
    if input.signer.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(
        ErrorItem(href: "#signer", text: "Enter the name and title of the person signing"))
    }
    if decision == nil {
      errors.append(ErrorItem(href: "#decision-approved", text: "Select the decision"))
    }
    if date == nil {
      errors.append(
        ErrorItem(
          href: "#date", text: "Enter the date of the decision as YYYY-MM-DD, like 2026-03-31"))
    }
    let advice: Approval.Advice?? =
      input.advice.isEmpty ? .some(nil) : Approval.Advice(rawValue: input.advice).map { .some($0) }
    guard let role, let decision, let date, errors.isEmpty, let advice else {
      input.approveError = errors.first?.text
      let snapshot = try await server.snapshot(name)
      return page(
        snapshot, context: context, input: input, errors: errors, status: .unprocessableContent)
    }
    // An empty or blank delegation is none: the session trims it.
    let request = ApprovalRequest(
      role: role, name: input.signer, decision: decision, reason: input.approvalReason,
      conditions: input.conditions, date: date, advice: advice, adviceReasons: input.adviceReasons,
      acceptsRisk: input.acceptsRisk, delegation: input.delegation)
    let shown = form.first("answers") ?? ""
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(
        name, revision: "",
        conflicts: { _, now in now.session.signOff.currentHash.hex != shown },
        change: { session throws(SessionError) in try session.approve(request) })
    }
    switch outcome {
    case .saved(let status, _, _):
      server.audit(
        context, "recorded a sign-off (\(decision.rawValue), \(role.rawValue))", in: name)
      return server.redirect(
        to: "/a/\(name)/history",
        notice: Notice(
          noticeHeading: "Sign-off recorded",
          noticeLines: [
            "\(decision.title) by \(input.signer) (\(role.title)) on \(date), for the answers "
              + "\(status.currentHash.short) (version \(status.currentVersion)).",
            "Status: \(status.label).",
          ]), context: context)
    case .unchanged(_, let snapshot):
      return page(snapshot, context: context)
    case .refused(let error, let snapshot):
      input.approveError = error.message.capitalizedSentence
      return page(
        snapshot, context: context, input: input,
        errors: [ErrorItem(href: "#approve", text: error.message.capitalizedSentence)],
        status: .unprocessableContent)
    case .conflict(let snapshot, _):
      let message =
        "The answers changed after this page was opened (another tab, the command line or "
        + "git); nothing was recorded. Check the answers, then sign again."
      input.approveError = message
      return page(
        snapshot, context: context, input: input,
        errors: [ErrorItem(href: "#approve", text: message)], status: .conflict)
    case .failed(let message, let snapshot):
      input.approveError = "Nothing was recorded: \(message)."
      return page(
        snapshot, context: context, input: input,
        errors: [ErrorItem(href: "#approve", text: "Nothing was recorded: \(message).")],
        status: .internalServerError)
    }
  }
}
