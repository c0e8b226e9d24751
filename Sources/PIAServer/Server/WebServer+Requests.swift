import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import PIAKit

/// What every assessment route does the same way: reading a file off the
/// event loop, mapping the store's errors to pages, passing a notice to the
/// page a save redirects to, and naming who made a change.
extension WebServer {
  /// The threads that do the server's blocking work: more than the cores, so
  /// a long job (the workspace page scores every file) never makes a short
  /// one (a save, a question page) wait for a thread; the system shares the
  /// cores among them. One pool for the process.
  static let workers: NIOThreadPool = {
    let pool = NIOThreadPool(numberOfThreads: max(8, 4 * System.coreCount))
    pool.start()
    return pool
  }()

  /// Runs blocking work (file reads and writes, parsing, scoring) on the
  /// server's worker threads, so neither the event loops nor Swift's
  /// cooperative threads wait on the disk.
  func blocking<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws
    -> Value
  {
    do {
      return try await Self.workers.runIfActive(work)
    } catch let error as AssessmentStore.ReadError {
      throw Self.httpError(error)
    }
  }

  /// The file `name` as it is on disk now.
  ///
  /// - Throws: `HTTPError` 404 for an unknown name, 422 naming the first
  ///   problem for a file that cannot be read.
  func snapshot(_ name: String) async throws -> AssessmentSnapshot {
    let store = self.store
    return try await blocking { try store.read(name) }
  }

  /// The HTTP error for a file that cannot be read.
  static func httpError(_ error: AssessmentStore.ReadError) -> HTTPError {
    switch error {
    case .notFound: return HTTPError(.notFound)
    case .unreadable(let message):
      return HTTPError(
        .unprocessableContent,
        message: "\(message). Fix the file (pia interview --non-interactive lists the problems), "
          + "then reload this page.")
    }
  }

  /// The name recorded for a change: the signed-in user (from the users
  /// file, or the server's operator when signed in by the printed token).
  func user(_ context: WebRequestContext) -> String {
    context.sessions.session?.user ?? configuration.operatorName
  }

  /// A 303 to `location`, with `notice` kept in the session for the page there.
  func redirect(to location: String, notice: Notice?, context: WebRequestContext) -> Response {
    guard let notice, var session = context.sessions.session else {
      return Response(status: .seeOther, headers: [.location: location])
    }
    let id = session.keep(notice)
    _ = context.sessions.updateSession(session)
    let separator = location.contains("?") ? "&" : "?"
    return Response(status: .seeOther, headers: [.location: location + separator + "notice=" + id])
  }

  /// The notice a save left for this page (`?notice=ID`), removed from the session.
  func takeNotice(_ request: Request, _ context: WebRequestContext) -> Notice? {
    guard let id = request.uri.queryParameters["notice"], var session = context.sessions.session,
      let notice = session.take(String(id))
    else { return nil }
    _ = context.sessions.updateSession(session)
    return notice
  }

  /// Records a change on standard error (`pia serve: USER CHANGE in FILE`).
  func audit(_ context: WebRequestContext, _ change: String, in name: String) {
    configuration.audit("\(user(context)) \(change) in \(name)\(Workspace.fileSuffix)")
  }

  /// The page for a question or group that cannot be asked now: the session's
  /// reason (which answer hides it), and links on.
  ///
  /// - Throws: `HTTPError` 404 when the refusal is that it does not exist.
  func notApplicable(
    _ error: SessionError, snapshot: AssessmentSnapshot, back: Link, next: String,
    context: WebRequestContext, notice: Notice?
  ) throws -> Response {
    guard error.kind != .unknown else { throw HTTPError(.notFound) }
    let page = ErrorPage(
      page: chrome(
        "This question does not apply", session: context.sessions.session, backLink: back,
        breadcrumbs: breadcrumbs(snapshot), notice: notice),
      heading: "This question does not apply now",
      paragraphs: [error.message.capitalizedSentence + "."],
      links: [
        Link(href: next, text: "Go to the next question"),
        Link(href: "/a/\(snapshot.file.name)/", text: "Go to the overview"),
      ])
    return pages.response(page, template: "error")
  }

  /// The breadcrumbs of an assessment's pages: the workspace and the overview.
  func breadcrumbs(_ snapshot: AssessmentSnapshot) -> [Link] {
    [
      Link(href: "/", text: "Assessments"),
      Link(href: "/a/\(snapshot.file.name)/", text: snapshot.title),
    ]
  }
}

extension String {
  /// The sentence with its first letter capitalized (the session's messages
  /// start in lower case, to follow a path or a file name).
  var capitalizedSentence: String { prefix(1).uppercased() + dropFirst() }
}
