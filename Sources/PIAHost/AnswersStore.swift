import Foundation
import PIAKit

/// One answers file on disk, read and written for an `AssessmentSession`.
///
/// Reading remembers the content token of the bytes read; writing checks
/// that the file on disk still has that token, so a change made in between
/// by someone else (another browser tab, the CLI, an edit by hand, `git
/// checkout`) is never silently overwritten. Every write is atomic
/// (`AtomicFile`), and a new file is readable by its owner only.
public struct AnswersStore: Sendable {
  /// The file.
  public var file: AtomicFile
  /// The token of the bytes last read or written; `nil` before either (or
  /// for a file that does not exist yet).
  public private(set) var token: ContentToken?

  /// A store for the answers file at `url`.
  ///
  /// - Parameters:
  ///   - url: The answers file.
  ///   - displayPath: The path printed in messages (as the user typed it).
  ///   - followsSymlinks: Whether to write through a symbolic link.
  public init(url: URL, displayPath: String? = nil, followsSymlinks: Bool = false) {
    file = AtomicFile(url: url, displayPath: displayPath, followsSymlinks: followsSymlinks)
  }

  /// The path printed in messages.
  public var displayPath: String { file.displayPath }

  /// Whether the file exists.
  public var exists: Bool { file.exists }

  /// Reads the file's bytes and remembers their token.
  ///
  /// - Throws: `DiagnosticsError` naming the file when it cannot be read.
  public mutating func read() throws(DiagnosticsError) -> Data {
    let data: Data
    do {
      data = try Data(contentsOf: file.url)
    } catch {
      throw DiagnosticsError([.error(FileErrors.describe(error, path: displayPath), at: nil)])
    }
    token = ContentToken(of: data)
    return data
  }

  /// Reads the file and opens a session on it.
  ///
  /// - Parameters:
  ///   - content: The content catalogue holding its questionnaire.
  ///   - questionnaire: The questionnaire to read it with (default: the one it names).
  ///   - options: How to treat a file written for another questionnaire version.
  /// - Throws: `DiagnosticsError` with every problem, each at its line and column.
  public mutating func open(
    content: ContentCatalog, questionnaire: Questionnaire? = nil,
    options: AssessmentFile.LoadOptions = .init()
  ) throws(DiagnosticsError) -> Loaded<AssessmentSession> {
    let data = try read()
    return try open(
      ParsedAnswers(data: data, path: displayPath), content: content,
      questionnaire: questionnaire, options: options)
  }

  /// Opens a session on this file's bytes, read and parsed ahead (``ParsedAnswers``, made
  /// from ``read()``'s bytes while the content catalogue loaded); remembers their token.
  ///
  /// - Throws: `DiagnosticsError` with every problem, each at its line and column.
  public mutating func open(
    _ parsed: ParsedAnswers, content: ContentCatalog, questionnaire: Questionnaire? = nil,
    options: AssessmentFile.LoadOptions = .init()
  ) throws(DiagnosticsError) -> Loaded<AssessmentSession> {
    token = ContentToken(of: parsed.data)
    guard let questionnaire else {
      return try AssessmentSession.open(parsed: parsed, content: content, options: options)
    }
    let file = try AssessmentFile.load(
      parsed: parsed, questionnaire: questionnaire, options: options)
    return Loaded(
      AssessmentSession(
        file: file.value, questionnaire: questionnaire, content: content,
        loadedToken: ContentToken(of: parsed.data)), warnings: file.warnings)
  }

  /// Writes the session's file atomically, unless the file on disk changed
  /// since it was last read or written through this store.
  ///
  /// - Throws: `AtomicFile.SaveError` saying why nothing was written.
  public mutating func save(_ session: AssessmentSession) throws(AtomicFile.SaveError) {
    try save(session.encoded().data)
  }

  /// Writes `data` atomically, unless the file on disk changed since it was
  /// last read or written through this store.
  ///
  /// - Throws: `AtomicFile.SaveError` saying why nothing was written.
  public mutating func save(_ data: Data) throws(AtomicFile.SaveError) {
    if let current = currentToken(), current != token {
      throw AtomicFile.SaveError(
        "'\(displayPath)' was changed by someone else since pia read it (another window, the "
          + "web interview, an edit by hand or git); nothing was written. Run the command again "
          + "to start from the file as it is now.")
    }
    try file.write(data)
    token = ContentToken(of: data)
  }

  /// The token of the bytes on disk now; `nil` when the file does not exist.
  public func currentToken() -> ContentToken? {
    guard let data = try? Data(contentsOf: file.url) else { return nil }
    return ContentToken(of: data)
  }
}
