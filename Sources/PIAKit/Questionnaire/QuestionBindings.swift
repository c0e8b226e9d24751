/// A question the code reads by its id — the report model, the risk engine,
/// the assessment date rule — with the kind of answer it expects, the choice
/// ids it compares with, and where the question must exist.
///
/// Question ids are a public contract with the content: renaming `ai_vendor`
/// in a questionnaire would otherwise make a report print "Not applicable"
/// with no warning. `pia validate` checks every binding against every
/// questionnaire (`QuestionBindings.check`).
struct QuestionBinding: Sendable, Hashable {
  /// Where a bound question must exist.
  enum Place: Sendable, Hashable {
    /// In each of these questionnaires (the shipped ones promise it; a
    /// questionnaire of a municipality's own may leave it out, and its
    /// documents then say "Not answered").
    case questionnaires([String])
    /// In every questionnaire that includes this module.
    case module(String)
    /// In at least one of these questionnaires, when any of them is loaded
    /// (read when asked and skipped when not; a name none of them asks any
    /// more was renamed).
    case oneOf([String])
  }

  /// The question id.
  var id: String
  /// The repeating group the question belongs to, for a question of each entry.
  var group: String?
  /// The kinds of answer the code can read.
  var kinds: Set<Question.Kind>
  /// Choice ids the code compares the answer with.
  var choices: [String]
  /// Where the question must exist.
  var place: Place
  /// What reads it, for the message (`Report/ReportModel+Build.swift`).
  var readBy: String

  /// A binding; see the properties.
  init(
    _ id: String, in group: String? = nil, kinds: Set<Question.Kind>, choices: [String] = [],
    place: Place, readBy: String
  ) {
    self.id = id
    self.group = group
    self.kinds = kinds
    self.choices = choices
    self.place = place
    self.readBy = readBy
  }

  /// `data_flows.authority` or `ai_vendor`.
  var name: String { group.map { "\($0).\(id)" } ?? id }
}

/// The table of every question id the code reads, and its check.
enum QuestionBindings {
  private static let report = "the report model (Sources/PIAKit/Report/ReportModel+Build.swift)"
  private static let analysis =
    "the privacy analysis (Sources/PIAKit/Report/PrivacyAnalysisTopic.swift)"
  private static let engine = "the risk engine (Sources/PIAKit/Risk/RiskEngine.swift)"
  private static let text: Set<Question.Kind> = [.text, .longText]
  /// The shipped questionnaires, which every document question is part of.
  private static let shipped = QuestionBinding.Place.questionnaires(["ai-assistant", "mfippa-pia"])
  /// Asked by one shipped questionnaire or the other.
  private static let optional = QuestionBinding.Place.oneOf(["ai-assistant", "mfippa-pia"])

  /// Every bound question.
  static let all: [QuestionBinding] =
    documentQuestions + aiQuestions + flowQuestions + analysisQuestions + councilQuestions

  /// The council module's questions (all text or dates, none required, none
  /// signed), read by the staff report and the privacy-office contact.
  static let councilQuestions: [QuestionBinding] =
    [
      "council_body", "report_number", "report_wards", "report_from", "report_prepared_by",
      "report_submitted_by", "financial_implications", "licence_cost", "consultation_internal",
      "consultation_legal", "ipc_consultation_outcome", "strategic_plan_link",
      "prior_council_decisions", "options_considered", "delegated_authority",
      "privacy_office_phone", "privacy_office_email",
    ].map { .init($0, kinds: text, place: .module("council"), readBy: report) }
    + ["council_meeting_date", "ipc_consultation_date", "report_back_date"].map {
      .init($0, kinds: [.date], place: .module("council"), readBy: report)
    }

