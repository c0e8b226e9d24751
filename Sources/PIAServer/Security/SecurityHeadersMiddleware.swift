import HTTPTypes
import Hummingbird

/// The outermost middleware: turns every error into a page and puts the
/// security headers on every response, errors included.
///
/// Headers: `Content-Security-Policy: default-src 'self'` (no inline script or
/// style can run), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
/// `Referrer-Policy: no-referrer`; HTML responses also get
/// `Cache-Control: no-store`.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = WebRequestContext

  /// Renders the error pages.
  let pages: PageRenderer

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      response = errorResponse(status: error.status, detail: (error as? HTTPError)?.body)
      for field in (error as? HTTPError)?.headers ?? [:] { response.headers.append(field) }
    } catch {
      context.logger.error("unexpected error: \(String(describing: error))")
      response = errorResponse(status: .internalServerError, detail: nil)
    }
    response.headers[.contentSecurityPolicy] = "default-src 'self'"
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    response.headers[.referrerPolicy] = "no-referrer"
    return response
  }

  private func errorResponse(status: HTTPResponse.Status, detail: String?) -> Response {
    let page = ErrorPage.standard(status: status, detail: detail)
    return pages.response(page, template: "error", status: status)
  }
}

// Constant, valid header names: the failable initializer cannot fail.
extension HTTPField.Name {
  // swift-format-ignore: NeverForceUnwrap
  /// `X-Frame-Options` (swift-http-types names the other security headers).
  static let xFrameOptions = Self("X-Frame-Options")!
  // swift-format-ignore: NeverForceUnwrap
  /// `Referrer-Policy`.
  static let referrerPolicy = Self("Referrer-Policy")!
}
