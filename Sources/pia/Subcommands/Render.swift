import ArgumentParser
import Foundation
import PIAKit

extension ReportRenderer.Format: ExpressibleByArgument {}

extension PIACommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Render an answers file into the PIA report, the council appendix and the notice of collection.",
      discussion: """
        Writes DIR/<answers-name>.<template>.md (and .docx). Dates come from the answers file or \
        --date, never from the clock, so the same inputs give the same bytes. A file in DIR that \
        pia render did not write (or that was edited since) is never replaced without --force; \
        the folder's .pia-rendered ledger records what was written. Templates: see 'pia list' \
        and docs/templates.md.
        """)

    @OptionGroup var resources: ResourceOptions

    @Option(
      name: .customLong("answers"),
      help: ArgumentHelp("The answers file (*.pia.yaml).", valueName: "file"))
    var answers: String

    @Option(
      name: .customLong("template"),
      help: ArgumentHelp("A template id; repeat for several (default: all).", valueName: "name"))
    var templates: [String] = []

    @Option(help: "Output format: md, docx or all.")
    var format: ReportRenderer.Format = .md

    @Option(
      name: .customLong("output"), help: ArgumentHelp("The folder to write into.", valueName: "dir")
    )
    var output: String = "."

    @Option(
      help: ArgumentHelp(
        "The report date (default: the assessment date in the file).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(help: "Replace files pia render did not write, and symbolic links in place of outputs.")
    var force = false

    func validate() throws {
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
    }

    func run() throws {
      let found = try resources.locate()
      let catalog = ContentCatalog(resources: found)
      let (templates, templateDiagnostics) = ReportTemplates.load(resources: found)
      let contentErrors = (catalog.diagnostics + templateDiagnostics).filter {
        $0.severity == .error
      }
      if !contentErrors.isEmpty {
        Terminal.print(contentErrors)
        throw CommandFailure(
          "The questionnaires, rules, vendor facts or templates have errors; run 'pia validate' for details."
        )
      }
      let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let url = URL(fileURLWithPath: answers, relativeTo: workingDirectory)
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw CommandFailure("'\(answers)' does not exist")
      }
      let renderer = ReportRenderer(catalog: catalog, templates: templates)
      let (files, diagnostics) = renderer.render(
        answersAt: url, path: answers, templateIDs: self.templates, format: format,
        date: date.flatMap(CalendarDate.init))
      Terminal.print(diagnostics)
      if diagnostics.hasErrors { throw ExitCode.failure }
      let folder = ReportOutputFolder(
        url: URL(fileURLWithPath: output, relativeTo: workingDirectory), display: output)
      do {
        for path in try folder.write(files, force: force) { print("Wrote \(path)") }
      } catch {
        Terminal.print(error.diagnostics)
        throw ExitCode.failure
      }
    }
  }
}
