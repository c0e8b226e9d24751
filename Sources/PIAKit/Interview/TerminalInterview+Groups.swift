extension TerminalInterview {
  // MARK: - Repeating groups

  /// Asks a repeating group: when resuming, first the unanswered questions of
  /// each unfinished entry; then the list with add, edit and remove.
  mutating func askGroup(_ group: Question, resuming: Bool) throws(StopReason) -> Step {
    writeHeader(group)
    if resuming {
      for entry in session.entries(of: group.id) {
        let paths = session.applicableFields(of: entry.id, in: group.id).map {
          QuestionPath(group: group.id, entry: entry.id, question: $0.id)
        }
        if let first = paths.first(where: { session.answer(at: $0) == nil && !skipped.contains($0) }
        ) {
          say("  Continuing \(itemName(group)) \(entry.id), which has unanswered questions.")
          try editEntry(entry.id, of: group, from: first.question)
        }
      }
    }
    let noun = itemName(group)
    var attempts = 0
    while true {
      let list = session.entries(of: group.id)
      if !list.isEmpty {
        say("  \(capitalized(plural(noun, list.count))) so far:")
        for (index, entry) in list.enumerated() {
          say("    \(index + 1). \(session.summary(of: entry, in: group)) [\(entry.id)]")
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
          skipped.insert(QuestionPath(group.id))
          return .next
        }
      case "y", "yes":
        attempts = 0
        var added: String?
        if let problem = try attempt({ session throws(SessionError) in
          let result = try session.addEntry(to: group.id)
          added = result.id
          return result.change
        }) {
          warn(problem.message.capitalizedSentence)
        } else if let added {
          try editEntry(added, of: group, from: nil)
        }
      case "n", "no", "":
        if list.isEmpty && group.required {
          attempts += 1
          try invalid("At least one \(noun) is required; answer y to add one.", attempts: attempts)
          continue
        }
        if file.answers[group.id] == nil {
          _ = try attempt { session throws(SessionError) in
            try session.answer(QuestionPath(group.id), .entries([]))
          }
        }
        return .next
      case "edit", "remove":
        guard words.count == 2, let number = Int(words[1]), number >= 1, number <= list.count
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
          try editEntry(list[number - 1].id, of: group, from: nil)
        } else {
          try confirmRemoval(of: list[number - 1], number: number, in: group)
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

  private mutating func confirmRemoval(of entry: GroupEntry, number: Int, in group: Question)
    throws(StopReason)
  {
    let noun = itemName(group)
    let answer = try read(
      prompt:
        "Remove \(noun) \(number) (\(session.summary(of: entry, in: group))) [\(entry.id)]? (y/n): "
    )
    guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
      say("  Kept.")
      return
    }
    if let problem = try attempt({ session throws(SessionError) in
      try session.removeEntry(entry.id, from: group.id)
    }) {
      warn(problem.message.capitalizedSentence)
    } else {
      say("  Removed \(entry.id).")
    }
  }

  /// Asks an entry's questions in order, from `start` (the first when `nil`).
  mutating func editEntry(_ entryID: String, of group: Question, from start: String?)
    throws(StopReason)
  {
    let noun = itemName(group)
    var fieldIndex = start.flatMap { id in group.fields.firstIndex { $0.id == id } } ?? 0
    var visited: [Int] = []
    var attempts = 0
    while fieldIndex < group.fields.count {
      let list = session.entries(of: group.id)
      guard let number = list.firstIndex(where: { $0.id == entryID }) else { return }
      let applicable = session.applicableFields(of: entryID, in: group.id)
      guard let position = applicable.firstIndex(where: { $0.id == group.fields[fieldIndex].id })
      else {
        fieldIndex += 1
        continue
      }
      let path = QuestionPath(
        group: group.id, entry: entryID, question: group.fields[fieldIndex].id)
      let field = offered(group.fields[fieldIndex], at: path)
      let current = list[number].values[field.id]
      say("")
      say(
        style(
          "\(capitalized(noun)) \(number + 1) [\(entryID)] · question \(position + 1) of "
            + "\(applicable.count)", "2"))
      writePrompt(field, current: current)
      let reply = try askValue(
        field, current: current, entry: QuestionPath.Entry(group: group.id, id: entryID),
        reviewAllowed: false)
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
        if current != nil {
          _ = try attempt { session throws(SessionError) in try session.clear(path) }
        }
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
      if inputEndedAfterAnswer { throw .inputEnded }
      attempts = 0
      visited.append(fieldIndex)
      fieldIndex += 1
    }
  }

  // MARK: - Review

  /// Lists the answers so far and returns the question the user picks to change.
  mutating func review() throws(StopReason) -> String? {
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
      say("  \(index + 1). \(question.shortPrompt): \(value)")
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
}
