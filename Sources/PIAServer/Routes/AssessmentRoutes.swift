import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import PIAHost
import PIAKit

/// `GET /a/{name}/review` (check your answers), `GET /a/{name}/score.json`
/// (the same bytes as `pia score --format json`) and
/// `GET /a/{name}/documents/{file}` (a rendered document, or a picture a
/// render writes beside one), each read from the file as it is now.
struct AssessmentRoutes: Sendable {
  let server: WebServer

  func add(to router: Router<WebRequestContext>) {
    router.get("/a/{name}/review") { request, context in try await review(request, context) }
    router.get("/a/{name}/score.json") { _, context in try await score(context) }
    router.get("/a/{name}/documents/{file}") { request, context in
      try await document(request, context)
    }
  }

  // MARK: - Check your answers

  private func review(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let notice = server.takeNotice(request, context)
    let snapshot = try await server.snapshot(name)
    let page = ReviewBuilder(name: name).page(
      snapshot,
      chrome: server.chrome(
        "Check your answers", session: context.sessions.session,
        backLink: Link(href: "/a/\(name)/", text: "Back"),
        breadcrumbs: server.breadcrumbs(snapshot), notice: notice))
    return server.pages.response(page, template: "review")
  }

  // MARK: - Score

  /// `pia score --format json` for the file: its assessment date, the default
  /// staleness window, the same printer; 422 with `{"error": …}` when the
  /// file has no assessment date (the CLI fails the same way).
  private func score(_ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    let snapshot = try await server.snapshot(name)
    let session = snapshot.session
    let body: String
    let status: HTTPResponse.Status
    do {
      let date = try session.assessmentDate()
      let assessment =
        date == snapshot.scoredOn ? snapshot.assessment : session.assessment(asOf: date)
      body = assessment.json(law: server.catalog.law).rendered() + "\n"
      status = .ok
    } catch {
      body =
        JSONValue.object([("error", .string("'\(name)\(Workspace.fileSuffix)': \(error.message)"))])
        .rendered() + "\n"
      status = .unprocessableContent
    }
    return Response(
      status: status,
      headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: body)))
  }

  // MARK: - Documents

  /// Content types of what `documents/` serves, by extension.
  static let documentTypes = [
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf", "svg": "image/svg+xml", "png": "image/png",
  ]

  private func document(_ request: Request, _ context: WebRequestContext) async throws -> Response {
    let name = try context.parameters.require("name")
    var file = try context.parameters.require("file")
    // A rendered Markdown document links its pictures by their file names
    // (`NAME.data-flows.svg`), which a browser resolves beside the document.
    if file.hasPrefix(name + ".") { file.removeFirst(name.count + 1) }
    guard let dot = file.lastIndex(of: "."), Workspace.isValidName(file[..<dot]) else {
      throw HTTPError(.notFound)
    }
    let stem = String(file[..<dot])
    let ext = String(file[file.index(after: dot)...])
    guard Self.documentTypes[ext] != nil else { throw HTTPError(.notFound) }
    let templates = server.catalog.templates.manifest
    let isDocument = ["md", "docx", "pdf"].contains(ext) && templates.entry(stem) != nil
    // `?audience=public`: the public version (`pia render --audience public`); the full one
    // without it (`full`, and `internal` as bookmarked before the public version existed).
    let audience: ReportAudience
    if let asked = request.uri.queryParameters["audience"], asked != "internal" {
      guard let known = ReportAudience(rawValue: String(asked)) else {
        throw HTTPError(
          .notFound,
          message: "The audience '\(asked)' is not known: use 'public' for the public version, "
            + "or leave it out for the full document.")
      }
      audience = known
    } else {
      audience = .full
    }
    let snapshot = try await server.snapshot(name)
    let renderer = ReportRenderer(catalog: server.catalog)
    let session = snapshot.session
    let rendered: Result<[RenderedFile], DiagnosticsError> = try await server.blocking {
      do throws(DiagnosticsError) {
        return .success(
          try renderer.render(
            session, baseName: name, templateIDs: isDocument ? [stem] : [],
            format: isDocument && ext != "md" ? .docx : .md, date: nil, audience: audience))
      } catch {
        return .failure(error)
      }
    }
    let files: [RenderedFile]
    switch rendered {
    case .success(let found): files = found
    case .failure(let error):
      throw HTTPError(
        .unprocessableContent,
        message: "The document cannot be made yet: "
          + error.diagnostics.filter { $0.severity == .error }.map(\.message).joined(
            separator: "; ")
          + ".")
    }
    let wanted = isDocument ? "\(name)\(audience.nameInfix).\(file)" : "\(name).\(file)"
    var found = files.first { $0.name == wanted }
    if isDocument && ext == "pdf", let docx = files.first(where: { $0.name.hasSuffix(".docx") }) {
      found = RenderedFile(name: wanted, data: try await pdf(of: docx.data))
    }
    guard let found, let type = Self.documentTypes[ext] else { throw HTTPError(.notFound) }
    return Response(
      status: .ok,
      headers: [
        .contentType: type, .cacheControl: "no-store",
        .contentDisposition: "\(isDocument ? "attachment" : "inline"); filename=\"\(wanted)\"",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: found.data)))
  }

  /// The PDF of a Word document, made by LibreOffice as `pia render --format pdf` makes it
  /// (one conversion at a time, on a worker thread).
  ///
  /// - Throws: `HTTPError` 503 naming the package when LibreOffice is not installed, 500 saying
  ///   why when the conversion fails.
  private func pdf(of docx: Data) async throws -> Data {
    let converted: Result<Data, HTTPError> = try await server.blocking {
      let office = Self.office.withLockedValue { located in
        if located == nil { located = .some(LibreOffice.locate()) }
        return located ?? nil
      }
      guard let office else {
        return .failure(
          HTTPError(
            .serviceUnavailable,
            message: "PDF documents need LibreOffice, which is not installed on this server: "
              + "ask its administrator to install the Debian package "
              + "\(LibreOffice.debianPackage). The Word and Markdown documents are available."))
      }
      do throws(LibreOffice.Failure) {
        let pdfs = try office.convertToPDF([LibreOffice.Document(name: "document-1", docx: docx)])
        guard let pdf = pdfs.first else {
          return .failure(HTTPError(.internalServerError, message: "LibreOffice made no PDF."))
        }
        return .success(pdf)
      } catch {
        return .failure(
          HTTPError(
            .internalServerError, message: "The PDF could not be made: \(error.message)."))
      }
    }
    return try converted.get()
  }

  /// LibreOffice, looked for when the first PDF is asked for (`.some(nil)`: not installed).
  private static let office = NIOLockedValueBox<LibreOffice??>(nil)
}
