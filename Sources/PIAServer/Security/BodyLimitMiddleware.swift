import Hummingbird
import NIOCore

/// Refuses request bodies over `WebServer.maximumBodyBytes` (1 MB) with 413,
/// whether the size is announced (`Content-Length`) or only found while
/// reading a chunked body, and keeps the body it read for the handlers.
struct BodyLimitMiddleware: RouterMiddleware {
  typealias Context = WebRequestContext

  /// The largest body accepted, in bytes.
  let limit: Int

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
      throw HTTPError(.contentTooLarge, message: Self.message)
    }
    var request = request
    if request.method != .get && request.method != .head {
      do {
        _ = try await request.collectBody(upTo: limit)
      } catch is NIOTooManyBytesError {
        throw HTTPError(.contentTooLarge, message: Self.message)
      }
    }
    return try await next(request, context)
  }

  static let message = "The form sent more than 1 MB. Shorten the text and try again."
}