  /// Asked by every questionnaire: who, when, and the sign-off.
  static let documentQuestions: [QuestionBinding] = [
    .init(
      "assessment_date", kinds: [.date], place: shipped,
      readBy: "the assessment date rule (Sources/PIAKit/Answers/AssessmentFile.swift)"),
    .init("project_title", kinds: text, place: shipped, readBy: report),
    .init("institution_name", kinds: text, place: shipped, readBy: report),
    .init("privacy_lead", kinds: text, place: shipped, readBy: report),
    .init("program_owner_role", kinds: text, place: shipped, readBy: report),
    .init("privacy_coordinator", kinds: text, place: shipped, readBy: report),
    .init("head_or_delegate", kinds: text, place: shipped, readBy: report),
    .init("coordinator_advice", kinds: text, place: shipped, readBy: report),
    .init("program_owner_signoff", kinds: text, place: shipped, readBy: report),
    .init("next_review_date", kinds: [.date], place: shipped, readBy: report),
    .init("law_checked_date", kinds: [.date], place: shipped, readBy: report),
    .init("ipc_consulted", kinds: [.yesNo], place: shipped, readBy: report),
    .init("advice_outcome", kinds: [.choice], place: optional, readBy: report),
    .init("overrule_reasons", kinds: text, place: optional, readBy: report),
    .init("project_purpose", kinds: text, place: optional, readBy: report),
    .init("project_stage", kinds: [.choice], place: optional, readBy: report),
    .init("current_vs_proposed", kinds: text, place: optional, readBy: report),
    .init("stakeholders", kinds: text, place: optional, readBy: report),
    .init("systems", kinds: text, place: optional, readBy: report),
    .init("vendors_involved", kinds: text, place: optional, readBy: report),
    .init("related_assessments", kinds: text, place: optional, readBy: report),
    .init("program_authority", kinds: text, place: optional, readBy: report),
    .init("no_pi_reasons", kinds: text, place: optional, readBy: report),
  ]

  /// The AI-assistant module's questions the code reads.
  static let aiQuestions: [QuestionBinding] = [
    .init(
      "uses_ai_tool", kinds: [.yesNo], place: .module("ai-assistant"), readBy: report),
    .init(
      "ai_vendor", kinds: [.choice], place: .module("ai-assistant"),
      readBy: "\(engine) and \(report)"),
    .init(
      "plan_tier", kinds: [.choice], place: .module("ai-assistant"),
      readBy: "\(engine) and \(report)"),
    .init("ai_product", kinds: text, place: .module("ai-assistant"), readBy: report),
    .init("ai_data_location", kinds: [.choice], place: .module("ai-assistant"), readBy: report),
    .init(
      "ai_tasks", kinds: [.multiChoice], place: .module("ai-assistant"),
      readBy: "\(engine) and \(report)"),
    .init(
      "access_scope", kinds: [.choice], place: .module("ai-assistant"),
      readBy: "\(engine) and \(report)"),
    .init(
      "personal_information", kinds: [.choice], choices: ["none"],
      place: .module("ai-assistant"), readBy: report),
    .init(
      "sensitive_categories", kinds: [.multiChoice], place: .module("ai-assistant"),
      readBy: engine),
    .init("pilot_users", kinds: [.choice], place: .module("ai-assistant"), readBy: report),
  ]

  /// The data-flows module's questions the code reads.
  static let flowQuestions: [QuestionBinding] = [
    .init("data_flows", kinds: [.group], place: .module("data-flows"), readBy: report),
    .init(
      "other_pi_in_project", kinds: [.yesNo], place: .module("data-flows"), readBy: report),
    .init(
      "data_element", in: "data_flows", kinds: text, place: .module("data-flows"),
      readBy: report),
    .init(
      "pi_category", in: "data_flows", kinds: [.choice], choices: ["business_contact"],
      place: .module("data-flows"), readBy: "\(engine) and \(report)"),
    .init("source", in: "data_flows", kinds: text, place: .module("data-flows"), readBy: report),
    .init("program", in: "data_flows", kinds: text, place: .module("data-flows"), readBy: report),
    .init("notice_official", kinds: text, place: .module("data-flows"), readBy: report),
    .init("notice_official_address", kinds: text, place: .module("data-flows"), readBy: report),
    .init("notice_official_phone", kinds: text, place: .module("data-flows"), readBy: report),
    .init(
      "flow_purpose", in: "data_flows", kinds: text, place: .module("data-flows"),
      readBy: report),
    .init(
      "authority", in: "data_flows", kinds: [.choice], choices: ["none"],
      place: .module("data-flows"), readBy: report),
    .init(
      "authority_detail", in: "data_flows", kinds: text, place: .module("data-flows"),
      readBy: report),
    .init("system_inventory", kinds: [.group], place: .module("data-flows"), readBy: report),
    .init(
      "system_name", in: "system_inventory", kinds: text, place: .module("data-flows"),
      readBy: report),
    .init(
      "storage_location", in: "system_inventory", kinds: [.choice], place: .module("data-flows"),
      readBy: report),
    .init(
      "contract_safeguards", in: "system_inventory", kinds: [.yesNo], place: .module("data-flows"),
      readBy: report),
    .init(
      "system", in: "data_flows", kinds: [.choice], place: .module("data-flows"),
      readBy: "the answers file's format-1 upgrade (Sources/PIAKit/Answers/FormatMigration.swift)"),
    .init(
      "disclosure_ground", in: "data_flows", kinds: [.choice], place: .module("data-flows"),
      readBy: report),
    .init(
      "retention_class", in: "data_flows", kinds: [.choice], place: .module("data-flows"),
      readBy: report),
    .init(
      "retention_by_law_class", in: "data_flows", kinds: text, place: .module("data-flows"),
      readBy: report),
  ]

