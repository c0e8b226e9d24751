import Hummingbird
import PIAKit

/// A repeating group (data flows) as a list with add, change and remove:
///
/// - `GET /a/{name}/g/{group_id}/`: the entries, each with change and remove
///   links, an "Add" button and "Continue";
/// - `POST /a/{name}/g/{group_id}/new`: adds an entry (`addEntry`), then 303
///   to its first question;
/// - `POST /a/{name}/g/{group_id}/done`: "Continue": records "none" for an
///   optional group left empty, then 303 to the next question;
/// - `GET /a/{name}/g/{group_id}/{entry_id}/`: 303 to the entry's first question;
/// - `GET|POST /a/{name}/g/{group_id}/{entry_id}/remove`: the confirmation,
///   and the removal (`removeEntry`) on "yes".
struct GroupRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/a/{name}/g/{group}/") { request, context in try await list(request, context) }
    router.post("/a/{name}/g/{group}/new") { _, context in try await addEntry(context) }
    router.post("/a/{name}/g/{group}/done") { _, context in try await done(context) }
    router.get("/a/{name}/g/{group}/{entry}/") { _, context in try await entryStart(context) }
    router.get("/a/{name}/g/{group}/{entry}/remove") { _, context in
      try await confirmRemoval(context)
    }
    router.post("/a/{name}/g/{group}/{entry}/remove") { _, context in try await remove(context) }
  }

  // MARK: - The list

  private func list(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let group = try context.parameters.require("group")
    let notice = server.takeNotice(request, context)
    let snapshot = try await server.snapshot(name)
    return try listPage(snapshot, group: group, context: context, notice: notice)
  }

  private func listPage(
    _ snapshot: AssessmentSnapshot, group id: String, context: WebRequestContext,
    notice: Notice? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let session = snapshot.session
    let flow = InterviewFlow(name: snapshot.file.name, session: session)
    let group: Question
    do {
      group = try session.group(id)
      _ = try session.answerableQuestion(at: QuestionPath(id))
    } catch {
      return try server.notApplicable(
        error, snapshot: snapshot, back: flow.back(fromTopLevel: id),
        next: flow.next(afterTopLevel: id), context: context, notice: notice)
    }
    let missing = Set(snapshot.progress.missingRequired.compactMap(\.entry?.id))
    let base = "/a/\(snapshot.file.name)/g/\(id)"
    let rows = session.entries(of: id).enumerated().map { index, entry in
      GroupEntryRow(
        entryLabel: "\(InterviewFlow.itemTitle(group)) \(index + 1): "
          + session.summary(of: entry, in: group),
        entryID: entry.id, entryStatus: missing.contains(entry.id) ? "Incomplete" : "Completed",
        entryIncomplete: missing.contains(entry.id),
        changeHref: flow.start(ofEntry: entry.id, in: id),
        removeHref: "\(base)/\(entry.id)/remove")
    }
    let errors = error.map { [ErrorItem(href: "#add-entry", text: $0)] } ?? []
    let page = GroupListPage(
      page: server.chrome(
        group.shortPrompt, session: context.sessions.session,
        backLink: flow.back(fromTopLevel: id), breadcrumbs: server.breadcrumbs(snapshot),
        errors: errors, notice: notice),
      caption: flow.caption(of: QuestionPath(id)), heading: group.prompt,
      intro: group.help.flatMap { $0.split(separator: "\n\n").first.map(String.init) },
      itemName: group.itemName ?? "entry", entries: rows, addAction: "\(base)/new",
      addLabel: Self.addLabel(group.itemName ?? "entry", first: rows.isEmpty),
      doneAction: "\(base)/done", progress: flow.position(of: QuestionPath(id)))
    return server.pages.response(page, template: "group-list", status: status)
  }

  /// "Add a data flow", "Add an entry", "Add another data flow".
  static func addLabel(_ noun: String, first: Bool) -> String {
    guard first else { return "Add another \(noun)" }
    return "Add \("aeiou".contains(noun.prefix(1).lowercased()) ? "an" : "a") \(noun)"
  }

  // MARK: - Adding and finishing

  private func addEntry(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let group = try context.parameters.require("group")
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(name, revision: nil) { session throws(SessionError) in
        try session.addEntry(to: group)
      }
    }
    switch outcome {
    case .saved(let added, let before, let after):
      server.audit(context, "added \(group).\(added.id)", in: name)
      let noun = (try? after.session.group(group)).map(InterviewFlow.itemTitle) ?? "Entry"
      return server.redirect(
        to: InterviewFlow(name: name, session: after.session).start(ofEntry: added.id, in: group),
        notice: RiskNotice.saved(
          "\(noun) added", before: before, after: after, change: added.change),
        context: context)
    default:
      return try listAgain(outcome, group: group, context: context, nothing: "Nothing was added")
    }
  }

  /// The list again after a change that was not made: 422 with the session's
  /// refusal, 500 with the reason a save failed, else the list as it is.
  private func listAgain<Value>(
    _ outcome: AssessmentStore.Outcome<Value>, group: String, context: WebRequestContext,
    nothing: String
  ) throws -> Response {
    switch outcome {
    case .refused(let error, let snapshot):
      guard error.kind != .unknown else { throw HTTPError(.notFound) }
      return try listPage(
        snapshot, group: group, context: context, error: error.message.capitalizedSentence,
        status: .unprocessableContent)
    case .failed(let message, let snapshot):
      return try listPage(
        snapshot, group: group, context: context, error: "\(nothing): \(message).",
        status: .internalServerError)
    case .saved(_, _, let snapshot), .unchanged(_, let snapshot), .conflict(let snapshot, _):
      return try listPage(snapshot, group: group, context: context)
    }
  }

  private func done(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let group = try context.parameters.require("group")
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(name, revision: nil) { session throws(SessionError) in
        if session.answer(at: QuestionPath(group)) == nil {
          try session.answer(QuestionPath(group), .entries([]))
        }
      }
    }
    switch outcome {
    case .saved(_, _, let snapshot), .unchanged(_, let snapshot):
      return Response(
        status: .seeOther,
        headers: [
          .location: InterviewFlow(name: name, session: snapshot.session).next(afterTopLevel: group)
        ])
    default:
      return try listAgain(outcome, group: group, context: context, nothing: "Nothing was saved")
    }
  }

  private func entryStart(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let group = try context.parameters.require("group")
    let entry = try context.parameters.require("entry")
    let snapshot = try await server.snapshot(name)
    guard snapshot.session.entries(of: group).contains(where: { $0.id == entry }) else {
      throw HTTPError(.notFound)
    }
    let flow = InterviewFlow(name: name, session: snapshot.session)
    return Response(status: .seeOther, headers: [.location: flow.start(ofEntry: entry, in: group)])
  }

  // MARK: - Removing

  private func confirmRemoval(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let snapshot = try await server.snapshot(name)
    return try removalPage(snapshot, context: context, input: nil, error: nil, status: .ok)
  }

  private func removalPage(
    _ snapshot: AssessmentSnapshot, context: WebRequestContext, input: [String]?,
    error: String?, status: HTTPResponse.Status
  ) throws -> Response {
    let group = try context.parameters.require("group")
    let entryID = try context.parameters.require("entry")
    let session = snapshot.session
    guard let question = try? session.group(group),
      let index = session.entries(of: group).firstIndex(where: { $0.id == entryID })
    else { throw HTTPError(.notFound) }
    let entry = session.entries(of: group)[index]
    let noun = question.itemName ?? "entry"
    let confirm = Question(
      id: "remove", kind: .yesNo,
      prompt: "Remove \(noun) \(index + 1), “\(session.summary(of: entry, in: question))”?",
      location: question.location)
    let flow = InterviewFlow(name: snapshot.file.name, session: session)
    let errors = error.map { [ErrorItem(href: "#value-yes", text: $0)] } ?? []
    let page = GroupRemovePage(
      page: server.chrome(
        confirm.prompt, session: context.sessions.session,
        backLink: Link(href: flow.groupHref(group), text: "Back"),
        breadcrumbs: server.breadcrumbs(snapshot), errors: errors),
      field: server.fields.field(for: confirm, value: nil, input: input, error: error),
      action: "/a/\(snapshot.file.name)/g/\(group)/\(entryID)/remove",
      revision: snapshot.token.hex)
    return server.pages.response(page, template: "group-remove", status: status)
  }

  private func remove(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let group = try context.parameters.require("group")
    let entry = try context.parameters.require("entry")
    let form = context.form ?? FormData()
    let choice = form.first("value")
    guard choice == "yes" else {
      if choice == "no" {
        return Response(status: .seeOther, headers: [.location: "/a/\(name)/g/\(group)/"])
      }
      let snapshot = try await server.snapshot(name)
      return try removalPage(
        snapshot, context: context, input: nil, error: "Select yes to remove it, or no to keep it",
        status: .unprocessableContent)
    }
    let store = server.store
    let outcome = try await server.blocking {
      try store.update(
        name, revision: form.first("revision") ?? "",
        conflicts: { earlier, now in
          guard let earlier else { return true }
          return earlier.entries(of: group).first { $0.id == entry }
            != now.session.entries(of: group).first { $0.id == entry }
        },
        change: { session throws(SessionError) in try session.removeEntry(entry, from: group) })
    }
    switch outcome {
    case .saved(let change, let before, let after):
      server.audit(context, "removed \(group).\(entry)", in: name)
      let noun = (try? after.session.group(group)).map(InterviewFlow.itemTitle) ?? "Entry"
      return server.redirect(
        to: "/a/\(name)/g/\(group)/",
        notice: RiskNotice.saved("\(noun) removed", before: before, after: after, change: change),
        context: context)
    case .refused(let error, let snapshot):
      guard error.kind != .unknown else { throw HTTPError(.notFound) }
      return try removalPage(
        snapshot, context: context, input: nil, error: error.message.capitalizedSentence,
        status: .unprocessableContent)
    case .unchanged:
      throw HTTPError(.notFound)
    case .conflict(let snapshot, _):
      return try removalPage(
        snapshot, context: context, input: ["yes"],
        error: "This entry changed after this page was opened (another tab, the command line or "
          + "git). Check it before removing it: open the list again, or confirm once more.",
        status: .conflict)
    case .failed(let message, let snapshot):
      return try removalPage(
        snapshot, context: context, input: ["yes"], error: "Nothing was removed: \(message).",
        status: .internalServerError)
    }
  }
}
