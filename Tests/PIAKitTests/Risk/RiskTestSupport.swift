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
  /// every safeguard on and every required question answered. Its only
  /// findings are hazards the pilot really carries (wrong AI output), low
  /// with every mitigation in place; its verdict is "proceed".
  static let safePilot: [String: AnswerValue] = [
    "project_title": .text("Council report drafting pilot"),
    "institution_name": .text("Town of Westbrook"),
    "program_owner_role": .text("Clerk's Department, Deputy Clerk"),
    "privacy_lead": .text("Privacy Coordinator"),
    "assessment_date": .date(CalendarDate(daysSinceEpoch: 20_544)),
    "uses_ai_tool": .bool(true),
    "ai_vendor": .choice("anthropic"),
    "ai_tool_kind": .choice("desktop_agent"),
    "ai_product": .text("Desktop app, one folder"),
    "plan_tier": .choice("team"),
    "training_opt_in": .bool(false),
    "vendor_processor_terms": .bool(true),
    "zero_data_retention": .bool(false),
    "ai_data_location": .choice("outside_canada"),
    "vendor_facts_checked": .date(CalendarDate(daysSinceEpoch: 20_530)),
    "vendor_facts_checked_by": .text("Privacy Coordinator"),
    "personal_accounts": .bool(false),
    "ai_tasks": .choices(["council_reports"]),
    "agent_mode": .choice("not_available"),
    "access_scope": .choice("admin_folder"),
    "can_modify_files": .bool(false),
    "foi_records_in_scope": .bool(false),
    "personal_information": .choice("none"),
    "other_pi_in_project": .bool(false),
    "ai_use_policy": .bool(true),
    "ai_user_training": .bool(true),
    "ai_sso_mfa": .bool(true),
    "managed_devices": .bool(true),
    "telemetry_monitoring": .bool(true),
    "telemetry_data_governed": .bool(true),
    "vendor_telemetry_known": .bool(true),
    "output_signoff": .bool(true),
    "output_quality_testing": .bool(true),
    "label_ai_content": .bool(true),
    "ai_registry": .bool(true),
    "ai_breach_plan": .bool(true),
    "local_history_handling": .choice("exported_to_records_system"),
    "compliance_api_enabled": .bool(false),
    "ai_retention_class_assigned": .bool(true),
    "vendor_retention_matches": .bool(true),
    "legal_hold": .bool(true),
    "foi_retrieval": .choice("compliance_api"),
    "ai_disposal": .bool(true),
    "pilot_users": .choice("named_admin_pilot"),
    "non_staff_users": .bool(false),
    "new_features_assessed": .bool(true),
    "head_or_delegate": .text("Town Clerk, delegate of the head under By-law 2019-47"),
    "privacy_coordinator": .text("Privacy Coordinator"),
    "coordinator_advice": .text("Proceed."),
    "program_owner_signoff": .text("Deputy Clerk"),
    "next_review_date": .date(CalendarDate(daysSinceEpoch: 20_726)),
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
    "has_recipients": .bool(false),
    "retention_class": .choice("assigned"),
  ]

  /// The safe pilot with de-identified information and one safe flow (on
  /// one system in Canada); `changes` to the flow's system answers
  /// (`storage_location`, `contract_safeguards`) go to its system.
  static func withFlow(_ changes: [String: AnswerValue] = [:]) -> [String: AnswerValue] {
    var answers = safePilot
    answers["personal_information"] = .choice("deidentified")
    answers["decisions_about_individuals"] = .bool(false)
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

  /// A general PIA of a system already in operation, with no AI tool, every
  /// safeguard in place and one safe flow.
  static let safeGeneral: [String: AnswerValue] = [
    "project_title": .text("Recreation registration"),
    "institution_name": .text("Town of Westbrook"),
    "institution_type": .choice("municipality"),
    "program_owner_role": .text("Community Services, Manager of Recreation"),
    "privacy_lead": .text("Privacy Coordinator"),
    "assessment_date": .date(CalendarDate(daysSinceEpoch: 20_544)),
    "handles_pi": .bool(true),
    "pi_activities": .choices(["collect", "use", "retain"]),
    "oral_pi": .bool(false),
    "prompt_pi": .bool(false),
    "public_record_purpose": .bool(false),
    "uses_ai_tool": .bool(false),
    "project_purpose": .text("Online registration for recreation programs."),
    "project_stage": .choice("in_operation"),
    "population_size": .choice("hundreds"),
    "vendor_handles_pi": .bool(false),
    "data_flows": .entries([GroupEntry(id: "flow-1", values: safeFlow)]),
    "program_authority": .text("Recreation By-law 2020-11"),
    "notice_channels": .choices(["on_form"]),
    "use_basis": .choice("original_purpose"),
    "need_to_know_access": .bool(true),
    "retention_by_law": .text("Records Retention By-law 2019-02"),
    "minimum_retention_met": .bool(true),
    "access_correction_process": .bool(true),
    "records_preservation": .bool(true),
    "secure_disposal": .bool(true),
    "security_documented": .bool(true),
    "sso_mfa": .bool(true),
    "role_based_access": .bool(true),
    "encryption": .bool(true),
    "audit_logging": .bool(true),
    "privacy_training": .bool(true),
    "backup_protection": .bool(true),
    "pib_impact": .choice("changes_existing_pib"),
    "pib_name": .text("Recreation registrations"),
    "pib_index_updated": .bool(true),
    "breach_plan": .bool(true),
    "deidentification_approach": .choice("identifiable_needed"),
    "head_or_delegate": .text("Town Clerk, delegate of the head under By-law 2019-47"),
    "privacy_coordinator": .text("Privacy Coordinator"),
    "coordinator_advice": .text("Proceed."),
    "advice_outcome": .choice("accepted"),
    "program_owner_signoff": .text("Manager of Recreation"),
    "next_review_date": .date(CalendarDate(daysSinceEpoch: 20_726)),
  ]

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
