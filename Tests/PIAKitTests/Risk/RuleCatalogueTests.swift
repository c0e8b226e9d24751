import Foundation
import Testing

@testable import PIAKit

/// Every shipped rule fires on a minimal answer set and not on its negation.
@Suite struct ShippedRuleTests {
  /// Rule id → (answers that make it fire, the same with the trigger negated).
  static let cases: [String: (fire: [String: AnswerValue], negated: [String: AnswerValue])] = {
    let s = RiskFixtures.safePilot
    let flow = RiskFixtures.withFlow
    return [
      "consumer-plan": (
        s.with(["plan_tier": .choice("pro"), "consumer_training_opt_out": .bool(true)]),
        s.with(["plan_tier": .choice("team")])
      ),
      "content-trains-models": (
        s.with(["plan_tier": .choice("free"), "consumer_training_opt_out": .bool(false)]),
        s.with(["plan_tier": .choice("enterprise")])
      ),
      "records-system-in-scope": (
        s.with(["access_scope": .choice("records_system")]),
        s.with(["access_scope": .choice("shared_drive")])
      ),
      "whole-device-scope": (
        s.with(["access_scope": .choice("whole_device")]),
        s.with(["access_scope": .choice("property_system")])
      ),
      "pi-without-assessment": (
        s.with([
          "personal_information": .choice("identifiable"), "full_pia_before_pi": .bool(false),
        ]),
        s.with([
          "personal_information": .choice("identifiable"), "full_pia_before_pi": .bool(true),
        ])
      ),
      "foi-history-not-retrievable": (
        s.with(["foi_records_in_scope": .bool(true), "foi_retrieval": .choice("none")]),
        s.with(["foi_records_in_scope": .bool(false), "foi_retrieval": .choice("none")])
      ),
      "local-history-no-retention": (
        s.with(["local_history_handling": .choice("not_addressed")]),
        s.with(["local_history_handling": .choice("retention_rule_applied")])
      ),
      "no-activity-monitoring": (
        s.with(["telemetry_monitoring": .bool(false)]),
        s.with(["telemetry_monitoring": .bool(true)])
      ),
      "ask-before-acting-off": (
        s.with(["ask_before_acting": .bool(false)]),
        s.with(["ask_before_acting": .bool(true)])
      ),
      "no-ai-use-policy": (
        s.with(["ai_use_policy": .bool(false)]),
        s.with(["ai_use_policy": .bool(true)])
      ),
      "outputs-without-signoff": (
        s.with(["output_signoff": .bool(false)]),
        s.with(["output_signoff": .bool(true)])
      ),
      "all-staff-rollout": (
        s.with(["pilot_users": .choice("all_staff")]),
        s.with(["pilot_users": .choice("department")])
      ),
      "personal-accounts": (
        s.with(["personal_accounts": .bool(true)]),
        s.with(["personal_accounts": .bool(false)])
      ),
      "flow-no-authority": (
        flow(["authority": .choice("none")]),
        flow(["authority": .choice("necessary_lawful_activity")])
      ),
      "flow-indirect-no-exception": (
        flow(["collected_directly": .bool(false), "indirect_exception": .choice("none")]),
        flow(["collected_directly": .bool(false), "indirect_exception": .choice("other_statute")])
      ),
      "flow-notice-incomplete": (
        flow(["notice_contact": .bool(false)]),
        flow(["notice_contact": .bool(true)])
      ),
      "flow-outside-canada-no-contract": (
        flow(["storage_location": .choice("outside_canada"), "contract_safeguards": .bool(false)]),
        flow(["storage_location": .choice("outside_canada"), "contract_safeguards": .bool(true)])
      ),
      "flow-no-retention-class": (
        flow(["retention_class": .choice("none_assigned")]),
        flow(["retention_class": .choice("assigned")])
      ),
    ]
  }()

  @Test func shippedContentValidates() {
    let errors = RiskFixtures.catalog.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    #expect(RiskFixtures.catalog.rules.rules.count >= 18)
    #expect(RiskFixtures.catalog.vendors.vendor("anthropic") != nil)
  }

  @Test func everyShippedRuleHasACase() {
    let shipped = Set(RiskFixtures.catalog.rules.rules.map(\.id))
    #expect(shipped == Set(Self.cases.keys))
  }

  @Test(arguments: Array(cases.keys).sorted())
  func ruleFiresAndNegationDoesNot(_ id: String) throws {
    let (fire, negated) = try #require(Self.cases[id])
    let fired = RiskFixtures.assess(fire).findings.map(\.ruleID)
    #expect(fired.contains(id), "\(id) should fire; fired: \(fired)")
    let quiet = RiskFixtures.assess(negated).findings.map(\.ruleID)
    #expect(!quiet.contains(id), "\(id) should not fire on its negation; fired: \(quiet)")
  }

  @Test func safeBasesHaveNoFindings() {
    #expect(RiskFixtures.assess(RiskFixtures.safePilot).findings.isEmpty)
    #expect(RiskFixtures.assess(RiskFixtures.withFlow()).findings.isEmpty)
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
    #expect(assessment.findings.isEmpty, "\(assessment.findings.map(\.key))")
    #expect(assessment.screening.outcome == .required)
  }
}
