import Foundation
import Hummingbird
import PIAKit

/// `GET /` (the workspace), `POST /a` (a new assessment) and `GET /a/{name}/`
/// (the overview).
struct WorkspaceRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/") { _, context in try await workspacePage(context, form: nil, status: .ok) }
    router.post("/a") { _, context in try await create(context) }
    router.get("/a/{name}/") { request, context in try await overview(request, context) }
  }

  /// The workspace page; `form` carries the new-assessment form after a refusal.
  private func workspacePage(
    _ context: WebRequestContext, form: NewAssessmentForm?, status: HTTPResponse.Status
  ) async throws -> Response {
    let session = context.sessions.session
    let workspace = server.workspace
    let summarizer = server.summarizer
    let files = try await server.blocking {
      let files = (try? workspace.files()) ?? []
      return files.map { file in (file, file.addressable ? summarizer.summary(of: file) : nil) }
    }
    let formatters = Formatters()
    let rows = files.compactMap { file, summary in summary.map { Self.row($0, formatters) } }
    let unaddressable = files.filter { !$0.0.addressable }.map { $0.0.url.lastPathComponent }
    let form = form ?? newForm(name: "", title: "", questionnaire: nil)
    var errors: [ErrorItem] = []
    if let message = form.titleError { errors.append(ErrorItem(href: "#title", text: message)) }
    if let message = form.nameError { errors.append(ErrorItem(href: "#name", text: message)) }
    if let message = form.questionnaireError {
      errors.append(
        ErrorItem(href: "#" + (form.questionnaires.first?.optionID ?? ""), text: message))
    }
    let page = WorkspacePage(
      page: server.chrome("Assessments", session: session, errors: errors),
      folder: server.configuration.workspaceDisplay, assessments: rows,
      unaddressable: unaddressable, hasUnaddressable: !unaddressable.isEmpty, form: form)
    return server.pages.response(page, template: "workspace", status: status)
  }

  /// Creates `NAME.pia.yaml` from the form (`name`, `title`, `questionnaire`)
  /// and redirects to its overview; never replaces a file. Refusals: 422
  /// with the workspace page, the error summary and the input kept.
  private func create(_ context: WebRequestContext) async throws -> Response {
    let form = context.form ?? FormData()
    let name = (form.first("name") ?? "").trimmingCharacters(in: .whitespaces)
    let title = (form.first("title") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let questionnaireID = form.first("questionnaire")
    var page = newForm(name: name, title: title, questionnaire: questionnaireID)
    if name.isEmpty {
      page.nameError = "Enter a file name for the assessment"
    } else if !Workspace.isValidName(name) || name.hasPrefix("-")
      || name.count > Workspace.maximumNameLength
    {
      page.nameError =
        "The file name must be 1 to \(Workspace.maximumNameLength) lowercase letters, digits "
        + "and hyphens, starting with a letter or digit, like town-hall-ai-pilot"
    }
    if title.isEmpty {
      page.titleError = "Enter the title of the assessment"
    } else if title.count > 200 || title.contains(where: \.isNewline) {
      page.titleError = "The title must be one line of at most 200 characters"
    }
    let questionnaire = questionnaireID.flatMap(server.catalog.questionnaire)
    if questionnaire == nil { page.questionnaireError = "Select the questionnaire to answer" }
    guard let questionnaire, page.nameError == nil, page.titleError == nil else {
      return try await workspacePage(context, form: page, status: .unprocessableContent)
    }
    let contents = server.summarizer.newFile(
      questionnaire: questionnaire, title: title, started: server.configuration.today())
    do {
      try server.workspace.create(name: name, contents: contents)
    } catch {
      page.nameError = error.description
      return try await workspacePage(context, form: page, status: .unprocessableContent)
    }
    return Response(status: .seeOther, headers: [.location: "/a/\(name)/"])
  }

  /// The overview of one assessment.
  private func overview(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let snapshot = try await server.snapshot(name)
    // A notice from the last change comes first; else what reading the file noted.
    let notice = server.takeNotice(request, context) ?? Self.readingNotice(snapshot.warnings)
    let page = OverviewBuilder(
      name: name, cite: server.catalog.law.cite,
      templates: server.catalog.templates.manifest.entries
    ).page(
      snapshot,
      chrome: server.chrome(
        snapshot.title, session: context.sessions.session,
        breadcrumbs: [Link(href: "/", text: "Assessments")], notice: notice))
    return server.pages.response(page, template: "overview")
  }

  /// The notes of reading the file (`pia` prints them as warnings), as a banner; `nil` when
  /// there are none. The file keeps the old layout until an answer is saved.
  static func readingNotice(_ warnings: [Diagnostic]) -> Notice? {
    guard !warnings.isEmpty else { return nil }
    return Notice(
      noticeHeading: "Notes on reading this file",
      noticeLines: warnings.map { warning in
        let message = warning.message
        let sentence = message.prefix(1).uppercased() + message.dropFirst()
        return sentence.hasSuffix(".") ? sentence : sentence + "."
      })
  }

  private func newForm(name: String, title: String, questionnaire: String?) -> NewAssessmentForm {
    let options = server.catalog.questionnaires.map { item in
      FieldOption(
        optionID: "questionnaire-\(item.id)", optionValue: item.id, optionLabel: item.title,
        optionHint: item.description, optionHintID: "questionnaire-\(item.id)-hint",
        optionChecked: item.id == questionnaire)
    }
    return NewAssessmentForm(
      nameValue: name, nameError: nil, titleValue: title, titleError: nil,
      questionnaires: options, questionnaireError: nil)
  }

  /// The page's date formatters, made once per page (each costs more than a row).
  struct Formatters {
    let local: DateFormatter
    let iso = ISO8601DateFormatter()

    init() {
      local = DateFormatter()
      local.locale = Locale(identifier: "en_CA")
      local.dateFormat = "yyyy-MM-dd HH:mm"
    }
  }

  private static func row(_ summary: AssessmentSummary, _ formatters: Formatters) -> AssessmentRow {
    let local = formatters.local
    let iso = formatters.iso
    return AssessmentRow(
      name: summary.name, href: "/a/\(summary.name)/", rowTitle: summary.title ?? summary.name,
      questionnaire: summary.questionnaire, verdict: summary.verdict,
      residual: summary.residual?.title, residualClass: summary.residual?.description,
      progress: summary.problem == nil
        ? "\(summary.answered) of \(summary.applicable) questions" : nil,
      lastChange: local.string(from: summary.modified),
      lastChangeISO: iso.string(from: summary.modified), problem: summary.problem)
  }
}