  /// The questions the privacy analysis shows, topic by topic, when asked.
  static let analysisQuestions: [QuestionBinding] = {
    var seen: Set<String> = []
    var result: [QuestionBinding] = []
    for topic in PrivacyAnalysisTopic.ipcOrder {
      for id in topic.questions where seen.insert(id).inserted {
        result.append(
          .init(id, kinds: Set(Question.Kind.allCases), place: optional, readBy: analysis))
      }
      for id in topic.flowFields where seen.insert("data_flows.\(id)").inserted {
        result.append(
          .init(
            id, in: "data_flows", kinds: Set(Question.Kind.allCases), place: optional,
            readBy: analysis))
      }
    }
    return result
  }()

  /// Checks `bindings` against `questionnaires`: each bound question exists
  /// where its place says, has a kind the code reads, and offers the choices
  /// the code compares with.
  ///
  /// - Returns: One error per problem, at the questionnaire (a missing
  ///   question) or at the question (a wrong kind or a missing choice).
  static func check(
    _ questionnaires: [Questionnaire], bindings: [QuestionBinding] = all
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for binding in bindings {
      for questionnaire in questionnaires {
        let question = find(binding, in: questionnaire)
        if let question {
          diagnostics += check(question, against: binding, in: questionnaire)
          continue
        }
        let required: Bool
        switch binding.place {
        case .questionnaires(let ids): required = ids.contains(questionnaire.id)
        case .module(let module): required = questionnaire.modules.contains(module)
        case .oneOf: required = false
        }
        if required {
          diagnostics.append(
            .error(
              "questionnaire '\(questionnaire.id)' has no question '\(binding.name)' "
                + "(\(kindList(binding.kinds))), which \(binding.readBy) reads; restore it, or "
                + "rename it in the code too", at: start(of: questionnaire)))
        }
      }
      if case .oneOf(let ids) = binding.place,
        let first = questionnaires.first(where: { ids.contains($0.id) }),
        !questionnaires.contains(where: { ids.contains($0.id) && find(binding, in: $0) != nil })
      {
        diagnostics.append(
          .error(
            "no questionnaire asks '\(binding.name)', which \(binding.readBy) reads; it was "
              + "renamed or removed (restore it, or rename it in the code too)",
            at: start(of: first)))
      }
    }
    return diagnostics
  }

  private static func find(_ binding: QuestionBinding, in questionnaire: Questionnaire)
    -> Question?
  {
    guard let group = binding.group else { return questionnaire.question(binding.id) }
    // A flow's fields include those of the system it picks.
    return questionnaire.question(group)?.entryScope(group: questionnaire.question)[binding.id]
  }

  private static func check(
    _ question: Question, against binding: QuestionBinding, in questionnaire: Questionnaire
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if !binding.kinds.contains(question.kind) {
      diagnostics.append(
        .error(
          "'\(binding.name)' is a \(question.kind.rawValue) question, but \(binding.readBy) "
            + "reads it as \(kindList(binding.kinds))", at: question.location))
    }
    for choice in binding.choices where question.choice(choice) == nil {
      diagnostics.append(
        .error(
          "'\(binding.name)' has no choice '\(choice)', which \(binding.readBy) compares its "
            + "answer with", at: question.location))
    }
    return diagnostics
  }

  private static func kindList(_ kinds: Set<Question.Kind>) -> String {
    if kinds.count == Question.Kind.allCases.count { return "any kind" }
    return Question.Kind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: " or ")
  }

  private static func start(of questionnaire: Questionnaire) -> SourceLocation {
    SourceLocation(file: questionnaire.path, line: 1, column: 1)
  }
}
