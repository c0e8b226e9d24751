import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension PIACommand {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract:
        "Show what changed between two versions of an assessment, and whether it is material.",
      discussion: """
        Compare two answers files (pia diff OLD NEW), or a file with one of its earlier versions \
        (pia diff --answers FILE --from-version N; without --from-version, the latest earlier \
        version). Shows answers added, removed and changed; findings that appeared, disappeared \
        or moved level; vendor facts that changed; the materiality verdict (none, addendum, \
        new_assessment) with the rules that fired; and the next review date. Exit 0 whatever the \
        verdict; 1 when a file cannot be read.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
      case md
    }

    @OptionGroup var resources: ResourceOptions

    @Argument(help: ArgumentHelp("The earlier and the later answers file.", valueName: "file"))
    var files: [String] = []

    @Option(
      help: ArgumentHelp(
        "An answers file to compare with one of its earlier versions.", valueName: "file"))
    var answers: String?

    @Option(
      name: .customLong("from-version"),
      help: ArgumentHelp(
        "The earlier version (default: the latest earlier version).", valueName: "n"))
    var fromVersion: Int?

    @Option(help: "Output format: text, json or md.")
    var format: Format = .text

    @Option(
      help: ArgumentHelp(
        "Count the next review from this date (default: the assessment date of the later version, else today).",
        valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
      if let answers {
        if !files.isEmpty {
          throw ValidationError("Give either two files or '--answers \(answers)', not both")
        }
      } else {
        if files.count != 2 {
          throw ValidationError(
            "Give two answers files (OLD NEW), or '--answers FILE --from-version N'")
        }
        if fromVersion != nil {
          throw ValidationError("'--from-version' needs '--answers FILE'")
        }
      }
      if let date, CalendarDate(date) == nil {
        throw ValidationError("'--date \(date)' is not a date written YYYY-MM-DD")
      }
    }

    func run() throws {
      let content = try resources.content()
      let today = HostClock.today()
      let reviewFrom = date.flatMap(CalendarDate.init)
      var summary: ChangeSummary
      var laterAnswers: [String: AnswerValue] = [:]
      do {
        if let answers {
          let session = try AnswersFiles.open(answers, content: content).session
          guard let found = try session.changes(sinceVersion: fromVersion) else {
            throw CommandFailure("'\(answers)' has no earlier version (its 'history' is empty)")
          }
          summary = found
          laterAnswers = session.file.answers
        } else {
          let old = try AnswersFiles.open(files[0], content: content).session
          let new = try AnswersFiles.open(files[1], content: content).session
          laterAnswers = new.file.answers
          summary = try new.changes(
            from: old, fromLabel: files[0], toLabel: files[1], fallbackDate: today)
        }
      } catch let error as SessionError {
        throw CommandFailure("'\(answers ?? files[1])': \(error.message)")
      }
      if let reviewFrom, let residual = summary.overallResidual?.to {
        // The same date the documents print when rendered with this --date.
        summary.nextReview =
          ReviewPolicy.nextReview(answers: laterAnswers, assessedOn: reviewFrom, residual: residual)
          .date
      }
      switch format {
      case .text: print(summary.text(), terminator: "")
      case .json: print(CanonicalJSON.pretty(summary.json()), terminator: "")
      case .md: print(summary.markdown(), terminator: "")
      }
    }
  }
}
