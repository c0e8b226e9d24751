import ArgumentParser
import Foundation
import PIAHost
import PIAKit

/// The `--resources` option every command that reads shipped content shares.
struct ResourceOptions: ParsableArguments {
  @Option(
    name: .customLong("resources"),
    help: ArgumentHelp(
      "Folder holding Questionnaires/ and Templates/ (default: $PIA_HOME, then the installed "
        + "share/pia, then beside the binary, then the source checkout).",
      valueName: "dir"))
  var root: String?

  /// Finds the resource folder or throws a message listing every path tried.
  func locate() throws -> Resources {
    let locator = ResourceLocator(
      explicitRoot: root, environment: ProcessInfo.processInfo.environment,
      executableURL: Bundle.main.executableURL,
      workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    do {
      return try locator.locate()
    } catch {
      throw CommandFailure(error.description)
    }
  }
}

extension ResourceOptions {
  /// Locates the resource folder and loads its content once; throws when any
  /// of it has an error (printing each), so no command works from broken content.
  func content() throws -> ContentCatalog {
    let catalog = ContentCatalog(resources: try locate())
    let errors = catalog.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      Terminal.print(errors)
      throw CommandFailure(
        "The questionnaires, rules, vendor facts, materiality rules or templates have errors; "
          + "run 'pia validate' for details.")
    }
    return catalog
  }
}

/// Opening answers files from the command line: paths relative to the
/// working folder, diagnostics printed, failures as `CommandFailure`.
enum AnswersFiles {
  /// The working folder.
  static var workingDirectory: URL {
    URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }

  /// A store for `path` as the user typed it.
  static func store(_ path: String, followsSymlinks: Bool = false) -> AnswersStore {
    AnswersStore(
      url: URL(fileURLWithPath: path, relativeTo: workingDirectory), displayPath: path,
      followsSymlinks: followsSymlinks)
  }

  /// Opens `path` as a session, printing warnings; throws (after printing
  /// every problem) when it cannot be used.
  ///
  /// - Parameter parsed: The file read and parsed ahead (``AnswersPrefetch``), if it was.
  static func open(
    _ path: String, content: ContentCatalog, questionnaire: Questionnaire? = nil,
    options: AssessmentFile.LoadOptions = .init(), followsSymlinks: Bool = false,
    parsed: ParsedAnswers? = nil
  ) throws -> (session: AssessmentSession, store: AnswersStore) {
    var store = store(path, followsSymlinks: followsSymlinks)
    guard store.exists else { throw CommandFailure("'\(path)' does not exist") }
    do {
      let loaded =
        if let parsed {
          try store.open(parsed, content: content, questionnaire: questionnaire, options: options)
        } else {
          try store.open(content: content, questionnaire: questionnaire, options: options)
        }
      Terminal.print(loaded.warnings)
      return (loaded.value, store)
    } catch {
      Terminal.print(error.diagnostics)
      throw ExitCode.failure
    }
  }
}

/// Answers files read and parsed as YAML on a queue of their own, in order, while the content
/// catalogue loads on this one (for a 1,000-flow file the two take about as long). At most a
/// few files wait parsed at a time, so scoring many large files keeps memory bounded.
final class AnswersPrefetch: @unchecked Sendable {
  private let paths: [String]
  private let lock = NSLock()
  private var parsed: [Int: ParsedAnswers] = [:]
  /// Signalled once per file, when it is parsed or cannot be read.
  private let ready: [DispatchSemaphore]
  /// Files that may wait parsed before the next is read.
  private let room = DispatchSemaphore(value: 4)

  /// Starts reading and parsing `paths` (as the user typed them).
  init(_ paths: [String]) {
    self.paths = paths
    ready = paths.map { _ in DispatchSemaphore(value: 0) }
    DispatchQueue.global().async { [self] in
      for (index, path) in paths.enumerated() {
        room.wait()
        let url = URL(fileURLWithPath: path, relativeTo: AnswersFiles.workingDirectory)
        // A file that cannot be read is opened again by the caller, for the usual message.
        if let data = try? Data(contentsOf: url) {
          let file = ParsedAnswers(data: data, path: path)
          lock.withLock { parsed[index] = file }
        }
        ready[index].signal()
      }
    }
  }

  /// The file at `index` of the paths, once parsed; `nil` when it could not be read. Each
  /// index is taken once, in order (the reader waits for room before reading the next).
  func take(_ index: Int) -> ParsedAnswers? {
    ready[index].wait()
    defer { room.signal() }
    return lock.withLock { parsed.removeValue(forKey: index) }
  }
}
