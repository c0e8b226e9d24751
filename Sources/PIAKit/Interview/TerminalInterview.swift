import Foundation

/// The terminal interview: asks an assessment's questions one at a time
/// through a `Console` and saves after every answer.
///
/// A thin driver of `AssessmentSession`: the session decides what applies,
/// what is a valid answer, what a changed answer hides or restores, entry ids
/// and what comes next; this type only reads lines, prints prompts and
/// messages in the terminal's words, and calls `save` after each change. It
/// never prints or exits by itself and returns how the interview ended.
public struct TerminalInterview<C: Console> {
  /// How the interview runs.
  public struct Options: Sendable, Hashable {
    /// Walk every question that applies with the previous answer as default.
    public var revise: Bool
    /// Invalid answers in a row before the interview stops.
    public var maximumAttempts: Int
    /// The answers file as shown to the user.
    public var filePath: String
    /// The command that resumes this interview, shown when it stops.
    public var resumeCommand: String
    /// Whether to use ANSI colour and bold.
    public var colour: Bool

    /// Options; see the properties.
    public init(
      revise: Bool = false, maximumAttempts: Int = 5, filePath: String, resumeCommand: String,
      colour: Bool = false
    ) {
      self.revise = revise
      self.maximumAttempts = maximumAttempts
      self.filePath = filePath
      self.resumeCommand = resumeCommand
      self.colour = colour
    }
  }

  /// Why an interview stopped before the end.
  public enum StopReason: Error, Sendable, Hashable {
    /// The user typed `save`.
    case saveRequested
    /// The user typed `quit`.
    case quitRequested
    /// Input ended (Ctrl-D, or the end of a script).
    case inputEnded
    /// The user pressed Ctrl-C.
    case interrupted
    /// Too many answers in a row could not be used.
    case tooManyInvalidAnswers
    /// Saving failed; the message says why.
    case saveFailed(String)
  }

  /// How an interview ended.
  public enum Outcome: Sendable, Hashable {
    /// Every question that applies was reached; `missingRequired` lists
    /// required questions still unanswered (as `QuestionPath` strings).
    case completed(missingRequired: [String])
    /// The interview stopped early.
    case stopped(StopReason)
  }

  /// The law catalogue, for citations in help.
  public let law: LawCatalogue
  /// How the interview runs.
  public let options: Options
  /// The assessment being answered.
  public internal(set) var session: AssessmentSession
  /// The console; tests read its transcript after `run()`.
  public var console: C
  let save: (AssessmentSession) throws -> Void

  /// Top-level questions asked, most recent last, for `<` (back).
  var asked: [String] = []
  /// Where to go back to after a question picked from the review list.
  var returnStack: [String] = []
  /// Answers the user chose to leave unanswered during this run.
  var skipped: Set<QuestionPath> = []
  var lastSection: String?
  /// Set when input ended while a several-line answer was typed: the answer
  /// is recorded, then the interview stops.
  var inputEndedAfterAnswer = false

  /// Creates an interview over `session`.
  ///
  /// - Parameters:
  ///   - session: The assessment (a new one has no answers).
  ///   - law: The law catalogue, for citations in help.
  ///   - console: Where to read and write.
  ///   - options: How to run.
  ///   - save: Called with the session after every change; an error stops
  ///     the interview with its description.
  public init(
    session: AssessmentSession, law: LawCatalogue, console: C, options: Options,
    save: @escaping (AssessmentSession) throws -> Void
  ) {
    self.session = session
    self.law = law
    self.console = console
    self.options = options
    self.save = save
  }

  /// The answers so far.
  public var file: AssessmentFile { session.file }

  var questionnaire: Questionnaire { session.questionnaire }

  // MARK: - The main loop

  /// Runs the interview until the end, a command to stop, the end of input or
  /// too many invalid answers. The file is saved before this returns.
  public mutating func run() -> Outcome {
    do throws(StopReason) {
      if !session.openingChange.isEmpty { report(session.openingChange) }
      try persist()
      writeIntro()
      var current = next(after: nil)
      if current == nil {
        say("\nEvery question that applies is already answered.")
        say("To go through them again, run: \(options.resumeCommand) --revise")
      }
      while let path = current {
        let id = path.entry?.group ?? path.question
        guard let question = questionnaire.question(id) else { break }
        let step = try ask(question, resuming: path.entry != nil)
        if inputEndedAfterAnswer { throw .inputEnded }
        switch step {
        case .next:
          if let target = returnStack.popLast() {
            current =
              session.applies(QuestionPath(target))
              ? QuestionPath(target) : next(after: QuestionPath(target))
          } else {
            asked.append(id)
            current = next(after: QuestionPath(id))
          }
        case .back:
          var previous: String?
          while let candidate = asked.popLast() {
            if session.applies(QuestionPath(candidate)) {
              previous = candidate
              break
            }
          }
          if let previous {
            current = QuestionPath(previous)
          } else {
            warn("This is the first question; there is nothing to go back to.")
          }
        case .jump(let target):
          returnStack.append(id)
          current = QuestionPath(target)
        }
      }
      let missing = session.missingRequired
      writeSummary(missing: missing)
      return .completed(missingRequired: missing.map(\.description))
    } catch {
      writeStop(error)
      return .stopped(error)
    }
  }

  /// The next question after `path` (from the start when `nil`): in revise
  /// mode every question that applies, otherwise the unanswered ones (an
  /// entry with unanswered questions counts as its group). After a group,
  /// the walk goes on after all of its entries.
  func next(after path: QuestionPath?) -> QuestionPath? {
    let walk: AssessmentSession.Walk = options.revise ? .every : .unanswered
    var from = path
    while let found = session.nextQuestion(after: from, walk: walk, skipping: skipped) {
      if let group = path?.question, path?.entry == nil, found.entry?.group == group {
        from = found
        continue
      }
      return found
    }
    return nil
  }

