import Foundation
import NIOConcurrencyHelpers
import PIAHost
import PIAKit

/// The workspace's answers files as the routes read and change them: every
/// read goes to the disk, every change is saved atomically before the
/// response, and no change silently replaces another.
///
/// - **Read**: the file's bytes are read on every request and their token
///   computed; an unchanged file reuses the cached session and score, a
///   changed one (the CLI, git, an edit by hand) is parsed and scored afresh.
/// - **Change**: under a lock per file (two requests on one file take turns),
///   the file is read, the change is checked against the form's `revision`,
///   applied to the session, and written through `AnswersStore`, which
///   refuses to write when the bytes on disk changed since they were read.
/// - **Earlier versions**: the sessions of the last few versions of each
///   file stay in memory, so a form sent from an older version can be
///   compared with the file as it is now (did *this* answer change?).
final class AssessmentStore: Sendable {
  /// Why a file could not be read.
  enum ReadError: Error, Sendable {
    /// No addressable answers file has this name (the route answers 404).
    case notFound
    /// The file exists but cannot be read or has errors; the first error.
    case unreadable(String)
  }

  /// What `update` did.
  enum Outcome<Value: Sendable>: Sendable {
    /// The change was saved: the file before and after.
    case saved(Value, before: AssessmentSnapshot, after: AssessmentSnapshot)
    /// The change left the bytes as they were; nothing was written.
    case unchanged(Value, AssessmentSnapshot)
    /// The session refused the change; nothing was written.
    case refused(SessionError, AssessmentSnapshot)
    /// The form was made from an earlier version and what it changes changed
    /// since; nothing was written. `earlier` is that version's session, when
    /// still known.
    case conflict(AssessmentSnapshot, earlier: AssessmentSession?)
    /// The save failed (disk full, no permission, changed on disk meanwhile);
    /// nothing was written. The message names the file and the reason.
    case failed(String, AssessmentSnapshot)
  }

  /// The workspace folder.
  let workspace: Workspace
  /// The content every file is read against.
  let catalog: ContentCatalog
  /// The date to score a file as of when it has no assessment date.
  let today: @Sendable () -> CalendarDate
  /// How many earlier versions of each file are kept for conflict checks.
  static let earlierVersionsKept = 8

  private struct Entry {
    var current: AssessmentSnapshot
    var earlier: [(token: ContentToken, session: AssessmentSession)]
  }

  private let cache = NIOLockedValueBox<[String: Entry]>([:])
  private let parses = NIOLockedValueBox(0)

  /// How many times a file was parsed and scored (not taken from the cache).
  var parseCount: Int { parses.withLockedValue { $0 } }
  private let locks = (0..<64).map { _ in NIOLock() }

  /// A store over `workspace`.
  init(workspace: Workspace, catalog: ContentCatalog, today: @escaping @Sendable () -> CalendarDate)
  {
    self.workspace = workspace
    self.catalog = catalog
    self.today = today
  }

  // MARK: - Reading

  /// The file `name` as it is on disk now (blocking: call off the event loop).
  ///
  /// - Throws: `ReadError.notFound` for a name that is not an answers file in
  ///   the workspace, `.unreadable` with the first error for a file that
  ///   cannot be read or loaded.
  func read(_ name: String) throws(ReadError) -> AssessmentSnapshot {
    guard let file = workspace.file(named: name) else { throw .notFound }
    return try load(file).snapshot
  }

  /// The snapshot of `file` for the workspace page, which lists the files
  /// itself: taken from the cache without reading the file when its
  /// fingerprint (inode, size, modification time) is the one the cached
  /// snapshot was read or written with; read otherwise.
  func summaryRead(_ file: Workspace.File) throws(ReadError) -> AssessmentSnapshot {
    if !file.fingerprint.isEmpty,
      var cached = cache.withLockedValue({ $0[file.name]?.current }),
      cached.file.fingerprint == file.fingerprint,
      cached.scoredOn == AssessmentSnapshot.scoringDate(of: cached.session, today: today())
    {
      cached.file = file
      return cached
    }
    return try load(file).snapshot
  }

  /// The session of an earlier version of `name`, when it is still known.
  func earlierSession(_ name: String, token: ContentToken) -> AssessmentSession? {
    cache.withLockedValue { cache in
      guard let entry = cache[name] else { return nil }
      if entry.current.token == token { return entry.current.session }
      return entry.earlier.last { $0.token == token }?.session
    }
  }

