import Foundation

/// Asks a questionnaire's questions one at a time through a `Console`, saving
/// the answers file after every answer.
///
/// The engine never prints or exits by itself: it writes to its console, calls
/// `save` after each change, and returns how the interview ended.
public struct InterviewEngine<C: Console> {
  /// How the interview runs.
  public struct Options: Sendable, Hashable {
    /// Walk every visible question with the previous answer as default.
    public var revise: Bool
    /// Invalid answers in a row before the interview stops.
    public var maximumAttempts: Int
    /// The answers file as shown to the user.
    public var filePath: String
    /// The command that resumes this interview, shown when it stops.
    public var resumeCommand: String
    /// Whether to use ANSI colour and bold.
    public var colour: Bool

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
    case saveRequested
    case quitRequested
    case inputEnded
    case interrupted
    case tooManyInvalidAnswers
    case saveFailed(String)
  }

  /// How an interview ended.
  public enum Outcome: Sendable, Hashable {
    /// Every visible question was reached; `missingRequired` lists required
    /// questions still unanswered.
    case completed(missingRequired: [String])
    case stopped(StopReason)
  }

  public let questionnaire: Questionnaire
  public let law: LawCatalogue
  public let options: Options
  /// The answers so far.
  public private(set) var file: AssessmentFile
  /// The console; tests read its transcript after `run()`.
  public var console: C
  private let save: (AssessmentFile) throws -> Void

  private var history: [String] = []
  private var returnStack: [String] = []
  private var skipped: Set<String> = []
  private var lastSection: String?

  /// Creates an engine.
  ///
  /// - Parameters:
  ///   - questionnaire: The questionnaire to ask.
  ///   - file: The answers so far (a new file has none).
  ///   - law: The law catalogue, for citations in help.
  ///   - console: Where to read and write.
  ///   - options: How to run.
  ///   - save: Called with the whole file after every change; an error stops
  ///     the interview with its description.
  public init(
    questionnaire: Questionnaire, file: AssessmentFile, law: LawCatalogue, console: C,
    options: Options, save: @escaping (AssessmentFile) throws -> Void
  ) {
    self.questionnaire = questionnaire
    self.file = file
    self.law = law
    self.console = console
    self.options = options
    self.save = save
  }

  // MARK: - The main loop

  /// Runs the interview until the end, a command to stop, the end of input or
  /// too many invalid answers. The file is saved before this returns.
  public mutating func run() -> Outcome {
    do throws(StopReason) {
      _ = normalizeVisibility()
      try persist()
      writeIntro()
      var current = next(after: nil)
      if current == nil {
        say("\nEvery question that applies is already answered.")
        say("To go through them again, run: \(options.resumeCommand) --revise")
      }
      while let id = current, let question = questionnaire.question(id) {
        switch try ask(question) {
        case .next:
          if let target = returnStack.popLast() {
            current = isVisible(target) ? target : next(after: target)
          } else {
            history.append(id)
            current = next(after: id)
          }
        case .back:
          var previous: String?
          while let candidate = history.popLast() {
            if isVisible(candidate) {
              previous = candidate
              break
            }
          }
          if let previous {
            current = previous
          } else {
            warn("This is the first question; there is nothing to go back to.")
          }
        case .jump(let target):
          returnStack.append(id)
          current = target
        }
      }
      let missing = missingRequired()
      writeSummary(missing: missing)
      return .completed(missingRequired: missing)
    } catch {
      writeStop(error)
      return .stopped(error)
    }
  }

  /// The next question to ask after `id` (from the start when `nil`): in
  /// revise mode every visible question, otherwise the unanswered ones.
  private func next(after id: String?) -> String? {
    let all = questionnaire.questions
    var index = 0
    if let id, let position = all.firstIndex(where: { $0.id == id }) { index = position + 1 }
    while index < all.count {
      let question = all[index]
      if isVisible(question.id) {
        if options.revise { return question.id }
        if file.answers[question.id] == nil && !skipped.contains(question.id) { return question.id }
      }
      index += 1
    }
    return nil
  }

