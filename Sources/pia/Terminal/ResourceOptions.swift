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
  static func open(
    _ path: String, content: ContentCatalog, questionnaire: Questionnaire? = nil,
    options: AssessmentFile.LoadOptions = .init(), followsSymlinks: Bool = false
  ) throws -> (session: AssessmentSession, store: AnswersStore) {
    var store = store(path, followsSymlinks: followsSymlinks)
    guard store.exists else { throw CommandFailure("'\(path)' does not exist") }
    do {
      let loaded = try store.open(content: content, questionnaire: questionnaire, options: options)
      Terminal.print(loaded.warnings)
      return (loaded.value, store)
    } catch {
      Terminal.print(error.diagnostics)
      throw ExitCode.failure
    }
  }
}
