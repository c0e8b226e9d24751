/// Builds a ``ReportModel`` step by step.
struct ReportModelBuilder {
  let questionnaire: Questionnaire
  let file: AssessmentFile
  let assessment: Assessment
  let law: LawCatalogue
  let date: CalendarDate
  /// The data-flow entries when the question is asked, else none.
  let flows: [GroupEntry]
  let flowQuestion: Question?
  /// Provision ids in first-cited order.
  var cited: [String] = []
  /// Top-level question ids left out of this audience's documents (the
  /// public version's `internal: true` questions).
  let hidden: Set<String>

  init(
    questionnaire: Questionnaire, file: AssessmentFile, assessment: Assessment, law: LawCatalogue,
    date: CalendarDate, hidden: Set<String> = []
  ) {
    self.hidden = hidden
    self.questionnaire = questionnaire
    self.file = file
    self.assessment = assessment
    self.law = law
    self.date = date
    flowQuestion = questionnaire.question("data_flows")
    // Each flow with its system's answers too (storage location, vendor).
    if case .entries(let entries)? = questionnaire.resolvingReferences(file.answers)["data_flows"],
      let flowQuestion, questionnaire.isVisible(flowQuestion, answers: file.answers)
    {
      flows = entries
    } else {
      flows = []
    }
    flowFields = flowQuestion?.entryScope(group: questionnaire.question) ?? [:]
  }

  /// The questions a flow's answers can come from: its own and its system's.
  let flowFields: [String: Question]

  var answers: [String: AnswerValue] { file.answers }

  mutating func cite(_ id: String) -> String {
    if !cited.contains(id) { cited.append(id) }
    return law.cite(id)
  }

  // MARK: Answers

  /// Whether the question exists and is shown for these answers.
  func isAsked(_ id: String) -> Bool {
    guard let question = questionnaire.question(id) else { return false }
    return questionnaire.isVisible(question, answers: answers)
  }

  /// The display text of a top-level answer; the not-answered or
  /// not-applicable marker otherwise.
  func text(_ id: String) -> String {
    guard let question = questionnaire.question(id), isAsked(id) else {
      return ReportModel.notApplicable
    }
    guard let value = answers[id] else { return ReportModel.notAnswered }
    return shown(display(value, for: question))
  }

  /// The marker instead of a blank answer.
  func shown(_ text: String) -> String {
    text.isBlank ? ReportModel.notAnswered : text
  }

  /// `text` when it is not blank.
  func nonBlank(_ text: String?) -> String? {
    guard let text, !text.isBlank else { return nil }
    return text
  }

  /// The answer text when answered, else nil.
  func answered(_ id: String) -> String? {
    guard let question = questionnaire.question(id), let value = answers[id], isAsked(id) else {
      return nil
    }
    let shown = display(value, for: question)
    return shown.isBlank ? nil : shown
  }

  func display(_ value: AnswerValue, for question: Question) -> String {
    switch value {
    case .text(let text): return ReportModel.prose(text)
    case .choice(let id):
      // An entry of another group (a data flow's system): its name, never its id.
      if let source = question.choicesFrom {
        guard case .entries(let picked)? = answers[source],
          let entry = picked.first(where: { $0.id == id })
        else { return ReportModel.notAnswered }
        return entryName(entry, in: questionnaire.question(source))
      }
      return question.label(ofChoice: id)
    case .choices(let ids):
      return ids.isEmpty ? "None" : ids.map { question.label(ofChoice: $0) }.joined(separator: "; ")
    case .bool(let flag): return flag ? "Yes" : "No"
    case .number(let number): return AnswerValue.format(number)
    case .date(let date): return date.description
    case .entries(let entries):
      let noun = question.itemName ?? "entry"
      return "\(entries.count) \(noun)\(entries.count == 1 ? "" : "s")"
    }
  }

  func fieldText(_ entry: GroupEntry, _ id: String) -> String {
    guard let field = flowFields[id] else { return ReportModel.notApplicable }
    guard isFieldVisible(field, in: entry) else { return ReportModel.notApplicable }
    guard let value = entry.values[id] else { return ReportModel.notAnswered }
    return shown(display(value, for: field))
  }

  func isFieldVisible(_ field: Question, in entry: GroupEntry) -> Bool {
    guard let condition = field.showIf else { return true }
    return condition.evaluate(
      in: EntryEnvironment(base: AnswerEnvironment(answers: answers), entry: entry))
  }

  /// An entry's name: its first text answer (the system's name, the data
  /// element), else the group's noun and the entry's place.
  func entryName(_ entry: GroupEntry, in group: Question?) -> String {
    for field in group?.fields ?? [] {
      if case .text(let text)? = entry.values[field.id], let text = nonBlank(text) {
        return ReportModel.prose(text)
      }
    }
    let noun = group?.itemName ?? "entry"
    return noun.prefix(1).uppercased() + noun.dropFirst()
  }

  func flowName(_ entry: GroupEntry, index: Int) -> String {
    if case .text(let element)? = entry.values["data_element"], let element = nonBlank(element) {
      return element
    }
    return "Data flow \(index + 1)"
  }

  func questionAnswer(
    _ question: Question, value: AnswerValue?, entryValues: [String: AnswerValue]? = nil
  )
    -> ReportModel.QuestionAnswer
  {
    var entries: [ReportModel.GroupItem] = []
    if case .entries(let items)? = value {
      for (index, item) in items.enumerated() {
        let fields = question.fields.filter { isFieldVisible($0, in: item) }.map {
          questionAnswerNoCite($0, value: item.values[$0.id])
        }
        entries.append(
          .init(
            title:
              "\(question.itemName.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Entry") \(index + 1): \(question.id == "data_flows" ? flowName(item, index: index) : entryName(item, in: question))",
            fields: fields))
      }
    }
    var answer = questionAnswerNoCite(question, value: value)
    answer.citations = question.cites.filter { law.isCitable($0, on: date) }.map { law.cite($0) }
    answer.entries = entries
    return answer
  }

  func questionAnswerNoCite(_ question: Question, value: AnswerValue?) -> ReportModel.QuestionAnswer
  {
    let answer = value.map { shown(display($0, for: question)) } ?? ReportModel.notAnswered
    return ReportModel.QuestionAnswer(
      id: question.id, prompt: question.prompt, answer: answer,
      answered: value != nil && answer != ReportModel.notAnswered, citations: [], entries: [])
  }

}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
