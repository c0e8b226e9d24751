/// The one place that reads answers into a ``DataFlowDiagram``; the answers layout may change
/// (a `systems` group that flows pick from, a `program` per flow), so every id used is here.
///
/// Today (answers file format 2) a system is an entry of the group `system_inventory`
/// (Questionnaires/modules/data-flows.yaml): `system_name`, `system_vendor` and
/// `storage_location` (`canada`, `outside_canada`, `unknown`). A data flow is an entry of
/// `data_flows`: `data_element`, `source` (text), `collected_directly`, `system` (the id of the
/// system entry it picks), `has_recipients` (yes/no), `recipients` (text), `disclosure_ground`, `authority` (`none` = not
/// established), `through_ai_tool` and, when a questionnaire asks it, `program`. The AI tool is
/// the top-level `uses_ai_tool`, `ai_vendor`, `ai_product` and `ai_data_location`
/// (Questionnaires/modules/ai-assistant.yaml).
extension DataFlowDiagram {
  /// Builds the diagram of `file`'s answers to `questionnaire`.
  ///
  /// Answers a changed answer has hidden are ignored, as the report ignores them; so are flows of
  /// business contact details (not personal information). Flows keep their inventory numbers.
  /// The program is the `project_title` answer, else the assessment title. Every listed system
  /// is drawn, and the AI tool, even when no flow reaches them.
  public init(questionnaire: Questionnaire, file: AssessmentFile) {
    let reader = AnswersReader(questionnaire: questionnaire, answers: file.answers)
    let program =
      reader.text("project_title") ?? file.assessment.title.flatMap(AnswersReader.nonBlank)
      ?? "The program"
    var aiTool = reader.aiTool()
    var systems = reader.systemEntries()
    // A listed system that is the AI tool (its name names the tool) is drawn once, as the tool.
    if let tool = aiTool, let index = systems.firstIndex(where: { reader.isAITool($0.system) }) {
      systems[index].system.isAITool = true
      if systems[index].system.location == .unknown {
        systems[index].system.location = tool.location
      }
      aiTool = systems[index].system
    }
    let flows = reader.flowEntries().map { number, entry in
      Flow(
        number: number,
        dataElements: reader.text("data_element", in: entry) ?? "Data flow \(number)",
        source: reader.source(of: entry),
        program: reader.text("program", in: entry) ?? program,
        systems: reader.systems(of: entry, in: systems, aiTool: aiTool),
        recipients: reader.recipients(of: entry),
        authority: reader.authority(of: entry))
    }
    self.init(
      program: program,
      standingSystems: systems.map(\.system)
        + (aiTool.map { systems.map(\.system).contains($0) ? [] : [$0] } ?? []),
      flows: flows)
  }
}

/// Reads answers with the questionnaire's visibility rules.
private struct AnswersReader {
  let questionnaire: Questionnaire
  let answers: [String: AnswerValue]
  /// The `data_flows` group question, looked up once.
  let flowQuestion: Question?
  let environment: AnswerEnvironment

  /// Reads `answers`; a data flow's conditions also see the answers of the system it picks.
  init(questionnaire: Questionnaire, answers: [String: AnswerValue]) {
    self.questionnaire = questionnaire
    self.answers = questionnaire.resolvingReferences(answers)
    flowQuestion = questionnaire.question("data_flows")
    environment = AnswerEnvironment(answers: self.answers)
  }

  static func nonBlank(_ text: String) -> String? {
    let cleaned = DiagramText.clean(text)
    return cleaned.isEmpty ? nil : cleaned
  }

  func isAsked(_ id: String) -> Bool {
    guard let question = questionnaire.question(id) else { return false }
    return questionnaire.isVisible(question, answers: answers)
  }

  func value(_ id: String) -> AnswerValue? { isAsked(id) ? answers[id] : nil }

  /// A top-level text answer, when asked and not blank.
  func text(_ id: String) -> String? {
    guard case .text(let text)? = value(id) else { return nil }
    return Self.nonBlank(text)
  }

  /// The label of a top-level choice, without its parenthesis: "Anthropic (Claude, …)" →
  /// "Anthropic".
  func choiceName(_ id: String) -> String? {
    guard case .choice(let choice)? = value(id), let question = questionnaire.question(id) else {
      return nil
    }
    let label = question.label(ofChoice: choice)
    let name = label.split(separator: " (", maxSplits: 1).first.map(String.init) ?? label
    return Self.nonBlank(name)
  }

  // MARK: Flows

  /// The data-flow entries with their inventory numbers (1-based), leaving out business contact
  /// details in an official capacity, which are not personal information (MFIPPA s. 2(2.1)).
  func flowEntries() -> [(number: Int, entry: GroupEntry)] {
    guard case .entries(let entries)? = value("data_flows") else { return [] }
    return entries.enumerated().compactMap { index, entry in
      field("pi_category", in: entry) == .choice("business_contact") ? nil : (index + 1, entry)
    }
  }

  func field(_ id: String, in entry: GroupEntry) -> AnswerValue? {
    guard let field = flowQuestion?.field(id) else { return nil }
    if let condition = field.showIf,
      !condition.evaluate(in: EntryEnvironment(base: environment, entry: entry))
    {
      return nil
    }
    return entry.values[id]
  }

  func text(_ id: String, in entry: GroupEntry) -> String? {
    guard case .text(let text)? = field(id, in: entry) else { return nil }
    return Self.nonBlank(text)
  }