  // MARK: - Asking one question

  enum Step {
    case next
    case back
    case jump(String)
  }

  enum Reply {
    case value(AnswerValue)
    case keep
    case clear
    case back
    case review
  }

  private mutating func ask(_ question: Question, resuming: Bool) throws(StopReason) -> Step {
    if question.kind == .group { return try askGroup(question, resuming: resuming) }
    let path = QuestionPath(question.id)
    let question = offered(question, at: path)
    writeHeader(question)
    var attempts = 0
    while true {
      let reply = try askValue(
        question, current: file.answers[question.id], entry: nil, reviewAllowed: true)
      switch reply {
      case .value(let value):
        if let problem = try attempt({ session throws(SessionError) in
          try session.answer(path, value)
        }) {
          attempts += 1
          try invalid(problem.message.capitalizedSentence, attempts: attempts)
          continue
        }
      case .keep:
        break
      case .clear:
        skipped.insert(path)
        if file.answers[question.id] != nil {
          _ = try attempt { session throws(SessionError) in try session.clear(path) }
        }
        say("  (left unanswered)")
      case .back:
        return .back
      case .review:
        if let target = try review() { return .jump(target) }
        writeHeader(question)
        continue
      }
      return .next
    }
  }

  /// The question with the choices it offers now (for one that picks an
  /// entry of another group, that group's entries).
  func offered(_ question: Question, at path: QuestionPath) -> Question {
    guard question.choicesFrom != nil else { return question }
    var offered = question
    offered.choices = session.options(for: path)
    return offered
  }

  /// Reads until the user gives a usable reply, handling `?`, `save` and `quit`.
  mutating func askValue(
    _ question: Question, current: AnswerValue?, entry: QuestionPath.Entry?, reviewAllowed: Bool
  ) throws(StopReason) -> Reply {
    var attempts = 0
    while true {
      var line = try read(prompt: inputPrompt(for: question))
      let command = line.trimmingCharacters(in: .whitespaces)
      switch command.lowercased() {
      case "?", "help":
        writeHelp(question)
        continue
      case "<", "back":
        return .back
      case "review":
        if reviewAllowed { return .review }
        attempts += 1
        try invalid(
          "Review is not available inside a \(itemName(entry)); finish it first (or '<' to go "
            + "back a question).", attempts: attempts)
        continue
      case "skip":
        if question.required {
          attempts += 1
          try invalid("This question is required, so it cannot be skipped.", attempts: attempts)
          continue
        }
        return .clear
      case "save":
        throw .saveRequested
      case "quit":
        throw .quitRequested
      default:
        break
      }
      if line.hasPrefix("\\") { line.removeFirst() }
      if question.kind == .longText, line.trimmingCharacters(in: .whitespaces) != "" {
        line = try readMoreLines(first: line)
      }
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        if current != nil { return .keep }
        if let value = question.defaultValue { return .value(value) }
        if !question.required { return .clear }
        attempts += 1
        try invalid("An answer is required here; type ? for help.", attempts: attempts)
        continue
      }
      switch AnswerInput.parse(line, for: question) {
      case .success(let value):
        return .value(value)
      case .failure(let problem):
        attempts += 1
        try invalid(problem.message, attempts: attempts)
      }
    }
  }

  /// Reads the rest of a several-line answer, up to a line holding only `.`.
  /// Ctrl-D ends the text and keeps it (the interview then stops); Ctrl-C
  /// asks whether to keep what was typed.
  private mutating func readMoreLines(first: String) throws(StopReason) -> String {
    if first == "." { return "" }
    var lines = [first]
    while true {
      let line = console.readLine(prompt: "… ")
      if console.interruptRequested {
        console.acknowledgeInterrupt()
        let count = lines.count == 1 ? "the line" : "the \(lines.count) lines"
        let keep = console.readLine(prompt: "\nKeep \(count) typed so far? (y/n): ")
        let discard =
          keep.map { ["n", "no"].contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
          ?? false
        if discard { throw .interrupted }
        inputEndedAfterAnswer = true
        break
      }
      guard var line else {
        inputEndedAfterAnswer = true
        break
      }
      if line.hasSuffix("\r") { line.removeLast() }
      if line == "." { break }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  mutating func read(prompt: String) throws(StopReason) -> String {
    let line = console.readLine(prompt: prompt)
    if console.interruptRequested { throw .interrupted }
    guard var line else { throw .inputEnded }
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }

  mutating func invalid(_ message: String, attempts: Int) throws(StopReason) {
    warn(message)
    if attempts >= options.maximumAttempts { throw .tooManyInvalidAnswers }
  }

  // MARK: - Recording answers

  /// Runs one session operation, tells the user what else moved, and saves.
  ///
  /// - Returns: The session's refusal (nothing changed; the caller asks
  ///   again), or `nil` when the change was made and saved.
  /// - Throws: `StopReason.saveFailed` when the save fails.
  mutating func attempt(
    _ operation: (inout AssessmentSession) throws(SessionError) -> SessionChange
  ) throws(StopReason) -> SessionError? {
    let change: SessionChange
    do {
      change = try operation(&session)
    } catch {
      return error
    }
    report(change)
    try persist()
    return nil
  }

  mutating func persist() throws(StopReason) {
    do {
      try save(session)
    } catch {
      throw .saveFailed(String(describing: error))
    }
  }
}

extension String {
  /// The text with its first letter capitalized and a full stop at the end.
  var capitalizedSentence: String {
    let text = prefix(1).uppercased() + dropFirst()
    return text.hasSuffix(".") ? text : text + "."
  }
}
