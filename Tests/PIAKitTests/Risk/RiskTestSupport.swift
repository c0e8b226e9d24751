import Foundation

@testable import PIAKit

/// Shared fixtures for the risk tests: the shipped content, loaded once.
enum RiskFixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let resources = Resources(root: packageRoot, displayRoot: ".")
  static let catalog = ContentCatalog(resources: resources)
  static let fixtures = packageRoot.appendingPathComponent("Tests/PIAKitTests/Fixtures/risk")

  static func engine(_ id: String = "ai-assistant") -> RiskEngine {
    guard let engine = catalog.engine(for: id) else { fatalError("no questionnaire \(id)") }
    return engine
  }

  static let date = CalendarDate(daysSinceEpoch: 20_544)  // 2026-04-01

  /// A safe pilot: business plan, admin folder, no personal information,
  /// every safeguard on. Scores `low` with no findings.
  static let safePilot: [String: AnswerValue] = [
    "program_owner_role": .text("Clerk's Department, Deputy Clerk"),
    "privacy_lead": .text("Privacy Coordinator"),
    "uses_ai_tool": .bool(true),
    "ai_vendor": .choice("anthropic"),
    "plan_tier": .choice("team"),
    "training_opt_in": .bool(false),
    "vendor_processor_terms": .bool(true),
    "personal_accounts": .bool(false),
    "ai_tasks": .choices(["council_reports"]),
    "access_scope": .choice("admin_folder"),
    "can_modify_files": .bool(false),
    "ask_before_acting": .bool(true),
    "foi_records_in_scope": .bool(false),
    "personal_information": .choice("none"),
    "other_pi_in_project": .bool(false),
    "ai_use_policy": .bool(true),
    "ai_user_training": .bool(true),
    "telemetry_monitoring": .bool(true),
    "output_signoff": .bool(true),
    "output_quality_testing": .bool(true),
    "local_history_handling": .choice("exported_to_records_system"),
    "ai_retention_class_assigned": .bool(true),
    "legal_hold": .bool(true),
    "foi_retrieval": .choice("compliance_api"),
    "pilot_users": .choice("named_admin_pilot"),
    "managed_devices": .bool(true),
  ]

  /// A flow entry with every safeguard in place.
  static let safeFlow: [String: AnswerValue] = [
    "data_element": .text("Applicant name and address"),
    "pi_category": .choice("contact_details"),
    "collected_directly": .bool(true),
    "authority": .choice("express_statute"),
    "notice_authority": .bool(true),
    "notice_purpose": .bool(true),
    "notice_contact": .bool(true),
    "storage_location": .choice("canada"),
    "retention_class": .choice("assigned"),
  ]

  /// The safe pilot with de-identified information and one safe flow (on
  /// one system in Canada); `changes` to the flow's system answers
  /// (`storage_location`, `contract_safeguards`) go to its system.
  static func withFlow(_ changes: [String: AnswerValue] = [:]) -> [String: AnswerValue] {
    var answers = safePilot
    answers["personal_information"] = .choice("deidentified")
    answers["full_pia_before_pi"] = .bool(true)
    answers["data_flows"] = .entries([
      GroupEntry(id: "flow-1", values: safeFlow.merging(changes) { $1 })
    ])
    return inSystems(answers)
  }

  /// The flows' system answers (`destination`, `storage_location`,
  /// `contract_safeguards`, written in each flow for brevity) moved to one
  /// system per flow, as the answers file's format 2 keeps them.
  static func inSystems(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
    guard case .entries(var flows)? = answers["data_flows"] else { return answers }
    var systems: [GroupEntry] = []
    if case .entries(let listed)? = answers["system_inventory"] { systems = listed }
    for index in flows.indices {
      var values: [String: AnswerValue] = [:]
      for (from, to) in [
        ("destination", "system_name"), ("storage_location", "storage_location"),
        ("contract_safeguards", "contract_safeguards"),
      ] {
        if let value = flows[index].values.removeValue(forKey: from) { values[to] = value }
      }
      guard !values.isEmpty else { continue }
      values["system_name"] = values["system_name"] ?? .text("System of \(flows[index].id)")
      let id = "system_inventory-\(systems.count + 1)"
      systems.append(GroupEntry(id: id, values: values))
      flows[index].values["system"] = .choice(id)
    }
    var result = answers
    result["data_flows"] = .entries(flows)
    if !systems.isEmpty { result["system_inventory"] = .entries(systems) }
    return result
  }

  static func assess(
    _ answers: [String: AnswerValue], questionnaire: String = "ai-assistant",
    date: CalendarDate = RiskFixtures.date, staleAfter: Int = 180
  ) -> Assessment {
    engine(questionnaire).assess(
      answers: inSystems(answers), asOf: date, staleAfterDays: staleAfter)
  }
}

extension Dictionary where Key == String, Value == AnswerValue {
  func with(_ changes: [String: AnswerValue]) -> Self { merging(changes) { $1 } }
}

extension RiskFixtures {
  /// Scores an answers file on disk with the shipped content, as of `date`
  /// (default: the file's assessment date).
  static func score(_ url: URL, date: CalendarDate? = nil) throws -> Assessment {
    let session = try Fixtures.session(url, content: catalog)
    return session.assessment(asOf: try session.assessmentDate(override: date))
  }
}
