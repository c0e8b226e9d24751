import ArgumentParser
import Foundation
import PIAKit

extension PIACommand {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      let content = try RevisionContent(resources: resources)
      let today = date.flatMap(CalendarDate.init) ?? Scorer.today()
      let summary: ChangeSummary
      if let answers {
        let document = try content.load(answers)
        let record = document.record
        guard let from = fromVersion ?? record.history.last?.version else {
          throw CommandFailure("'\(answers)' has no earlier version (its 'history' is empty)")
        }
        guard let entry = record.version(from) else {
          let known = record.history.map { String($0.version) }.joined(separator: ", ")
          throw CommandFailure(
            "'\(answers)' has no version \(from) (earlier versions: \(known.isEmpty ? "none" : known); "
              + "the current one is \(record.currentVersion))")
        }
        summary = content.compare(
          old: entry.answers, new: document.file.answers, questionnaire: document.questionnaire,
          oldDate: RevisionDocument.scoringDate(entry.answers, fallback: entry.date),
          newDate: RevisionDocument.scoringDate(document.file.answers, fallback: today),
          reviewFrom: date.flatMap(CalendarDate.init),
          fromLabel: "version \(from)", toLabel: "version \(record.currentVersion) (current)",
          fromVersion: from)
      } else {
        let old = try content.load(files[0])
        let new = try content.load(files[1])
        guard old.questionnaire.id == new.questionnaire.id else {
          throw CommandFailure(
            "'\(files[0])' answers '\(old.questionnaire.id)' but '\(files[1])' answers "
              + "'\(new.questionnaire.id)'; compare two versions of the same assessment")
        }
        summary = content.compare(
          old: old.file.answers, new: new.file.answers, questionnaire: new.questionnaire,
          oldDate: RevisionDocument.scoringDate(old.file.answers, fallback: today),
          newDate: RevisionDocument.scoringDate(new.file.answers, fallback: today),
          reviewFrom: date.flatMap(CalendarDate.init), fromLabel: files[0], toLabel: files[1],
          fromVersion: nil)
      }
      switch format {
      case .text: print(summary.text(), terminator: "")
      case .json: print(CanonicalJSON.pretty(summary.json()), terminator: "")
      case .md: print(summary.markdown(), terminator: "")
      }
    }
  }
}

/// What the revision commands share: the resource folder's questionnaires,
/// risk engines and materiality rules, loaded once and checked.
struct RevisionContent {
  var catalog: ContentCatalog
  var scorer: Scorer
  var rules: MaterialityRules
  let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

  init(resources options: ResourceOptions) throws {
    let found = try options.locate()
    catalog = ContentCatalog(resources: found)
    let (rules, ruleDiagnostics, _) = MaterialityRules.load(
      resources: found, questionnaires: catalog.questionnaires)
    let errors = (catalog.diagnostics + ruleDiagnostics).filter { $0.severity == .error }
    if !errors.isEmpty {
      Terminal.print(errors)
      throw CommandFailure(
        "The questionnaires, rules, vendor facts or materiality rules have errors; run "
          + "'pia validate' for details.")
    }
    scorer = Scorer(catalog: catalog)
    self.rules = rules
  }

  /// Loads an answers file, printing its diagnostics; throws when it has errors.
  func load(_ path: String) throws -> RevisionDocument {
    let url = URL(fileURLWithPath: path, relativeTo: workingDirectory)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw CommandFailure("'\(path)' does not exist")
    }
    let (document, diagnostics) = RevisionDocument.load(
      url: url, path: path, questionnaires: catalog.questionnaires)
    Terminal.print(diagnostics)
    guard let document else { throw ExitCode.failure }
    return document
  }

  /// Compares two sets of answers, scored when the questionnaire has an engine.
  func compare(
    old: [String: AnswerValue], new: [String: AnswerValue], questionnaire: Questionnaire,
    oldDate: CalendarDate, newDate: CalendarDate, reviewFrom: CalendarDate?, fromLabel: String,
    toLabel: String, fromVersion: Int?
  ) -> ChangeSummary {
    guard let engine = scorer.engine(for: questionnaire.id) else {
      return ChangeSummary(
        from: old, to: new, questionnaire: questionnaire, rules: rules, fromLabel: fromLabel,
        toLabel: toLabel, fromVersion: fromVersion)
    }
    var summary = ChangeSummary.scored(
      from: old, to: new, engine: engine, rules: rules, oldDate: oldDate, newDate: newDate,
      fromLabel: fromLabel, toLabel: toLabel, fromVersion: fromVersion)
    if let reviewFrom, let residual = summary.overallResidual?.to {
      summary.nextReview = ReviewPolicy.nextReview(after: reviewFrom, residual: residual)
    }
    return summary
  }

  /// The current answers' overall residual level, when they can be scored.
  func residual(of document: RevisionDocument, today: CalendarDate) -> RiskLevel? {
    guard let engine = scorer.engine(for: document.questionnaire.id) else { return nil }
    let answers = document.file.answers
    return engine.assess(
      answers: answers, asOf: RevisionDocument.scoringDate(answers, fallback: today)
    ).overallResidual
  }
}
