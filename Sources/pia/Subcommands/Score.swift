import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension PIACommand {
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "score",
      abstract: "Score answers files: overall risk, findings, actions and stale vendor facts.",
      discussion: """
        The risk level is data, not an error: the exit code is 0 whatever the level, and 1 \
        only when an answers file cannot be read. Several files (or a shell glob) print a \
        summary table, or a JSON array with --format json. Rules and vendor facts are read \
        fresh on every run.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
    }

    @OptionGroup var resources: ResourceOptions

    @Option(
      name: .customLong("answers"), parsing: .upToNextOption,
      help: ArgumentHelp("Answers files (*.pia.yaml).", valueName: "file"))
    var answers: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(
      help: ArgumentHelp(
        "Score as of this date (default: the assessment date in the file, else its started date).",
        valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(
      name: .customLong("stale-after"),
      help: ArgumentHelp(
        "Warn about vendor facts checked more than this many days before the assessment date.",
        valueName: "days"))
    var staleAfter: Int = RiskEngine.defaultStaleAfterDays

    func validate() throws {
      if answers.isEmpty { throw ValidationError("Missing '--answers FILE'") }
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
      if staleAfter < 0 { throw ValidationError("'--stale-after' must be 0 or more") }
    }

    func run() throws {
      let prefetch = AnswersPrefetch(answers)
      let catalog = try resources.content()
      let asOf = date.flatMap(CalendarDate.init)
      var results: [(String, Assessment)] = []
      var failed = false
      for (index, path) in answers.enumerated() {
        let session: AssessmentSession
        do {
          session = try AnswersFiles.open(
            path, content: catalog, options: .init(acceptsOtherVersion: true),
            parsed: prefetch.take(index)
          ).session
        } catch let failure as CommandFailure {
          Terminal.print([.error(failure.description, at: nil)])
          failed = true
          continue
        } catch {
          failed = true
          continue
        }
        do {
          let scoredOn = try session.assessmentDate(override: asOf)
          results.append(
            (path, session.assessment(asOf: scoredOn, staleAfterDays: staleAfter)))
        } catch {
          Terminal.print([.error("'\(path)': \(error.message)", at: nil)])
          failed = true
        }
      }
      let law = catalog.law
      switch (format, answers.count) {
      case (.json, 1):
        if let (_, assessment) = results.first { print(assessment.json(law: law).rendered()) }
      case (.json, _):
        print(JSONValue.array(results.map { $0.1.json(law: law, source: $0.0) }).rendered())
      case (.text, 1):
        if let (_, assessment) = results.first { print(assessment.text(law: law)) }
      case (.text, _):
        var rows = [
          ["FILE", "VERDICT", "INHERENT", "RESIDUAL", "FINDINGS", "SCREENING", "SET BY"]
        ]
        for (path, assessment) in results {
          rows.append([
            path, assessment.conclusion.verdict.rawValue, assessment.overallInherent.description,
            assessment.overallResidual.description, String(assessment.findings.count),
            assessment.screening.outcome.rawValue, assessment.setBy.joined(separator: ", "),
          ])
        }
        print(Table.format(rows))
        let staleCount = Set(
          results.flatMap { $0.1.staleFacts.map { "\($0.vendor)/\($0.tier)/\($0.fact)" } }
        ).count
        if staleCount > 0 {
          print(
            "\n\(staleCount) stale vendor fact\(staleCount == 1 ? "" : "s"); score a single file for details."
          )
        }
      }
      if failed { throw ExitCode.failure }
    }
  }
}
