import Crypto
import Foundation
import PIAKit

/// The folder `pia render` writes into, and the rules that keep it from
/// destroying anything it did not write.
///
/// - Every file is written atomically (a temporary file in the same folder,
///   then a rename), so a reader never sees half a report.
/// - The folder keeps a ledger, `.pia-rendered`: one line per file written,
///   `<sha256>  <name>`. An existing file is replaced only when its bytes still
///   match the ledger (pia wrote it and nobody edited it since); otherwise the
///   render stops before writing anything, unless `force` is set.
/// - A symbolic link in place of an output is never followed; with `force` the
///   link itself is replaced, so nothing is written outside the folder.
/// - File names come from the answers file's name and template ids and never
///   contain a `/`.
public struct ReportOutputFolder: Sendable {
  /// The ledger's file name inside the folder: one `<sha256>  <name>` line per file written.
  public static let ledgerName = ".pia-rendered"

  /// The folder written into; created when missing.
  public var url: URL
  /// How to print the folder in messages (as the user gave it).
  public var display: String

  /// Makes an output folder.
  public init(url: URL, display: String) {
    self.url = url
    self.display = display
  }

  /// Writes `files`, or nothing when any of them would replace a file pia did not write.
  ///
  /// - Returns: The printed paths of the files written, in the order given.
  /// - Throws: `DiagnosticsError` when the folder cannot be created; before writing anything,
  ///   listing every output whose name is unsafe (empty, `.`, `..` or with a `/`), that is not
  ///   a regular file, or, unless `force`, that is a symbolic link or a file pia did not write
  ///   or that was edited since; and when a write fails part-way (files already written stay,
  ///   the ledger is not updated).
  public func write(_ files: [RenderedFile], force: Bool) throws(DiagnosticsError) -> [String] {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw DiagnosticsError([.error(FileErrors.describe(error, path: display), at: nil)])
    }
    var ledger = readLedger()
    var problems: [Diagnostic] = []
    for file in files {
      guard !file.name.contains("/"), file.name != "..", file.name != ".", !file.name.isEmpty else {
        problems.append(.error("refusing the output name '\(file.name)'", at: nil))
        continue
      }
      let path = url.appendingPathComponent(file.name).path
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      let shown = shownPath(file.name)
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        if !force {
          problems.append(
            .error(
              "'\(shown)' is a symbolic link; pass --force to replace the link (its target is left alone)",
              at: nil))
        }
      case S_IFREG:
        guard !force else { continue }
        let existing = FileManager.default.contents(atPath: path).map(Self.digest)
        if existing == nil || existing != ledger[file.name] {
          problems.append(
            .error(
              "'\(shown)' was not written by pia render, or was edited since; pass --force to overwrite it",
              at: nil))
        }
      default:
        problems.append(.error("'\(shown)' exists and is not a regular file", at: nil))
      }
    }
    if problems.hasErrors { throw DiagnosticsError(problems) }
    var written: [String] = []
    for file in files {
      let target = url.appendingPathComponent(file.name)
      var info = stat()
      if lstat(target.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { unlink(target.path) }
      do {
        try AtomicFile(url: target, displayPath: shownPath(file.name)).write(file.data)
      } catch {
        throw DiagnosticsError([.error(error.description, at: nil)])
      }
      ledger[file.name] = Self.digest(file.data)
      written.append(shownPath(file.name))
    }
    let text = ledger.keys.sorted().map { "\(ledger[$0] ?? "")  \($0)\n" }.joined()
    do {
      try AtomicFile(
        url: url.appendingPathComponent(Self.ledgerName), displayPath: shownPath(Self.ledgerName)
      )
      .write(
        Data(("# Files written by pia render (sha256  name); see docs/templates.md.\n" + text).utf8)
      )
    } catch {
      throw DiagnosticsError([.error(error.description, at: nil)])
    }
    return written
  }

  func shownPath(_ name: String) -> String {
    display == "." ? name : (display.hasSuffix("/") ? display + name : display + "/" + name)
  }

  func readLedger() -> [String: String] {
    guard
      let data = FileManager.default.contents(
        atPath: url.appendingPathComponent(Self.ledgerName).path)
    else {
      return [:]
    }
    var ledger: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n")
    where !line.hasPrefix("#") {
      let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
      guard parts.count == 2 else { continue }
      ledger[parts[1].trimmingCharacters(in: .whitespaces)] = String(parts[0])
    }
    return ledger
  }

  static func digest(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}
