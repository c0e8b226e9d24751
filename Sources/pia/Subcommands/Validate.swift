import ArgumentParser
import Foundation
import PIAKit
import PIAServer

extension PIACommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check questionnaires, law, rules, vendor facts, templates and answers files.",
      discussion: """
        With no PATH, checks everything in the resource folder. Every problem is printed as \
        path:line:col: error: message; the exit code is 1 when there is any error. With \
        --coverage, also prints per questionnaire which yes/no, choice and multiple-choice \
        questions the risk rules score, which declare 'scored: false' (and why) and which do \
        neither, and fails when fewer than 85 % are scored.
        """)

    @OptionGroup var resources: ResourceOptions

    @Argument(help: "Files to check (default: everything shipped).")
    var paths: [String] = []

    @Flag(help: "Print which judgment questions the risk rules score, per questionnaire.")
    var coverage = false

    func validate() throws {
      if coverage && !paths.isEmpty {
        throw ValidationError("'--coverage' checks everything shipped; give no PATH with it")
      }
    }

    func run() throws {
      let found = try resources.locate()
      let validator = ContentValidator(resources: found)
      let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      var report: ContentValidator.Report
      if paths.isEmpty {
        // The page templates need nothing from the rest; they are checked alongside.
        let checking = Background {
          var pages = ContentValidator.Report(diagnostics: [], checked: [])
          Self.checkPages(found, into: &pages)
          return pages
        }
        report = validator.validateAll()
        let pages = checking.value
        report.checked += pages.checked
        report.diagnostics = (report.diagnostics + pages.diagnostics).sortedByLocation()
      } else {
        report = validator.validate(
          files: paths.map { (URL(fileURLWithPath: $0, relativeTo: workingDirectory), $0) })
      }
      Terminal.print(report.diagnostics)
      print(report.summary)
      var failed = report.diagnostics.hasErrors
      if coverage {
        print("")
        print("Coverage of judgment questions (yes/no, choice, multiple choice) by the risk rules:")
        for questionnaire in validator.coverage() {
          print(questionnaire.text)
          if !questionnaire.passes { failed = true }
        }
      }
      if failed { throw ExitCode.failure }
    }

    /// Checks that the page templates of `pia serve` (`Web/pages/`) parse and
    /// name only partials that exist, when the resource folder has `Web/`.
    static func checkPages(_ resources: Resources, into report: inout ContentValidator.Report) {
      guard FileManager.default.fileExists(atPath: resources.web.path) else { return }
      let folder = resources.webPages
      let shown = resources.display(folder)
      for file in PageRenderer.templateFiles(in: folder) {
        report.checked.append((kind: "page template", path: shown + "/" + file))
      }
      report.diagnostics = (report.diagnostics + PageRenderer.check(folder: folder, display: shown))
        .sortedByLocation()
    }
  }
}