  /// Reads `file` through an `AnswersStore` (which remembers the token for a
  /// later save) and opens it, or takes the cached snapshot for these bytes.
  private func load(_ file: Workspace.File) throws(ReadError) -> (
    snapshot: AssessmentSnapshot, store: AnswersStore
  ) {
    var store = AnswersStore(url: file.url, displayPath: file.url.lastPathComponent)
    let data: Data
    do {
      data = try store.read()
    } catch {
      throw .unreadable(Self.firstError(error, file: file))
    }
    let token = store.token ?? ContentToken(of: data)
    let day = today()
    if var cached = cache.withLockedValue({ $0[file.name]?.current }), cached.token == token,
      cached.scoredOn == AssessmentSnapshot.scoringDate(of: cached.session, today: day)
    {
      cached.file = file
      return (cached, store)
    }
    let loaded: Loaded<AssessmentSession>
    do {
      loaded = try AssessmentSession.open(
        data: data, path: file.url.lastPathComponent, content: catalog,
        options: AssessmentFile.LoadOptions(acceptsOtherVersion: true))
    } catch {
      throw .unreadable(Self.firstError(error, file: file))
    }
    let snapshot = AssessmentSnapshot(
      file: file, token: token, session: loaded.value, today: day, warnings: loaded.warnings)
    parses.withLockedValue { $0 += 1 }
    remember(snapshot)
    return (snapshot, store)
  }

  /// Makes `snapshot` the current version of its file, keeping the one it
  /// replaces among the earlier versions.
  private func remember(_ snapshot: AssessmentSnapshot) {
    cache.withLockedValue { cache in
      let name = snapshot.file.name
      guard var entry = cache[name] else {
        cache[name] = Entry(current: snapshot, earlier: [])
        return
      }
      if entry.current.token != snapshot.token {
        entry.earlier.removeAll { $0.token == entry.current.token }
        entry.earlier.append((entry.current.token, entry.current.session))
        if entry.earlier.count > Self.earlierVersionsKept { entry.earlier.removeFirst() }
      }
      entry.current = snapshot
      cache[name] = entry
    }
  }

  // MARK: - Changing

  /// Changes the file `name` and saves it before returning (blocking: call off
  /// the event loop). Requests for one file take turns.
  ///
  /// - Parameters:
  ///   - name: The file's `{name}`.
  ///   - revision: The token of the version the form was made from, as sent
  ///     (16 hex digits; anything else is a version no longer known); `nil`
  ///     when the change does not depend on what the user saw (adding an
  ///     entry).
  ///   - conflicts: Given the session of that version (`nil` when no longer
  ///     known) and the file now, whether what the form changes has changed
  ///     since. Asked only when `revision` is not the current token.
  ///   - change: The change, made through the session's operations.
  /// - Returns: What happened; nothing is written unless `.saved`.
  /// - Throws: `ReadError` when the file cannot be read at all.
  func update<Value: Sendable>(
    _ name: String, revision: String?,
    conflicts: (AssessmentSession?, AssessmentSnapshot) -> Bool = { _, _ in true },
    change: (inout AssessmentSession) throws(SessionError) -> Value
  ) throws(ReadError) -> Outcome<Value> {
    guard let file = workspace.file(named: name) else { throw .notFound }
    let lock = locks[Int(UInt(bitPattern: name.hashValue) % UInt(locks.count))]
    lock.lock()
    defer { lock.unlock() }
    var (before, store) = try load(file)
    if let revision, revision != before.token.hex {
      let earlier = ContentToken(revision).flatMap { earlierSession(name, token: $0) }
      if conflicts(earlier, before) { return .conflict(before, earlier: earlier) }
    }
    var session = before.session
    let value: Value
    do {
      value = try change(&session)
    } catch {
      return .refused(error, before)
    }
    let (data, token) = session.encoded()
    if token == before.token { return .unchanged(value, before) }
    do {
      try store.save(data)
    } catch {
      return .failed(error.description, before)
    }
    // No fingerprint: one taken now could be of someone else's write made
    // since ours; the next read of the bytes records one.
    var written = workspace.file(named: name) ?? file
    written.fingerprint = []
    let after = AssessmentSnapshot(file: written, token: token, session: session, today: today())
    remember(after)
    return .saved(value, before: before, after: after)
  }

  private static func firstError(_ error: DiagnosticsError, file: Workspace.File) -> String {
    error.diagnostics.first { $0.severity == .error }?.description
      ?? "'\(file.url.lastPathComponent)' cannot be read"
  }
}
