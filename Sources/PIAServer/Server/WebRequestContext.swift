import Hummingbird
import HummingbirdAuth

/// The per-request context: Hummingbird's core storage, the session, and the
/// form body once the CSRF check has read it.
public struct WebRequestContext: RequestContext, SessionRequestContext {
  /// Hummingbird's own per-request storage.
  public var coreContext: CoreRequestContextStorage
  /// The browser's session (`nil` until signed in or shown the sign-in form).
  public let sessions: SessionContext<WebSession>
  /// The POST body's fields, set by `AccessMiddleware` after the CSRF check.
  public var form: FormData?

  /// Made by Hummingbird for each request.
  public init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
    self.sessions = .init()
    self.form = nil
  }

  /// Bodies over 1 MB are refused with 413 (also enforced for every POST by
  /// `BodyLimitMiddleware`).
  public var maxUploadSize: Int { WebServer.maximumBodyBytes }
}
