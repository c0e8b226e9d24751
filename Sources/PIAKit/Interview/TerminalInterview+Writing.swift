extension TerminalInterview {
  // MARK: - Writing

  mutating func say(_ text: String) {
    console.write(text + "\n")
  }

  mutating func warn(_ text: String) {
    say(style("  ! " + text, "33"))
  }

  func style(_ text: String, _ code: String) -> String {
    options.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Tells the user which other answers an operation moved.
  mutating func report(_ change: SessionChange) {
    if !change.hidden.isEmpty {
      warn(
        "Because of this answer, \(change.hidden.count == 1 ? "this answer no longer applies" : "these answers no longer apply"). "
          + "They are kept aside (under 'inactive' in the file) and come back if you change "
          + "this answer back:")
      for path in change.hidden { say("    - \(title(of: path)) (\(path))") }
    }
    if !change.restored.isEmpty {
      say(style("  These earlier answers apply again and were restored:", "36"))
      for path in change.restored { say("    - \(title(of: path)) (\(path))") }
    }
    if !change.removed.isEmpty {
      let noun =
        change.removed.first?.entry.flatMap { questionnaire.question($0.group) }.map {
          itemName($0)
        } ?? "entry"
      let one = change.removed.count == 1
      warn(
        "Because of this answer, \(one ? "this answer" : "these answers") in this \(noun) no "
          + "longer \(one ? "applies and was" : "apply and were") removed:")
      for path in change.removed {
        let prompt = (try? session.question(at: path))?.prompt ?? path.question
        say("    - \(prompt) (\(path.question))")
      }
    }
  }

  mutating func writeIntro() {
    say(style(questionnaire.title, "1"))
    let progress = session.progress
    say("Answers file: \(options.filePath) (saved after every answer)")
    if progress.answered > 0 {
      say(
        options.revise
          ? "Revising \(progress.answered) answers: press Enter to keep an answer, or type a new one."
          : "Resuming: \(progress.answered) of \(progress.total) questions answered.")
    }
    say("At any prompt: ? help · < back · review · skip · save · quit")
  }

  /// The section banner (once per section) and the position line: the
  /// section's place among all the questionnaire's sections, and the
  /// question's among the section's questions that apply.
  mutating func writeHeader(_ question: Question) {
    guard let section = questionnaire.section(containing: question.id),
      let sectionIndex = questionnaire.sections.firstIndex(where: { $0.id == section.id })
    else { return }
    let visible = section.questions.filter { session.applies(QuestionPath($0.id)) }
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
        "Section \(sectionIndex + 1) of \(questionnaire.sections.count) · question \(position) of "
          + "\(visible.count)", "2"))
    if question.kind != .group {
      writePrompt(question, current: file.answers[question.id])
    } else {
      say(style(question.prompt, "1"))
    }
  }

  mutating func writePrompt(_ question: Question, current: AnswerValue?) {
    say(style(question.prompt, "1") + (question.required ? " (required)" : ""))
    if !question.choices.isEmpty {
      for (index, choice) in question.choices.enumerated() {
        say("  \(index + 1). \(choice.label) [\(choice.id)]")
      }
    } else if let source = question.choicesFrom {
      let noun = questionnaire.question(source).map(itemName) ?? "entry"
      say(
        "  (No \(noun) is listed yet: add one under \"\(questionnaire.question(source)?.prompt ?? source)\" "
          + "first; type skip to answer this later, or < to go back.)")
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

  func inputPrompt(for question: Question) -> String {
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

  mutating func writeHelp(_ question: Question) {
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

  mutating func writeStop(_ reason: StopReason) {
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

  mutating func writeSummary(missing: [QuestionPath]) {
    say("")
    if missing.isEmpty {
      say(style("Done: every required question that applies is answered.", "1"))
    } else {
      say(style("Required questions still unanswered:", "33"))
      for path in missing { say("  - \(title(of: path)) (\(path))") }
    }
    say("Saved to \(options.filePath).")
  }

  // MARK: - Text helpers

  func title(of path: QuestionPath) -> String {
    (try? session.question(at: path))?.shortPrompt ?? path.question
  }

  func display(_ value: AnswerValue, for question: Question) -> String {
    switch value {
    case .choice(let id): return question.label(ofChoice: id)
    case .choices(let ids):
      return ids.isEmpty ? "(none)" : ids.map(question.label(ofChoice:)).joined(separator: "; ")
    case .text(let text):
      let first = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let short = first.count > 60 ? String(first.prefix(59)) + "…" : String(first)
      return text.contains("\n") && short == first ? short + " …" : short
    case .entries(let entries):
      return plural(itemName(question), entries.count)
    default: return value.plainDescription
    }
  }

  func itemName(_ group: Question) -> String { group.itemName ?? "entry" }

  func itemName(_ entry: QuestionPath.Entry?) -> String {
    guard let entry, let group = questionnaire.question(entry.group) else { return "entry" }
    return itemName(group)
  }

  func plural(_ noun: String, _ count: Int) -> String {
    if count == 1 { return "1 \(noun)" }
    if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
      return "\(count) \(noun.dropLast())ies"
    }
    return "\(count) \(noun)s"
  }

  func capitalized(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  func article(_ noun: String) -> String {
    guard let first = noun.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
  }
}
