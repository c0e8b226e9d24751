import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension PIACommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "render",
      abstract:
        "Render an answers file into the PIA report, the staff report to council, the council appendix and the notice of collection.",
      discussion: """
        Writes DIR/<answers-name>.<template>.md (and .docx, .pdf); with --audience public, \
        DIR/<answers-name>.public.<template>.md. --format pdf needs \
        LibreOffice (Debian package libreoffice-writer-nogui); without it the other formats are \
        still written and pia exits 1. Dates come from the answers file or \
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

    @Option(
      help: ArgumentHelp(
        "Output formats: md, docx, pdf, a list such as md,docx,pdf, or all (md and docx).",
        valueName: "format"))
    var format = OutputFormats([.md])

    @Option(
      name: .customLong("output"), help: ArgumentHelp("The folder to write into.", valueName: "dir")
    )
    var output: String = "."

    @Option(
      help: ArgumentHelp(
        "The report date (default: the assessment date in the file).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(
      help: ArgumentHelp(
        "full (the default) or public: leaves out what questions and sections mark "
          + "'internal: true' (security configuration, the privacy lead's advice); written as "
          + "NAME.public.TEMPLATE.md|docx|pdf.",
        valueName: "audience"))
    var audience: String = ReportAudience.full.rawValue

    @Flag(help: "Replace files pia render did not write, and symbolic links in place of outputs.")
    var force = false

    func validate() throws {
      if ReportAudience(rawValue: audience) == nil {
        throw ValidationError("'--audience \(audience)' is not one of: full, public")
      }
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
    }

    func run() throws {
      let prefetch = AnswersPrefetch([answers])
      let catalog = try resources.content()
      let session = try AnswersFiles.open(
        answers, content: catalog, options: .init(acceptsOtherVersion: true),
        parsed: prefetch.take(0)
      ).session
      let files: [RenderedFile]
      do {
        files = try ReportRenderer(catalog: catalog).render(
          session, baseName: ReportRenderer.baseName(ofAnswers: answers),
          templateIDs: templates, format: format.rendererFormat,
          date: date.flatMap(CalendarDate.init),
          audience: ReportAudience(rawValue: audience) ?? .full)
      } catch {
        Terminal.print(error.diagnostics)
        throw ExitCode.failure
      }
      var written = files.filter(format.keeps)
      var pdfFailure: CommandFailure?
      if format.contains(.pdf) {
        do {
          let docx = files.filter { $0.name.hasSuffix(".docx") }.map { ($0.name, $0.data) }
          written += try PDFOutput.convert(docx).map { RenderedFile(name: $0.name, data: $0.pdf) }
        } catch {
          pdfFailure = error
        }
      }
      let folder = ReportOutputFolder(
        url: URL(fileURLWithPath: output, relativeTo: AnswersFiles.workingDirectory),
        display: output)
      do {
        for path in try folder.write(written, force: force) { print("Wrote \(path)") }
      } catch {
        Terminal.print(error.diagnostics)
        throw ExitCode.failure
      }
      if let pdfFailure { throw pdfFailure }
    }
  }
}
