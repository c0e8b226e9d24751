import Foundation
import HTTPTypes
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A response as a test reads it.
struct TestResponse: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: ByteBuffer
}

/// What the tests send requests through (the shape of HummingbirdTesting's
/// client, so a test reads the same either way).
protocol TestClientProtocol: Sendable {
  /// Sends one request and hands the response to `testCallback`.
  func execute<Return>(
    uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?,
    testCallback: (TestResponse) async throws -> Return
  ) async throws -> Return
}

extension TestClientProtocol {
  func execute<Return>(
    uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
    testCallback: (TestResponse) async throws -> Return
  ) async throws -> Return {
    try await execute(
      uri: uri, method: method, headers: headers, body: body, testCallback: testCallback)
  }
}

/// An HTTP/1.1 client for the server the tests start on 127.0.0.1: one
/// connection per request (`Connection: close`), the request line and headers
/// sent exactly as given (no normalization of `..` or `%2F`, unlike a
/// browser or URLSession, so the traversal tests reach the server as
/// written), redirects not followed, no cookie jar.
///
/// Each request blocks a thread of its own (`Thread`), never one of
/// Dispatch's global queues (which Swift's cooperative pool runs on, on
/// Linux, and the server's handlers need) nor NIO's blocking pool (which the
/// server's file work uses).
struct LiveClient: TestClientProtocol {
  /// The server's port on 127.0.0.1.
  let port: Int

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  func execute<Return>(
    uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?,
    testCallback: (TestResponse) async throws -> Return
  ) async throws -> Return {
    var request = "\(method.rawValue) \(uri) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for field in headers { request += "\(field.name.rawName): \(field.value)\r\n" }
    let payload = body.map { Array($0.readableBytesView) } ?? []
    if body != nil || method == .post { request += "Content-Length: \(payload.count)\r\n" }
    request += "Connection: close\r\n\r\n"
    let bytes = Array(request.utf8) + payload
    let port = self.port
    let raw: [UInt8] = try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try Self.exchange(bytes, port: port) }) }.start()
    }
    return try await testCallback(try Self.parse(raw))
  }

  /// Connects, sends `bytes`, reads until the server closes.
  private static func exchange(_ bytes: [UInt8], port: Int) throws -> [UInt8] {
    #if canImport(Glibc)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      // The server may answer (413) and close before reading the whole body.
      if sent <= 0 { break }
      offset += sent
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      received += buffer[..<count]
    }
    return received
  }

  /// The status, headers and body of a response (`Content-Length` or chunked).
  private static func parse(_ raw: [UInt8]) throws -> TestResponse {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = raw.firstRange(of: separator) else {
      throw Failure(description: "no complete response (\(raw.count) bytes)")
    }
    let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusParts = lines.removeFirst().split(separator: " ", maxSplits: 2)
    guard statusParts.count >= 2, let code = Int(statusParts[1]) else {
      throw Failure(description: "bad status line in \(head)")
    }
    var fields = HTTPFields()
    for line in lines {
      guard let colon = line.firstIndex(of: ":"),
        let name = HTTPField.Name(String(line[..<colon]))
      else { continue }
      fields.append(
        HTTPField(
          name: name,
          value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }
    var body = Array(raw[end.upperBound...])
    if fields[.transferEncoding]?.lowercased() == "chunked" { body = try dechunk(body) }
    return TestResponse(
      status: HTTPResponse.Status(code: code), headers: fields, body: ByteBuffer(bytes: body))
  }

  private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { break }
      let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
      guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
        throw Failure(description: "bad chunk size '\(sizeText)'")
      }
      if size == 0 { break }
      let start = lineEnd.upperBound
      result += bytes[start..<min(start + size, bytes.count)]
      index = start + size + 2
    }
    return result
  }
}
