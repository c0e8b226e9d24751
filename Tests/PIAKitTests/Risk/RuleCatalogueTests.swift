import Foundation
import Testing

@testable import PIAKit

/// Every shipped rule fires on a minimal answer set and not on its negation.
@Suite struct ShippedRuleTests {
  /// One case: answers that make the rule fire, the same with the trigger
  /// negated, and the questionnaire they answer.
  struct Case {
    var fire: [String: AnswerValue]
    var negated: [String: AnswerValue]
    var questionnaire = "ai-assistant"
  }

  /// Rule id → its case.
  static let cases: [String: Case] = {
    let s = RiskFixtures.safePilot
    let pi = s.with([
      "personal_information": .choice("identifiable"), "decisions_about_individuals": .bool(false),
      "ai_purpose_fit": .choice("original_purpose"),
      "vendor_disclosure_basis": .choice("service_provider_contract"),
      "ai_data_location": .choice("canada"), "full_pia_before_pi": .bool(true),
    ])
    let flow = RiskFixtures.withFlow
    let g = RiskFixtures.safeGeneral
    func general(_ fire: [String: AnswerValue], _ negated: [String: AnswerValue]) -> Case {
      Case(fire: g.with(fire), negated: g.with(negated), questionnaire: "mfippa-pia")
    }
    func gflow(_ fire: [String: AnswerValue], _ negated: [String: AnswerValue]) -> Case {
      Case(
        fire: g.with([
          "data_flows": .entries([
            GroupEntry(id: "flow-1", values: RiskFixtures.safeFlow.merging(fire) { $1 })
          ])
        ]),
        negated: g.with([
          "data_flows": .entries([
            GroupEntry(id: "flow-1", values: RiskFixtures.safeFlow.merging(negated) { $1 })
          ])
        ]), questionnaire: "mfippa-pia")
    }
    return [
      "consumer-plan": Case(
        fire: s.with(["plan_tier": .choice("pro"), "consumer_training_opt_out": .bool(true)]),
        negated: s.with(["plan_tier": .choice("team")])),
      "vendor-terms-not-on-file": Case(
        fire: s.with(["ai_vendor": .choice("other")]),
        negated: s.with(["ai_vendor": .choice("openai")])),
      "content-trains-models": Case(
        fire: s.with(["plan_tier": .choice("free"), "consumer_training_opt_out": .bool(false)]),
        negated: s.with(["plan_tier": .choice("enterprise")])),
      "records-system-in-scope": Case(
        fire: s.with(["access_scope": .choice("records_system")]),
        negated: s.with(["access_scope": .choice("shared_drive")])),
      "whole-device-scope": Case(
        fire: s.with(["access_scope": .choice("whole_device")]),
        negated: s.with(["access_scope": .choice("property_system")])),
      "pi-without-assessment": Case(
        fire: pi.with(["full_pia_before_pi": .bool(false)]),
        negated: pi.with(["full_pia_before_pi": .bool(true)])),
      "foi-history-not-retrievable": Case(
        fire: s.with(["foi_records_in_scope": .bool(true), "foi_retrieval": .choice("none")]),
        negated: s.with(["foi_records_in_scope": .bool(false), "foi_retrieval": .choice("none")])),
      "local-history-no-retention": Case(
        fire: s.with(["local_history_handling": .choice("not_addressed")]),
        negated: s.with(["local_history_handling": .choice("retention_rule_applied")])),
      "ai-records-no-retention-class": Case(
        fire: s.with(["ai_retention_class_assigned": .bool(false)]),
        negated: s.with(["ai_retention_class_assigned": .bool(true)])),
      "vendor-retention-mismatch": Case(
        fire: pi.with(["vendor_retention_matches": .bool(false)]),
        negated: pi.with(["vendor_retention_matches": .bool(true)])),
      "activity-not-accounted-for": Case(
        fire: s.with(["agent_mode": .choice("enabled_deliberately")]),
        negated: s.with(["agent_mode": .choice("not_available")])),
      "ask-before-acting-off": Case(
        fire: s.with([
          "agent_mode": .choice("enabled_deliberately"), "ask_before_acting": .bool(false),
        ]),
        negated: s.with([
          "agent_mode": .choice("enabled_deliberately"), "ask_before_acting": .bool(true),
        ])),
      "agent-mode-not-decided": Case(
        fire: s.with(["agent_mode": .choice("enabled_by_default")]),
        negated: s.with(["agent_mode": .choice("enabled_deliberately")])),
      "no-ai-use-policy": Case(
        fire: s.with(["ai_use_policy": .bool(false)]),
        negated: s.with(["ai_use_policy": .bool(true)])),
      "ai-output-inaccurate": Case(
        fire: s, negated: s.with(["ai_tasks": .choices([])])),
      "sensitive-information-at-vendor": Case(
        fire: pi.with(["sensitive_categories": .choices(["health"])]),
        negated: pi.with(["sensitive_categories": .choices([])])),
      "vendor-disclosure-no-basis": Case(
        fire: pi.with(["vendor_disclosure_basis": .choice("none_identified")]),
        negated: pi.with(["vendor_disclosure_basis": .choice("consent")])),
      "vendor-not-bound-as-processor": Case(
        fire: pi.with(["vendor_processor_terms": .bool(false)]),
        negated: pi.with(["vendor_processor_terms": .bool(true)])),
      "ai-new-purpose": Case(
        fire: pi.with(["ai_purpose_fit": .choice("new_purpose")]),
        negated: pi.with(["ai_purpose_fit": .choice("consistent_purpose")])),
      "ai-data-outside-canada": Case(
        fire: pi.with(["ai_data_location": .choice("unknown")]),
        negated: pi.with(["ai_data_location": .choice("canada")])),
      "vendor-telemetry-unknown": Case(
        fire: s.with(["vendor_telemetry_known": .bool(false)]),
        negated: s.with(["vendor_telemetry_known": .bool(true)])),
      "weak-sign-in": Case(
        fire: s.with(["ai_sso_mfa": .bool(false)]), negated: s.with(["ai_sso_mfa": .bool(true)])),
      "unmanaged-devices": Case(
        fire: s.with(["managed_devices": .bool(false)]),
        negated: s.with(["managed_devices": .bool(true)])),
      "no-ai-breach-plan": Case(
        fire: s.with(["ai_breach_plan": .bool(false)]),
        negated: s.with(["ai_breach_plan": .bool(true)])),
      "ai-content-unlabelled": Case(
        fire: s.with(["label_ai_content": .bool(false)]),
        negated: s.with([
          "label_ai_content": .bool(false), "ai_tasks": .choices(["grant_applications"]),
        ])),
      "not-in-ai-register": Case(
        fire: s.with(["ai_registry": .bool(false)]), negated: s.with(["ai_registry": .bool(true)])),
      "non-staff-users": Case(
        fire: s.with(["non_staff_users": .bool(true)]),
        negated: s.with(["non_staff_users": .bool(false)])),
      "new-features-unassessed": Case(
        fire: s.with(["new_features_assessed": .bool(false)]),
        negated: s.with(["new_features_assessed": .bool(true)])),
      "no-ai-disposal": Case(
        fire: s.with(["ai_disposal": .bool(false)]), negated: s.with(["ai_disposal": .bool(true)])),
      "zero-retention-claim-unsupported": Case(
        fire: s.with(["zero_data_retention": .bool(true)]),
        negated: s.with(["zero_data_retention": .bool(false)])),
      "all-staff-rollout": Case(
        fire: s.with(["pilot_users": .choice("all_staff")]),
        negated: s.with(["pilot_users": .choice("department")])),
      "personal-accounts": Case(
        fire: s.with(["personal_accounts": .bool(true)]),
        negated: s.with(["personal_accounts": .bool(false)])),
      "flow-no-authority": Case(
        fire: flow(["authority": .choice("none")]),
        negated: flow(["authority": .choice("necessary_lawful_activity")])),
      "flow-indirect-no-exception": Case(
        fire: flow(["collected_directly": .bool(false), "indirect_exception": .choice("none")]),
        negated: flow([
          "collected_directly": .bool(false), "indirect_exception": .choice("other_statute"),
        ])),
      "flow-notice-incomplete": Case(
        fire: flow(["notice_contact": .bool(false)]),
        negated: flow(["notice_contact": .bool(false), "authority": .choice("law_enforcement")])),
      "flow-outside-canada": Case(
        fire: flow([
          "storage_location": .choice("outside_canada"), "contract_safeguards": .bool(true),
        ]),
        negated: flow(["storage_location": .choice("canada")])),
      "flow-disclosure-no-ground": Case(
        fire: flow(["has_recipients": .bool(true), "disclosure_ground": .choice("none_identified")]
        ),
        negated: flow([
          "has_recipients": .bool(true), "disclosure_ground": .choice("service_provider_contract"),
        ])),
      "flow-no-retention-class": Case(
        fire: flow(["retention_class": .choice("none_assigned")]),
        negated: flow(["retention_class": .choice("assigned")])),
      "unauthorized-access": general([:], ["handles_pi": .bool(false)]),
      "access-beyond-need-to-know": general(
        ["need_to_know_access": .bool(false)], ["need_to_know_access": .bool(true)]),
      "records-lost-or-damaged": general(
        ["backup_protection": .bool(false)], ["backup_protection": .bool(true)]),
      "no-secure-disposal": general(
        ["secure_disposal": .bool(false)], ["secure_disposal": .bool(true)]),
      "no-breach-plan": general(["breach_plan": .bool(false)], ["breach_plan": .bool(true)]),
      "vendor-breach-notice-missing": general(
        [
          "vendor_handles_pi": .bool(true), "vendor_agreement": .bool(true),
          "vendor_breach_notice": .bool(false),
        ],
        [
          "vendor_handles_pi": .bool(true), "vendor_agreement": .bool(true),
          "vendor_breach_notice": .bool(true),
        ]),
      "no-vendor-agreement": general(
        [
          "vendor_handles_pi": .bool(true), "vendor_agreement": .bool(false),
          "vendor_agreement_status": .choice("in_negotiation"), "vendor_breach_notice": .bool(true),
        ],
        [
          "vendor_handles_pi": .bool(true), "vendor_agreement": .bool(true),
          "vendor_breach_notice": .bool(true),
        ]),
      "regular-disclosures-undocumented": general(
        [
          "pi_activities": .choices(["disclose"]), "regular_disclosures_documented": .bool(false),
        ],
        ["pi_activities": .choices(["disclose"]), "regular_disclosures_documented": .bool(true)]),
      "use-beyond-purpose": general(
        ["use_basis": .choice("new_purpose")], ["use_basis": .choice("consent")]),
      "minimum-retention-not-met": general(
        ["minimum_retention_met": .bool(false)], ["minimum_retention_met": .bool(true)]),
      "records-not-preserved": general(
        ["records_preservation": .bool(false)], ["records_preservation": .bool(true)]),
      "no-access-correction": general(
        ["access_correction_process": .bool(false)], ["access_correction_process": .bool(true)]),
      "oral-collection-without-notice": general(
        ["oral_pi": .bool(true), "oral_notice_script": .bool(false)],
        ["oral_pi": .bool(true), "oral_notice_script": .bool(true)]),
      "notice-not-given": general(
        ["notice_channels": .choices(["drafted_not_given"])],
        ["notice_channels": .choices(["exempt_law_enforcement"])]),
      "minimization-not-considered": general(
        ["deidentification_approach": .choice("not_considered")],
        ["deidentification_approach": .choice("identifiers_removed")]),
      "pib-not-in-index": general(
        ["pib_index_updated": .bool(false)], ["pib_impact": .choice("no_pib")]),
      "prompt-pi-outside-assessment": general(
        ["prompt_pi": .bool(true)], ["prompt_pi": .bool(false)]),
    ]
  }()

