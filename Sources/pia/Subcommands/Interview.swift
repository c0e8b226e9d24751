import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension PIACommand {
  struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "interview",
      abstract: "Answer a questionnaire one question at a time, saving after every answer.",
      discussion: """
        QUESTIONNAIRE is a questionnaire id (see 'pia list') or the path of a questionnaire \
        file. The answers file is created (mode 0600) if it does not exist, and otherwise \
        resumed at the first unanswered question. At any prompt: ? help, < back, review, \
        skip, save, quit. Ctrl-D and Ctrl-C save and stop.

        Scripted answers: --set ID=VALUE (choice ids, yes/no, YYYY-MM-DD, numbers, text; \
        comma lists for multiple choice; an empty VALUE removes an optional answer), \
        --set-file ID=PATH (long text from a file), --add-entry GROUP (prints the new \
        entry's id), --remove-entry GROUP.ENTRY_ID, and GROUP.ENTRY_ID.ID=VALUE for a \
        question of an entry (GROUP.new.ID names the entry this command added). They are \
        applied in this order: removals, additions, then answers in the order given. If any \
        is invalid, nothing is written and the exit code is 1.
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
        "With --revise: the reason for revision (asked otherwise).", valueName: "text"))
    var reason: String?

    @Option(
      help: ArgumentHelp(
        "With --revise: who revises, for the history (default: the login name).",
        valueName: "name"))
    var by: String?

    @Flag(
      name: .customLong("non-interactive"),
      help: "Never prompt: apply the --set options, check the file and list unanswered questions.")
    var nonInteractive = false

    @Option(
      name: .customLong("set"),
      help: ArgumentHelp(
        "Answer a question: ID=VALUE or GROUP.ENTRY_ID.ID=VALUE.", valueName: "id=value"))
    var sets: [String] = []

    @Option(
      name: .customLong("set-file"),
      help: ArgumentHelp("Answer a question with a file's text: ID=PATH.", valueName: "id=path"))
    var setFiles: [String] = []

    @Option(
      name: .customLong("add-entry"),
      help: ArgumentHelp("Add an entry to a repeating group; prints its id.", valueName: "group"))
    var addEntries: [String] = []

    @Option(
      name: .customLong("remove-entry"),
      help: ArgumentHelp("Remove an entry: GROUP.ENTRY_ID.", valueName: "group.entry"))
    var removeEntries: [String] = []

    @Flag(help: "Write through the answers file if it is a symbolic link.")
    var force = false

    @OptionGroup var resources: ResourceOptions

    var isScripted: Bool {
      !sets.isEmpty || !setFiles.isEmpty || !addEntries.isEmpty || !removeEntries.isEmpty
    }

    func validate() throws {
      for item in sets + setFiles where !item.contains("=") {
        throw ValidationError("'\(item)' should be written ID=VALUE")
      }
      if revise, nonInteractive, (reason ?? "").isEmpty {
        throw ValidationError("'--revise --non-interactive' needs '--reason TEXT'")
      }
    }

    func run() throws {
      let content = try resources.content()
      let questionnaire = try resolveQuestionnaire(content: content)
      let resume =
        "pia interview \(Self.shellQuoted(self.questionnaire)) --answers \(Self.shellQuoted(answers))"
      var store = AnswersFiles.store(answers, followsSymlinks: force)
      var session: AssessmentSession
      if store.exists {
        let opened = try AnswersFiles.open(
          answers, content: content, questionnaire: questionnaire,
          options: .init(acceptsOtherVersion: revise), followsSymlinks: force)
        session = opened.session
        store = opened.store
      } else if nonInteractive && !isScripted {
        throw CommandFailure("'\(answers)' does not exist")
      } else {
        session = .new(questionnaire: questionnaire, content: content, started: HostClock.today())
      }

      if revise, nonInteractive || isScripted {
        try startRevision(&session, reason: reason ?? "")
      }
      if isScripted {
        try applyScript(to: &session)
        try save(session, to: &store)
      }
      if nonInteractive {
        try reportUnanswered(session)
        return
      }
      if isScripted && isatty(STDIN_FILENO) != 1 { return }
      guard isatty(STDIN_FILENO) == 1 else {
        Terminal.writeError(
          "pia interview asks questions and needs a terminal, but standard input is not one.\n"
            + "To check the file without prompts, run: \(resume) --non-interactive\n")
        throw ExitCode.failure
      }
      if revise && !isScripted {
        var console = TerminalConsole()
        guard let reason = reason ?? askReason(session, console: &console) else {
          throw CommandFailure("No reason for revision given; '\(answers)' is unchanged")
        }
        try startRevision(&session, reason: reason)
        try save(session, to: &store)
      }
      var interview = TerminalInterview(
        session: session, law: content.law, console: TerminalConsole(),
        options: .init(
          revise: revise, filePath: answers, resumeCommand: resume,
          colour: Terminal.usesColour(STDOUT_FILENO)),
        save: { session in try store.save(session) })
      switch interview.run() {
      case .completed, .stopped(.saveRequested), .stopped(.quitRequested), .stopped(.inputEnded):
        return
      case .stopped(.interrupted):
        throw ExitCode(130)
      case .stopped(.tooManyInvalidAnswers), .stopped(.saveFailed):
        throw ExitCode.failure
      }
    }

    // MARK: - Revision

    private func startRevision(_ session: inout AssessmentSession, reason: String) throws {
      do {
        if let entry = try session.revise(
          reason: reason, date: HostClock.today(), by: by ?? HostClock.loginName())
        {
          Terminal.writeError(
            "Recorded version \(entry.version) in the history; the edits that follow make "
              + "version \(entry.version + 1).\n")
        }
      } catch {
        throw CommandFailure(error.message)
      }
    }

    private func askReason(_ session: AssessmentSession, console: inout TerminalConsole) -> String?
    {
      guard session.needsNewVersion else { return "" }
      let version = session.currentVersion
      let approved = session.signOff.isApproved ? " was approved" : " is kept as it stands"
      console.write(
        "Version \(version) of these answers\(approved). Revising them starts version "
          + "\(version + 1); version \(version) is kept in the file's history.\n")
      for _ in 0..<3 {
        guard let line = console.readLine(prompt: "Reason for revision: "),
          !console.interruptRequested
        else { return nil }
        let reason = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if !reason.isEmpty { return reason }
        console.write(
          "Please give a reason (for example \"scope widened to the records system\").\n")
      }
      return nil
    }

    // MARK: - Scripted answers

    /// Applies the scripted options to `session`, in order: removals,
    /// additions, answers. Throws at the first invalid one (nothing is saved).
    private func applyScript(to session: inout AssessmentSession) throws {
      var notes: [String] = []
      func note(_ change: SessionChange) {
        for path in change.hidden { notes.append("no longer applies, kept aside: \(path)") }
        for path in change.restored { notes.append("applies again, restored: \(path)") }
        for path in change.removed { notes.append("no longer applies, removed: \(path)") }
      }
      do {
        for item in removeEntries {
          let parts = item.split(separator: ".", omittingEmptySubsequences: false)
          guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw SessionError(
              .invalid, "'--remove-entry \(item)' should be written GROUP.ENTRY_ID")
          }
          note(try session.removeEntry(String(parts[1]), from: String(parts[0])))
          notes.append("removed entry \(item)")
        }
        var added: [String: String] = [:]
        for group in addEntries {
          let (id, change) = try session.addEntry(to: group)
          added[group] = id
          print(id)
          note(change)
        }
        var assignments: [(String, [String])] = []
        for item in sets {
          let (key, value) = split(item)
          assignments.append((key, [value]))
        }
        for item in setFiles {
          let (key, path) = split(item)
          let url = URL(fileURLWithPath: path, relativeTo: AnswersFiles.workingDirectory)
          guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SessionError(.invalid, "cannot read '\(path)' given for '\(key)'")
          }
          guard let text = String(data: data, encoding: .utf8) else {
            throw SessionError(.invalid, "'\(path)' given for '\(key)' is not UTF-8 text")
          }
          assignments.append((key, [text]))
        }
        for (key, input) in assignments {
          guard var path = QuestionPath(parsing: key) else {
            throw SessionError(
              .invalid, "'\(key)' should be a question id or GROUP.ENTRY_ID.QUESTION_ID")
          }
          if let entry = path.entry, entry.id == "new" {
            guard let id = added[entry.group] else {
              throw SessionError(
                .invalid,
                "'\(key)' names the new entry of '\(entry.group)', but no "
                  + "'--add-entry \(entry.group)' comes with it")
            }
            path = QuestionPath(group: entry.group, entry: id, question: path.question)
          }
          note(try session.answer(path, input: input))
        }
      } catch let error as SessionError {
        throw CommandFailure("\(error.description); '\(answers)' is unchanged")
      }
      for line in notes { Terminal.writeError("  \(line)\n") }
    }

    private func split(_ item: String) -> (String, String) {
      guard let equals = item.firstIndex(of: "=") else { return (item, "") }
      return (String(item[..<equals]), String(item[item.index(after: equals)...]))
    }

    private func save(_ session: AssessmentSession, to store: inout AnswersStore) throws {
      do {
        try store.save(session)
      } catch {
        throw CommandFailure(error.description)
      }
      Terminal.writeError("Saved \(answers).\n")
    }

    // MARK: - Questionnaire and report

    private func resolveQuestionnaire(content: ContentCatalog) throws -> Questionnaire {
      let looksLikePath =
        questionnaire.contains("/") || questionnaire.hasSuffix(".yaml")
        || questionnaire.hasSuffix(".yml")
      if looksLikePath {
        let url = URL(fileURLWithPath: questionnaire)
        guard FileManager.default.fileExists(atPath: url.path) else {
          throw CommandFailure("questionnaire file '\(questionnaire)' does not exist")
        }
        let loader = QuestionnaireLoader(root: url.deletingLastPathComponent())
        do {
          let loaded = try loader.load(url, path: questionnaire, law: content.law)
          Terminal.print(loaded.warnings)
          return loaded.value
        } catch {
          Terminal.print(error.diagnostics)
          throw CommandFailure("questionnaire '\(questionnaire)' has the problems listed above")
        }
      }
      if let found = content.questionnaire(questionnaire) { return found }
      let ids = content.questionnaires.map(\.id)
      throw CommandFailure(
        "no questionnaire '\(questionnaire)'\(Spelling.didYouMean(questionnaire, among: ids)); "
          + "available: \(ids.joined(separator: ", "))")
    }

    private func reportUnanswered(_ session: AssessmentSession) throws {
      let questionnaire = session.questionnaire
      var missing: [QuestionPath] = []
      var from: QuestionPath?
      while let next = session.nextQuestion(after: from, walk: .unanswered) {
        missing.append(next)
        from = next
      }
      let required = missing.filter { (try? session.question(at: $0))?.required ?? false }
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
      for path in missing {
        let question = try? session.question(at: path)
        rows.append([
          "  " + ((question?.required ?? false) ? "required" : "optional"), path.description,
          (question?.prompt ?? "").replacingOccurrences(of: "\n", with: " "),
        ])
      }
      print(Table.format(rows))
      if !required.isEmpty { throw ExitCode.failure }
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
