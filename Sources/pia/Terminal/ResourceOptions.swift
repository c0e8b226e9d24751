import ArgumentParser
import Foundation
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