  static func location(_ value: AnswerValue?) -> DataFlowDiagram.Location {
    switch value {
    case .choice("canada")?: return .inCanada
    case .choice("outside_canada")?: return .outsideCanada
    default: return .unknown
    }
  }

  /// Who the information comes from: the person it is about when collected directly, else
  /// guessed from the answer's words (staff first, then residents), else another institution.
  func source(of entry: GroupEntry) -> DataFlowDiagram.Source {
    guard let name = text("source", in: entry) else {
      let direct = field("collected_directly", in: entry) == .bool(true)
      return .init(name: "", kind: direct ? .residents : .notRecorded)
    }
    if field("collected_directly", in: entry) == .bool(true) {
      return .init(name: name, kind: .residents)
    }
    let words = name.lowercased()
    if Self.staffWords.contains(where: words.contains) {
      return .init(name: name, kind: .staff)
    }
    if Self.residentWords.contains(where: words.contains) {
      return .init(name: name, kind: .residents)
    }
    return .init(name: name, kind: .otherInstitutions)
  }

  static let staffWords = [
    "staff", "employee", "caseworker", "case worker", "programmer", "clerk", "officer",
    "inspector", "coordinator", "supervisor", "manager",
  ]
  static let residentWords = [
    "resident", "applicant", "individual", "member of the public", "members of the public",
    "citizen", "client", "ratepayer", "taxpayer", "parent", "person", "people",
  ]

  /// The listed systems (`system_inventory`), with their entry ids.
  func systemEntries() -> [(id: String, system: DataFlowDiagram.System)] {
    guard case .entries(let entries)? = value("system_inventory") else { return [] }
    return entries.map { entry in
      var name: String?
      var vendor: String?
      if case .text(let text)? = entry.values["system_name"] { name = Self.nonBlank(text) }
      if case .text(let text)? = entry.values["system_vendor"] { vendor = Self.nonBlank(text) }
      return (
        entry.id,
        DataFlowDiagram.System(
          name: name ?? "System not named", vendor: vendor,
          location: Self.location(entry.values["storage_location"]))
      )
    }
  }

  /// The systems a flow goes to: the listed system it picks, and the AI tool when the flow
  /// reaches it.
  func systems(
    of entry: GroupEntry, in listed: [(id: String, system: DataFlowDiagram.System)],
    aiTool: DataFlowDiagram.System?
  ) -> [DataFlowDiagram.System] {
    var systems: [DataFlowDiagram.System] = []
    if case .choice(let id)? = field("system", in: entry),
      let picked = listed.first(where: { $0.id == id })
    {
      systems.append(picked.system)
    }
    if let aiTool, field("through_ai_tool", in: entry) == .bool(true), !systems.contains(aiTool) {
      systems.append(aiTool)
    }
    return systems
  }

  /// The recipients outside the program, one per `;`-separated part; none when the flow is not
  /// disclosed (`has_recipients: no`), the answer says none, or the disclosure ground is "not
  /// disclosed".
  func recipients(of entry: GroupEntry) -> [String] {
    if field("has_recipients", in: entry) == .bool(false) { return [] }
    if field("disclosure_ground", in: entry) == .choice("not_disclosed") { return [] }
    guard let text = text("recipients", in: entry) else { return [] }
    let lowered = text.lowercased()
    for none in ["none", "no one", "nobody", "n/a", "not disclosed"]
    where lowered == none || lowered.hasPrefix(none + " ") || lowered.hasPrefix(none + ",")
      || lowered.hasPrefix(none + ".")
    {
      return []
    }
    return text.split(separator: ";").compactMap { Self.nonBlank(String($0)) }
  }

  func authority(of entry: GroupEntry) -> DataFlowDiagram.Authority {
    switch field("authority", in: entry) {
    case .choice(let id)? where id != "none": return .established
    default: return .notEstablished
    }
  }

  /// Whether a listed system is the assessment's AI tool: its name holds the product family
  /// the vendor answer names ("OpenAI (ChatGPT)" → "Staff members' personal ChatGPT accounts")
  /// as a word, or the product answer's whole text.
  func isAITool(_ system: DataFlowDiagram.System) -> Bool {
    guard value("uses_ai_tool") == .bool(true) else { return false }
    let name = system.name.lowercased()
    var names: [String] = []
    if case .choice(let choice)? = value("ai_vendor"),
      let question = questionnaire.question("ai_vendor"),
      let open = question.label(ofChoice: choice).firstIndex(of: "(")
    {
      let family = question.label(ofChoice: choice)[open...].dropFirst()
        .prefix { $0 != ")" && $0 != "," }
      names.append(family.trimmingCharacters(in: .whitespaces).lowercased())
    }
    if let product = text("ai_product") { names.append(product.lowercased()) }
    let words = name.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    return names.contains { family in
      !family.isEmpty
        && (name == family
          || (!family.contains(" ") && words.contains(family)))
    }
  }

  /// The assessment's AI tool, when it uses one.
  func aiTool() -> DataFlowDiagram.System? {
    guard value("uses_ai_tool") == .bool(true) else { return nil }
    let vendor = choiceName("ai_vendor")
    return .init(
      name: text("ai_product") ?? vendor.map { "\($0) AI tool" } ?? "AI tool", vendor: vendor,
      location: Self.location(value("ai_data_location")), isAITool: true)
  }
}
