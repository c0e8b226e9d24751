import Foundation
import PIAKit

/// Images read from files, for the DOCX writer (which reads no files itself).
public enum ImageFiles {
  /// A source that reads each image from the file its reference names, relative to `folder`
  /// (the Markdown file's folder) unless the path is absolute.
  ///
  /// The reference is percent-decoded (`flow%20chart.png`), and a query or fragment after the
  /// path (`diagram.png?raw=true`) is ignored. For an SVG, a PNG of the same name beside it
  /// (`diagram.svg` → `diagram.png`) is read too, as the fallback older readers show.
  /// - Parameter folder: The folder relative paths start from.
  /// - Returns: A source answering `.unavailable("no such file")`, `.unavailable("it is a
  ///   folder")` or `.unavailable("cannot be read: …")` when there is no readable file.
  public static func source(relativeTo folder: URL) -> ImageSource {
    ImageSource { reference in
      var path = reference.source
      if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
        path = String(path[..<end])
      }
      path = path.removingPercentEncoding ?? path
      let url =
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
      let bytes: Data
      switch read(url) {
      case .success(let data): bytes = data
      case .failure(let reason): return .unavailable(reason.message)
      }
      var fallback: Data?
      if url.pathExtension.lowercased() == "svg" {
        let png = url.deletingPathExtension().appendingPathExtension("png")
        fallback = try? read(png).get()
      }
      return .found(ImageData(bytes: bytes, pngFallback: fallback))
    }
  }

  private struct Unreadable: Error {
    var message: String
  }

  private static func read(_ url: URL) -> Result<Data, Unreadable> {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      return .failure(Unreadable(message: "no such file"))
    }
    if isFolder.boolValue { return .failure(Unreadable(message: "it is a folder")) }
    do {
      return .success(try Data(contentsOf: url))
    } catch {
      return .failure(Unreadable(message: "cannot be read: \(error.localizedDescription)"))
    }
  }
}