  private func isVisible(_ id: String) -> Bool {
    guard let question = questionnaire.question(id) else { return false }
    return questionnaire.isVisible(question, answers: file.answers)
  }

  private func missingRequired() -> [String] {
    questionnaire.visibleQuestions(answers: file.answers).filter {
      $0.required && file.answers[$0.id] == nil
    }.map(\.id)
  }

  // MARK: - Asking one question

  private enum Step {
    case next
    case back
    case jump(String)
  }

  private enum Reply {
    case value(AnswerValue)
    case keep
    case clear
    case back
    case review
  }

  private mutating func ask(_ question: Question) throws(StopReason) -> Step {
    if question.kind == .group { return try askGroup(question) }
    writeHeader(question)
    let reply = try askValue(
      question, current: file.answers[question.id], scope: nil, reviewAllowed: true)
    switch reply {
    case .value(let value):
      try record(question.id, value)
    case .keep:
      break
    case .clear:
      skipped.insert(question.id)
      if file.answers[question.id] != nil { try record(question.id, nil) }
      say("  (left unanswered)")
    case .back:
      return .back
    case .review:
      if let target = try review() { return .jump(target) }
      return try ask(question)
    }
    return .next
  }

  /// Reads until the user gives a usable reply, handling `?`, `save` and `quit`.
  private mutating func askValue(
    _ question: Question, current: AnswerValue?, scope: GroupEntry?, reviewAllowed: Bool
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
          "Review is not available inside a \(itemName(scope)); finish it first (or '<' to go "
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

  private mutating func readMoreLines(first: String) throws(StopReason) -> String {
    if first == "." { return "" }
    var lines = [first]
    while true {
      let line = try read(prompt: "… ")
      if line == "." { break }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  private mutating func read(prompt: String) throws(StopReason) -> String {
    let line = console.readLine(prompt: prompt)
    if console.interruptRequested { throw .interrupted }
    guard var line else { throw .inputEnded }
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }

  private mutating func invalid(_ message: String, attempts: Int) throws(StopReason) {
    warn(message)
    if attempts >= options.maximumAttempts { throw .tooManyInvalidAnswers }
  }

  // MARK: - Recording answers

  /// Sets (or clears) an answer, moves answers that no longer apply aside (and
  /// back), tells the user which, and saves.
  private mutating func record(_ id: String, _ value: AnswerValue?) throws(StopReason) {
    file.answers[id] = value
    if value != nil { file.inactive[id] = nil }
    file.dropImpliedEntryNumbers()
    let (hidden, restored) = normalizeVisibility()
    if !hidden.isEmpty {
      warn(
        "Because of this answer, \(hidden.count == 1 ? "this answer no longer applies" : "these answers no longer apply"). "
          + "They are kept aside (under 'inactive' in the file) and come back if you change "
          + "this answer back:")
      for id in hidden { say("    - \(title(of: id)) (\(id))") }
    }
    if !restored.isEmpty {
      say(style("  These earlier answers apply again and were restored:", "36"))
      for id in restored { say("    - \(title(of: id)) (\(id))") }
    }
    try persist()
  }

  /// Moves answers of hidden questions to `inactive` and restores inactive
  /// answers of visible questions, until nothing changes.
  private mutating func normalizeVisibility() -> (hidden: [String], restored: [String]) {
    var hidden: [String] = []
    var restored: [String] = []
    for _ in 0..<(questionnaire.questions.count * 2 + 2) {
      let visible = Set(questionnaire.visibleQuestions(answers: file.answers).map(\.id))
      guard
        let question = questionnaire.questions.first(where: {
          (file.answers[$0.id] != nil && !visible.contains($0.id))
            || (file.answers[$0.id] == nil && file.inactive[$0.id] != nil
              && visible.contains($0.id))
        })
      else { break }
      if let value = file.answers[question.id] {
        file.inactive[question.id] = value
        file.answers[question.id] = nil
        if let index = restored.firstIndex(of: question.id) {
          restored.remove(at: index)
        } else {
          hidden.append(question.id)
        }
      } else if let value = file.inactive[question.id] {
        file.answers[question.id] = value
        file.inactive[question.id] = nil
        if let index = hidden.firstIndex(of: question.id) {
          hidden.remove(at: index)
        } else {
          restored.append(question.id)
        }
      }
    }
    return (hidden, restored)
  }

  private mutating func persist() throws(StopReason) {
    do {
      try save(file)
    } catch {
      throw .saveFailed(String(describing: error))
    }
  }

  // MARK: - Repeating groups

  private func entries(_ group: Question) -> [GroupEntry] {
    if case .entries(let entries)? = file.answers[group.id] { return entries }
    return []
  }

  private mutating func askGroup(_ group: Question) throws(StopReason) -> Step {
    writeHeader(group)
    let noun = group.itemName ?? "entry"
    var attempts = 0
    while true {
      let list = entries(group)
      if !list.isEmpty {
        say("  \(capitalized(plural(noun, list.count))) so far:")
        for (index, entry) in list.enumerated() {
          say("    \(index + 1). \(summary(of: entry, in: group)) [\(entry.id)]")
        }
      }
      let prompt =
        list.isEmpty
        ? "Add \(article(noun)) \(noun)? (y/n): "
        : "Add another \(noun)? (y/n, or 'edit N' / 'remove N'): "
      let line = try read(prompt: prompt)
      let words = line.trimmingCharacters(in: .whitespaces).lowercased()
        .split(separator: " ").map(String.init)
      switch words.first ?? "" {
      case "?", "help":
        writeHelp(group)
      case "<", "back":
        return .back
      case "review":
        if let target = try review() { return .jump(target) }
        writeHeader(group)
      case "save":
        throw .saveRequested
      case "quit":
        throw .quitRequested
      case "skip":
        if group.required {
          attempts += 1
          try invalid("This question is required, so it cannot be skipped.", attempts: attempts)
        } else {
          skipped.insert(group.id)
          return .next
        }
      case "y", "yes":
        attempts = 0
        try addEntry(to: group)
      case "n", "no", "":
        if list.isEmpty && group.required {
          attempts += 1
          try invalid("At least one \(noun) is required; answer y to add one.", attempts: attempts)
          continue
        }
        if file.answers[group.id] == nil { try record(group.id, .entries([])) }
        return .next
      case "edit", "remove":
        guard words.count == 2, let number = Int(words[1]),
          (1...max(1, list.count)).contains(number),
          number <= list.count
        else {
          attempts += 1
          try invalid(
            list.isEmpty
              ? "There is no \(noun) to \(words[0]) yet; answer y to add one."
              : "Say which \(noun): '\(words[0]) N' with N from 1 to \(list.count).",
            attempts: attempts)
          continue
        }
        attempts = 0
        if words[0] == "edit" {
          try editEntry(number - 1, of: group)
        } else {
          try removeEntry(number - 1, of: group)
        }
      default:
        attempts += 1
        try invalid(
          "Answer y to add \(article(noun)) \(noun) or n to go on"
            + (list.isEmpty ? "." : ", or 'edit N' / 'remove N' to change one."),
          attempts: attempts)
      }
    }
  }

  private mutating func addEntry(to group: Question) throws(StopReason) {
    let number =
      max(
        AssessmentFile.highestEntryNumber(group.id, in: file),
        file.lastEntryNumbers[group.id] ?? 0) + 1
    file.lastEntryNumbers[group.id] = number
    var list = entries(group)
    list.append(GroupEntry(id: "\(group.id)-\(number)", values: [:]))
    try record(group.id, .entries(list))
    try editEntry(list.count - 1, of: group)
  }

  private mutating func removeEntry(_ index: Int, of group: Question) throws(StopReason) {
    var list = entries(group)
    let entry = list[index]
    let noun = group.itemName ?? "entry"
    let answer = try read(
      prompt:
        "Remove \(noun) \(index + 1) (\(summary(of: entry, in: group))) [\(entry.id)]? (y/n): ")
    guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
      say("  Kept.")
      return
    }
    // Remember the highest number given, so a removed entry's id is never reused.
    file.lastEntryNumbers[group.id] = max(
      file.lastEntryNumbers[group.id] ?? 0, AssessmentFile.highestEntryNumber(group.id, in: file))
    list.remove(at: index)
    try record(group.id, .entries(list))
    say("  Removed \(entry.id).")
  }

  /// Asks an entry's sub-questions in order, each in the entry's scope.
  private mutating func editEntry(_ index: Int, of group: Question) throws(StopReason) {
    let noun = group.itemName ?? "entry"
    var fieldIndex = 0
    var visited: [Int] = []
    while fieldIndex < group.fields.count {
      let field = group.fields[fieldIndex]
      let entry = entries(group)[index]
      let environment = EntryEnvironment(
        base: AnswerEnvironment(answers: file.answers), entry: entry)
      let visibleFields = group.fields.filter { $0.showIf?.evaluate(in: environment) ?? true }
      guard let position = visibleFields.firstIndex(where: { $0.id == field.id }) else {
        fieldIndex += 1
        continue
      }
      say("")
      say(
        style(
          "\(capitalized(noun)) \(index + 1) [\(entry.id)] · question \(position + 1) of "
            + "\(visibleFields.count)", "2"))
      writePrompt(field, current: entry.values[field.id])
      let reply = try askValue(
        field, current: entry.values[field.id], scope: entry, reviewAllowed: false)
      var updated = entry
      switch reply {
      case .value(let value):
        updated.values[field.id] = value
      case .keep:
        break
      case .clear:
        updated.values[field.id] = nil
        say("  (left unanswered)")
      case .back:
        if let previous = visited.popLast() {
          fieldIndex = previous
        } else {
          warn("This is the first question of this \(noun).")
        }
        continue
      case .review:
        continue
      }
      if updated != entry {
        let dropped = dropHiddenFields(of: &updated, in: group)
        if !dropped.isEmpty {
          warn(
            "Because of this answer, \(dropped.count == 1 ? "this answer" : "these answers") in "
              + "this \(noun) no longer \(dropped.count == 1 ? "applies and was" : "apply and were") "
              + "removed:")
          for id in dropped {
            say("    - \(group.field(id)?.prompt ?? id) (\(id))")
          }
        }
        var list = entries(group)
        list[index] = updated
        try record(group.id, .entries(list))
      }
      visited.append(fieldIndex)
      fieldIndex += 1
    }
  }

  /// Removes an entry's answers to sub-questions its other answers now hide,
  /// so a stale hidden answer can never count in a condition or a risk rule.
  private func dropHiddenFields(of entry: inout GroupEntry, in group: Question) -> [String] {
    var dropped: [String] = []
    for _ in 0..<(group.fields.count + 1) {
      let environment = EntryEnvironment(
        base: AnswerEnvironment(answers: file.answers), entry: entry)
      guard
        let hidden = group.fields.first(where: { field in
          entry.values[field.id] != nil && !(field.showIf?.evaluate(in: environment) ?? true)
        })
      else { break }
      entry.values[hidden.id] = nil
      dropped.append(hidden.id)
    }
    return dropped
  }

  // MARK: - Review

  /// Lists the answers so far and returns the question the user picks to change.
  private mutating func review() throws(StopReason) -> String? {
    let answered = questionnaire.visibleQuestions(answers: file.answers).filter {
      file.answers[$0.id] != nil
    }
    say("")
    guard !answered.isEmpty else {
      say("No answers yet.")
      return nil
    }
    say(style("Your answers so far:", "1"))
    for (index, question) in answered.enumerated() {
      let value = file.answers[question.id].map { display($0, for: question) } ?? ""
      say("  \(index + 1). \(title(of: question.id)): \(value)")
    }
    var attempts = 0
    while true {
      let line = try read(prompt: "Number of the answer to change (Enter to go back): ")
        .trimmingCharacters(in: .whitespaces)
      if line.isEmpty { return nil }
      if line == "save" { throw .saveRequested }
      if line == "quit" { throw .quitRequested }
      if let number = Int(line), (1...answered.count).contains(number) {
        return answered[number - 1].id
      }
      attempts += 1
      try invalid(
        "Type a number from 1 to \(answered.count), or press Enter to go back.", attempts: attempts)
    }
  }

  // MARK: - Writing

  private mutating func say(_ text: String) {
    console.write(text + "\n")
  }

  private mutating func warn(_ text: String) {
    say(style("  ! " + text, "33"))
  }

  private func style(_ text: String, _ code: String) -> String {
    options.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private mutating func writeIntro() {
    say(style(questionnaire.title, "1"))
    let visible = questionnaire.visibleQuestions(answers: file.answers)
    let answered = visible.filter { file.answers[$0.id] != nil }.count
    say("Answers file: \(options.filePath) (saved after every answer)")
    if answered > 0 {
      say(
        options.revise
          ? "Revising \(answered) answers: press Enter to keep an answer, or type a new one."
          : "Resuming: \(answered) of \(visible.count) questions answered.")
    }
    say("At any prompt: ? help · < back · review · skip · save · quit")
  }

  private mutating func writeHeader(_ question: Question) {
    let sections = questionnaire.sections.filter { section in
      section.questions.contains { questionnaire.isVisible($0, answers: file.answers) }
    }
    guard let section = questionnaire.section(containing: question.id),
      let sectionIndex = sections.firstIndex(where: { $0.id == section.id })
    else { return }
    let visible = section.questions.filter { questionnaire.isVisible($0, answers: file.answers) }
    let position = (visible.firstIndex { $0.id == question.id } ?? 0) + 1
    say("")
    if lastSection != section.id {
      lastSection = section.id
      say(style("== \(section.title) ==", "1"))
      if let intro = section.intro { say(intro) }
      say("")
    }
    say(
      style(
        "Section \(sectionIndex + 1) of \(sections.count) · question \(position) of "
          + "\(visible.count)", "2"))
    if question.kind != .group {
      writePrompt(question, current: file.answers[question.id])
    } else {
      say(style(question.prompt, "1"))
    }
  }

  private mutating func writePrompt(_ question: Question, current: AnswerValue?) {
    say(style(question.prompt, "1") + (question.required ? " (required)" : ""))
    if !question.choices.isEmpty {
      for (index, choice) in question.choices.enumerated() {
        say("  \(index + 1). \(choice.label) [\(choice.id)]")
      }
    }
    if let current {
      say("  Current answer: \(display(current, for: question)) (Enter keeps it)")
    } else if let value = question.defaultValue {
      say("  Default: \(display(value, for: question)) (Enter accepts it)")
    }
    if question.kind == .longText {
      say("  (Several lines allowed; end with a line holding only '.')")
    }
  }

  private func inputPrompt(for question: Question) -> String {
    switch question.kind {
    case .choice: return "Choice (1-\(question.choices.count)): "
    case .multiChoice: return "Choices (numbers or ids, separated by commas): "
    case .yesNo: return "y/n: "
    case .date: return "Date (YYYY-MM-DD): "
    case .number:
      let low = question.minimum.map(AnswerValue.format)
      let high = question.maximum.map(AnswerValue.format)
      switch (low, high) {
      case (let low?, let high?): return "Number (\(low) to \(high)): "
      case (let low?, nil): return "Number (\(low) or more): "
      case (nil, let high?): return "Number (up to \(high)): "
      case (nil, nil): return "Number: "
      }
    case .text, .longText, .group: return "> "
    }
  }

  private mutating func writeHelp(_ question: Question) {
    say("")
    say(question.help ?? "There is no help text for this question.")
    for id in question.cites {
      let meaning = law.provision(id).map { " - \($0.meaning)" } ?? ""
      say("  Law: \(law.cite(id))\(meaning)")
    }
    say(
      "Commands: ? help · < back one question · review (see and change answers) · skip"
        + (question.required ? " (not for this required question)" : "")
        + " · save (save and stop) · quit")
    if question.kind == .text || question.kind == .longText {
      say("To answer with a command word itself, start it with a backslash: \\review")
    }
  }

  private mutating func writeStop(_ reason: StopReason) {
    say("")
    switch reason {
    case .saveRequested: say("Saved to \(options.filePath).")
    case .quitRequested: say("Stopped. Your answers are saved in \(options.filePath).")
    case .inputEnded:
      say("Input ended. Your answers so far are saved in \(options.filePath).")
    case .interrupted:
      say("Interrupted. Your answers so far are saved in \(options.filePath).")
    case .tooManyInvalidAnswers:
      say(
        "Stopping after \(options.maximumAttempts) answers that could not be used. Your answers "
          + "so far are saved in \(options.filePath).")
    case .saveFailed(let message):
      say(style("Could not save: \(message)", "31"))
      say("Your answers since the last successful save are lost; the file holds the previous save.")
    }
    say("To continue where you left off, run: \(options.resumeCommand)")
  }

  private mutating func writeSummary(missing: [String]) {
    say("")
    if missing.isEmpty {
      say(style("Done: every required question that applies is answered.", "1"))
    } else {
      say(style("Required questions still unanswered:", "33"))
      for id in missing { say("  - \(title(of: id)) (\(id))") }
    }
    say("Saved to \(options.filePath).")
  }

  // MARK: - Text helpers

  private func title(of id: String) -> String {
    guard let question = questionnaire.question(id) else { return id }
    let prompt = question.prompt.split(separator: "\n").first.map(String.init) ?? id
    return prompt.count > 70 ? String(prompt.prefix(69)) + "…" : prompt
  }

  private func display(_ value: AnswerValue, for question: Question) -> String {
    switch value {
    case .choice(let id): return question.label(ofChoice: id)
    case .choices(let ids):
      return ids.isEmpty ? "(none)" : ids.map(question.label(ofChoice:)).joined(separator: "; ")
    case .text(let text):
      let first = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let short = first.count > 60 ? String(first.prefix(59)) + "…" : String(first)
      return text.contains("\n") && short == first ? short + " …" : short
    case .entries(let entries):
      let noun = question.itemName ?? "entry"
      return plural(noun, entries.count)
    default: return value.plainDescription
    }
  }

  private func summary(of entry: GroupEntry, in group: Question) -> String {
    for field in group.fields {
      if case .text(let text)? = entry.values[field.id], !text.isEmpty {
        return text.count > 50 ? String(text.prefix(49)) + "…" : text
      }
    }
    return "(no answers yet)"
  }

  private func itemName(_ scope: GroupEntry?) -> String {
    guard let scope,
      let group = questionnaire.questions.first(where: { question in
        if case .entries(let list)? = file.answers[question.id] {
          return list.contains { $0.id == scope.id }
        }
        return false
      })
    else { return "entry" }
    return group.itemName ?? "entry"
  }

  private func plural(_ noun: String, _ count: Int) -> String {
    if count == 1 { return "1 \(noun)" }
    if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
      return "\(count) \(noun.dropLast())ies"
    }
    return "\(count) \(noun)s"
  }

  private func capitalized(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  private func article(_ noun: String) -> String {
    guard let first = noun.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
  }
}
