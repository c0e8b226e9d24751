import ArgumentParser
import Foundation
import PIAKit

extension PIACommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check questionnaires, law, rules, vendor facts and templates.",
      discussion: """
        With no PATH, checks everything in the resource folder. Every problem is printed as \
        path:line:col: error: message; the exit code is 1 when there is any error.
        """)

    @OptionGroup var resources: ResourceOptions

    @Argument(help: "Files to check (default: everything shipped).")
    var paths: [String] = []

    func run() throws {
      let found = try resources.locate()
      let validator = ContentValidator(resources: found)
      let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let report =
        paths.isEmpty
        ? validator.validateAll()
        : validator.validate(
          files: paths.map { (URL(fileURLWithPath: $0, relativeTo: workingDirectory), $0) })
      Terminal.print(report.diagnostics)
      print(report.summary)
      if report.diagnostics.hasErrors { throw ExitCode.failure }
    }
  }
}
