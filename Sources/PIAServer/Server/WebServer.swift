import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import PIAKit

/// The `pia serve` web application: content loaded and checked once, the
/// routes, and the middleware that secures them.
///
/// Middleware, outermost first: `SecurityHeadersMiddleware` (error pages and
/// security headers on every response), `BodyLimitMiddleware` (413 over
/// 1 MB), hummingbird-auth's `SessionMiddleware` (cookie `pia_session`,
/// HttpOnly, SameSite=Strict, sessions in memory for 12 hours) and
/// `AccessMiddleware` (sign-in and CSRF). Routes: see `docs/web.md`.
public struct WebServer: Sendable {
  /// The largest request body accepted, in bytes (1 MB).
  public static let maximumBodyBytes = 1_048_576
  /// The session cookie's name.
  public static let sessionCookieName = "pia_session"

  /// The configuration the server was made with.
  public let configuration: ServerConfiguration
  let catalog: ContentCatalog
  let pages: PageRenderer
  let assets: StaticAssets
  let workspace: Workspace
  let store: AssessmentStore
  let summarizer: AssessmentSummarizer
  let fields: QuestionFieldBuilder

  /// Loads and checks everything the server needs.
  ///
  /// - Throws: `DiagnosticsError` naming every problem: content with errors
  ///   (run `pia validate`), page templates that do not parse, a missing
  ///   `Web/` folder or workspace.
  public init(configuration: ServerConfiguration) throws(DiagnosticsError) {
    self.configuration = configuration
    let resources = configuration.resources
    var isFolder: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: configuration.workspace.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw DiagnosticsError([
        .error("the workspace '\(configuration.workspaceDisplay)' is not a folder", at: nil)
      ])
    }
    let catalog = ContentCatalog(resources: resources)
    let contentErrors = catalog.diagnostics.filter { $0.severity == .error }
    if !contentErrors.isEmpty { throw DiagnosticsError(contentErrors) }
    self.catalog = catalog
    self.pages = try PageRenderer.load(
      folder: resources.webPages, display: resources.display(resources.webPages))
    self.assets = try StaticAssets.load(
      folder: resources.webStatic, display: resources.display(resources.webStatic))
    self.workspace = Workspace(folder: configuration.workspace)
    self.store = AssessmentStore(
      workspace: workspace, catalog: catalog, today: configuration.today)
    self.summarizer = AssessmentSummarizer(store: store)
    self.fields = QuestionFieldBuilder(cite: catalog.law.cite)
  }

  /// The router with every route and middleware.
  ///
  /// - Parameter sessions: Where sessions are kept (in memory).
  public func router(sessions: some PersistDriver) -> Router<WebRequestContext> {
    let router = Router(context: WebRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(pages: pages))
    router.add(middleware: BodyLimitMiddleware(limit: Self.maximumBodyBytes))
    router.add(
      middleware: SessionMiddleware<WebRequestContext>(
        storage: sessions,
        configuration: SessionMiddlewareConfiguration(
          sessionCookieParameters: SessionCookieParameters(
            name: Self.sessionCookieName, path: "/", secure: false, sameSite: .strict),
          keyPrefix: "pia.", defaultSessionExpiration: .seconds(12 * 60 * 60))))
    router.add(middleware: AccessMiddleware(hasUsers: configuration.users != nil))
    let assets = self.assets
    router.get("/static/{file}") { _, context -> Response in
      let file = try context.parameters.require("file")
      guard StaticAssets.isServable(file), let response = assets.response(for: file) else {
        throw HTTPError(.notFound)
      }
      return response
    }
    LoginRoutes(server: self).add(to: router)
    WorkspaceRoutes(server: self).add(to: router)
    QuestionRoutes(server: self).add(to: router)
    GroupRoutes(server: self).add(to: router)
    AssessmentRoutes(server: self).add(to: router)
    HistoryRoutes(server: self).add(to: router)
    if configuration.patterns { PatternRoutes(server: self).add(to: router) }
    return router
  }

  /// The application, listening where the configuration says.
  ///
  /// - Parameters:
  ///   - logger: Where the server logs (stderr in `pia serve`).
  ///   - onRunning: Called once with the port actually bound.
  public func application(
    logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void
  ) -> some ApplicationProtocol {
    let sessions = MemoryPersistDriver()
    return Application(
      router: router(sessions: sessions),
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: "pia"),
      services: [sessions],
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
      logger: logger)
  }

  /// The chrome of a page for the signed-in `session`.
  func chrome(
    _ title: String, session: WebSession?, backLink: Link? = nil, breadcrumbs: [Link] = [],
    errors: [ErrorItem] = [], notice: Notice? = nil
  ) -> PageChrome {
    PageChrome(
      title: title, signedInAs: session?.user, csrf: session?.csrf, backLink: backLink,
      breadcrumbs: breadcrumbs, errors: errors, notice: notice)
  }
}

extension Resources {
  /// `Web/pages/`: the page templates of `pia serve`.
  public var webPages: URL { web.appendingPathComponent("pages") }
  /// `Web/static/`: the styles and icon `pia serve` serves under `/static/`.
  public var webStatic: URL { web.appendingPathComponent("static") }
}
