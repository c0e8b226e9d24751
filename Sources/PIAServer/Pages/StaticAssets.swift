import Foundation
import Hummingbird
import PIAKit

/// The files of the resource folder's `Web/static/` (styles, icon, the
/// optional script), read once at start and served from memory under
/// `/static/NAME`. Only names of `[a-z0-9-]` with a known extension are
/// served; any other address is 404 and never reaches the disk.
public struct StaticAssets: Sendable {
  /// Bytes and content type by file name.
  private var files: [String: (type: String, bytes: ByteBuffer)]

  /// Content types by extension.
  static let types = [
    "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
    "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon",
  ]

  /// Reads every servable file directly in `folder`.
  ///
  /// - Throws: `DiagnosticsError` when the folder cannot be read.
  public static func load(folder: URL, display: String) throws(DiagnosticsError) -> StaticAssets {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      throw DiagnosticsError([.error("cannot read the folder '\(display)'", at: nil)])
    }
    var files: [String: (String, ByteBuffer)] = [:]
    for name in names where isServable(name) {
      let extensionName = String(name.split(separator: ".").last ?? "")
      guard let type = types[extensionName],
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
      else { continue }
      files[name] = (type, ByteBuffer(bytes: data))
    }
    return StaticAssets(files: files)
  }

  private init(files: [String: (type: String, bytes: ByteBuffer)]) {
    self.files = files
  }

  /// Whether `name` may be served: `[a-z0-9-]+` `.` a known extension.
  static func isServable(_ name: some StringProtocol) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, types[String(parts[1])] != nil else { return false }
    return Workspace.isValidName(parts[0])
  }

  /// The response for `/static/NAME`, or `nil` for 404.
  func response(for name: String) -> Response? {
    guard let file = files[name] else { return nil }
    return Response(
      status: .ok,
      headers: [.contentType: file.type, .cacheControl: "no-cache"],
      body: .init(byteBuffer: file.bytes))
  }
}