  @Test func shippedContentValidates() {
    let errors = RiskFixtures.catalog.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    #expect(RiskFixtures.catalog.rules.rules.count >= 50)
    for vendor in ["anthropic", "microsoft", "openai", "google"] {
      #expect(RiskFixtures.catalog.vendors.vendor(vendor) != nil, "no vendor file for \(vendor)")
    }
  }

  @Test func everyShippedRuleHasACase() {
    let shipped = Set(RiskFixtures.catalog.rules.rules.map(\.id))
    #expect(shipped == Set(Self.cases.keys))
  }

  @Test(arguments: Array(cases.keys).sorted())
  func ruleFiresAndNegationDoesNot(_ id: String) throws {
    let test = try #require(Self.cases[id])
    let fired = RiskFixtures.assess(test.fire, questionnaire: test.questionnaire).findings
    #expect(fired.contains { $0.ruleID == id }, "\(id) should fire; fired: \(fired.map(\.key))")
    let pending = fired.filter { $0.ruleID == id && !$0.established }.map(\.key)
    #expect(pending.isEmpty, "\(id) fires on answers, not on unanswered questions: \(pending)")
    let quiet = RiskFixtures.assess(test.negated, questionnaire: test.questionnaire).findings
    #expect(
      !quiet.contains { $0.ruleID == id },
      "\(id) should not fire on its negation; fired: \(quiet.map(\.key))")
  }

  /// The safe bases carry only hazards they really have, low with every
  /// mitigation in place: no action, and the verdict is "proceed".
  @Test(arguments: ["pilot", "flow", "general"])
  func safeBasesProceed(_ base: String) {
    let assessment =
      switch base {
      case "pilot": RiskFixtures.assess(RiskFixtures.safePilot)
      case "flow": RiskFixtures.assess(RiskFixtures.withFlow())
      default: RiskFixtures.assess(RiskFixtures.safeGeneral, questionnaire: "mfippa-pia")
      }
    #expect(assessment.overallResidual == .low, "\(assessment.findings.map(\.key))")
    #expect(assessment.actions.isEmpty, "\(assessment.actions.map(\.id))")
    #expect(assessment.conclusion.verdict == .proceed, "\(assessment.conclusion.reasons)")
  }

  @Test func sharedRulesRunOnTheGeneralPIA() {
    let answers = RiskFixtures.withFlow(["authority": .choice("none")]).with([
      "handles_pi": .bool(true), "access_scope": .choice("records_system"),
    ])
    let ids = RiskFixtures.assess(answers, questionnaire: "mfippa-pia").findings.map(\.ruleID)
    #expect(ids.contains("flow-no-authority"))
    #expect(ids.contains("records-system-in-scope"))
    #expect(!ids.contains("pi-without-assessment"))
  }

  @Test func aiRulesDoNotRunWithoutAnAITool() {
    let answers: [String: AnswerValue] = [
      "handles_pi": .bool(true), "uses_ai_tool": .bool(false),
      "data_flows": .entries([GroupEntry(id: "flow-1", values: RiskFixtures.safeFlow)]),
    ]
    let assessment = RiskFixtures.assess(answers, questionnaire: "mfippa-pia")
    let ai = Set(
      RiskFixtures.catalog.rules.rules.filter { $0.path.hasSuffix("ai-assistant.yaml") }.map(\.id))
    #expect(
      !assessment.findings.contains { ai.contains($0.ruleID) },
      "\(assessment.findings.map(\.key))")
    #expect(assessment.screening.outcome == .required)
  }
}
