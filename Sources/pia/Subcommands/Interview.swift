import ArgumentParser
import Foundation
import PIAKit

extension PIACommand {
  struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Answer a questionnaire one question at a time, saving after every answer.",
      discussion: """
        QUESTIONNAIRE is a questionnaire id (see 'pia list') or the path of a questionnaire \
        file. The answers file is created (mode 0600) if it does not exist, and otherwise \
        resumed at the first unanswered question. At any prompt: ? help, < back, review, \
        skip, save, quit. Ctrl-D and Ctrl-C save and stop.
        """)

    @Argument(help: "Questionnaire id or path.")
    var questionnaire: String

    @Option(
      name: .customLong("answers"),
      help: ArgumentHelp("The answers file (*.pia.yaml).", valueName: "file"))
    var answers: String

    @Flag(help: "Walk every question again with the previous answer as default.")
    var revise = false

    @Option(
      help: ArgumentHelp(
        "With --revise on approved answers: the reason for revision (asked otherwise).",
        valueName: "text"))
    var reason: String?

    @Flag(
      name: .customLong("non-interactive"),
      help: "Never prompt: check the file and list unanswered questions.")
    var nonInteractive = false

    @Flag(help: "Write through the answers file if it is a symbolic link.")
    var force = false

    @OptionGroup var resources: ResourceOptions

    func run() throws {
      let found = try resources.locate()
      let catalog = ContentCatalog(resources: found)
      let questionnaire = try resolveQuestionnaire(catalog: catalog, resources: found)
      let store = AnswersStore(
        url: URL(fileURLWithPath: answers), displayPath: answers, followsSymlinks: force)
      let resume =
        "pia interview \(Self.shellQuoted(self.questionnaire)) --answers \(Self.shellQuoted(answers))"

      var file: AssessmentFile
      if store.exists {
        let (loaded, diagnostics) = store.load(
          questionnaire: questionnaire, options: .init(acceptsOtherVersion: revise))
        Terminal.print(diagnostics)
        guard let loaded, !diagnostics.hasErrors else {
          throw CommandFailure("'\(answers)' has the problems listed above; fix them and run again")
        }
        file = loaded
      } else if nonInteractive {
        throw CommandFailure("'\(answers)' does not exist")
      } else {
        file = AssessmentFile(
          questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
          assessment: AssessmentInfo(started: Self.today()))
      }

      if nonInteractive {
        try reportUnanswered(file, questionnaire: questionnaire)
        return
      }
      guard isatty(STDIN_FILENO) == 1 else {
        Terminal.writeError(
          "pia interview asks questions and needs a terminal, but standard input is not one.\n"
            + "To check the file without prompts, run: \(resume) --non-interactive\n")
        throw ExitCode.failure
      }
      if revise {
        var console = TerminalConsole()
        guard
          let revised = Revision.prepareRevision(
            file: file, questionnaire: questionnaire,
            engine: Scorer(catalog: catalog).engine(for: questionnaire.id), date: Self.today(),
            reason: reason, console: &console)
        else { throw CommandFailure("No reason for revision given; '\(answers)' is unchanged") }
        if revised != file {
          try store.save(revised, questionnaire: questionnaire)
          file = revised
        }
      }
      var engine = InterviewEngine(
        questionnaire: questionnaire, file: file, law: catalog.law, console: TerminalConsole(),
        options: .init(
          revise: revise, filePath: answers, resumeCommand: resume,
          colour: Terminal.usesColour(STDOUT_FILENO)),
        save: { try store.save($0, questionnaire: questionnaire) })
      switch engine.run() {
      case .completed, .stopped(.saveRequested), .stopped(.quitRequested), .stopped(.inputEnded):
        return
      case .stopped(.interrupted):
        throw ExitCode(130)
      case .stopped(.tooManyInvalidAnswers), .stopped(.saveFailed):
        throw ExitCode.failure
      }
    }

    private func resolveQuestionnaire(catalog: ContentCatalog, resources: Resources) throws
      -> Questionnaire
    {
      let looksLikePath =
        questionnaire.contains("/") || questionnaire.hasSuffix(".yaml")
        || questionnaire.hasSuffix(".yml")
      if looksLikePath {
        let url = URL(fileURLWithPath: questionnaire)
        guard FileManager.default.fileExists(atPath: url.path) else {
          throw CommandFailure("questionnaire file '\(questionnaire)' does not exist")
        }
        let loader = QuestionnaireLoader(root: url.deletingLastPathComponent())
        var (loaded, diagnostics) = loader.load(url, path: questionnaire)
        if let loaded { diagnostics += QuestionnaireValidator(law: catalog.law).validate(loaded) }
        Terminal.print(diagnostics)
        guard let loaded, !diagnostics.hasErrors else {
          throw CommandFailure("questionnaire '\(questionnaire)' has the problems listed above")
        }
        return loaded
      }
      if let found = catalog.questionnaire(questionnaire) { return found }
      let ids = catalog.questionnaires.map(\.id)
      throw CommandFailure(
        "no questionnaire '\(questionnaire)'\(Spelling.didYouMean(questionnaire, among: ids)); "
          + "available: \(ids.joined(separator: ", "))")
    }

    private func reportUnanswered(_ file: AssessmentFile, questionnaire: Questionnaire) throws {
      let visible = questionnaire.visibleQuestions(answers: file.answers)
      let missing = visible.filter { file.answers[$0.id] == nil }
      let required = missing.filter(\.required)
      print(
        "'\(answers)' answers \(questionnaire.id) version \(questionnaire.version) without errors.")
      if missing.isEmpty {
        print("Every question that applies is answered.")
        return
      }
      print(
        missing.count == 1
          ? "1 question that applies is unanswered (\(required.count) required):"
          : "\(missing.count) questions that apply are unanswered (\(required.count) required):")
      var rows: [[String]] = []
      for question in missing {
        rows.append([
          "  " + (question.required ? "required" : "optional"), question.id,
          question.prompt.replacingOccurrences(of: "\n", with: " "),
        ])
      }
      print(Table.format(rows))
      if !required.isEmpty { throw ExitCode.failure }
    }

    static func today() -> CalendarDate {
      let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
      return CalendarDate(daysSinceEpoch: days)
    }

    static func shellQuoted(_ text: String) -> String {
      let safe = text.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "-_./,:@+=".unicodeScalars.contains($0)
      }
      return safe && !text.isEmpty
        ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
  }
}
