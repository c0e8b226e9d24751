import Foundation
import Testing

@testable import PIAKit

/// The cases of issue 12, each an answers file in `Fixtures/judgment/`: the
/// level or verdict a privacy lead would expect, and the finding and
/// citation that explain it.
@Suite struct JudgmentCaseTests {
  static let folder = RiskFixtures.packageRoot.appendingPathComponent(
    "Tests/PIAKitTests/Fixtures/judgment")
  static let printer = CitationPrinter(law: RiskFixtures.catalog.law)

  func score(_ name: String) throws -> Assessment {
    let url = Self.folder.appendingPathComponent("\(name).pia.yaml")
    return try RiskFixtures.score(url)
  }

  func finding(_ assessment: Assessment, _ rule: String) throws -> Finding {
    try #require(
      assessment.findings.first { $0.ruleID == rule },
      "no \(rule) among \(assessment.findings.map(\.key))")
  }

  func citation(_ finding: Finding) -> String { Self.printer.cite(all: finding.citations) }

  /// The report model of a fixture, as `pia render` builds it.
  func model(_ name: String, assessment: Assessment) throws -> ReportModel {
    let url = Self.folder.appendingPathComponent("\(name).pia.yaml")
    let session = try Fixtures.session(url, content: RiskFixtures.catalog)
    return ReportModel(
      questionnaire: session.questionnaire, answers: session.file, assessment: assessment,
      law: RiskFixtures.catalog.law, date: assessment.asOf)
  }

  // MARK: The general PIA

  @Test func generalPIAWithEverySafeguardUnsafeDoesNotProceed() throws {
    let assessment = try score("general-every-safeguard-unsafe")
    #expect(assessment.conclusion.verdict == .doNotProceed)
    #expect(assessment.overallResidual >= .high)
    let pib = try finding(assessment, "pib-not-in-index")
    #expect(pib.blocker && pib.established)
    #expect(citation(pib).contains("MFIPPA s. 34(1)"))
    #expect(citation(pib).contains("MFIPPA s. 48(1)(b)"))
    #expect(assessment.conclusion.blockers == ["pib-not-in-index"])
    let expected: [(String, String)] = [
      ("vendor-breach-notice-missing", "Reg. 823, s. 3(1)"),
      ("no-secure-disposal", "MFIPPA s. 30(4)"),
      ("no-breach-plan", "Reg. 823, s. 3(1)"),
    ]
    for (rule, cite) in expected {
      let found = try finding(assessment, rule)
      #expect(found.established)
      #expect(citation(found).contains(cite), "\(rule): \(citation(found))")
    }
    let access = try finding(assessment, "unauthorized-access")
    #expect(access.mitigations.contains { $0.id == "audit-logging" && !$0.inPlace })
    // No analysis section says "no risk" about what the answers show is missing.
    let topics = try model("general-every-safeguard-unsafe", assessment: assessment).analysis
    for title in ["Security", "Retention and disposal", "Personal information banks"] {
      let topic = try #require(topics.first { $0.title == title }, "\(title)")
      #expect(!topic.findings.isEmpty, "\(title) reports no risk")
    }
  }

  @Test func generalPIAWithEverySafeguardInPlaceProceeds() throws {
    let assessment = try score("general-safe")
    #expect(assessment.conclusion.verdict == .proceed, "\(assessment.conclusion.reasons)")
    #expect(assessment.overallResidual == .low)
    // The hazard stays in the register, low, with its mitigations in place.
    let access = try finding(assessment, "unauthorized-access")
    #expect(access.inherent > access.residual)
    #expect(access.mitigations.allSatisfy { $0.inPlace })
  }

  @Test func aBankMissingFromTheIndexIsAConditionWhilePlanned() throws {
    let assessment = try score("pib-index-while-planning")
    let pib = try finding(assessment, "pib-not-in-index")
    #expect(!pib.blocker)
    #expect(pib.residual < .high)
    #expect(assessment.conclusion.verdict == .proceedWithConditions)
  }

  @Test func aSystemInProcurementHasConditionsNotBlockers() throws {
    let assessment = try score("system-in-procurement")
    #expect(assessment.conclusion.verdict == .proceedWithConditions)
    let agreement = try finding(assessment, "no-vendor-agreement")
    #expect(agreement.residual == .medium)
    let notice = try finding(assessment, "notice-not-given")
    #expect(notice.residual == .medium)
    #expect(assessment.conclusion.blockers.isEmpty)
    // The same gaps once the system operates are high.
    var answers = RiskFixtures.safeGeneral
    answers["vendor_handles_pi"] = .bool(true)
    answers["vendor_agreement"] = .bool(false)
    answers["vendor_agreement_status"] = .choice("in_negotiation")
    answers["vendor_breach_notice"] = .bool(true)
    let operating = RiskFixtures.assess(answers, questionnaire: "mfippa-pia")
    #expect(try finding(operating, "no-vendor-agreement").residual == .high)
  }

  @Test func collectionForLawEnforcementNeedsNoNotice() throws {
    let assessment = try score("law-enforcement-collection")
    let ids = assessment.findings.map(\.ruleID)
    #expect(!ids.contains("flow-notice-incomplete"))
    #expect(!ids.contains("notice-not-given"))
    let notice = try model("law-enforcement-collection", assessment: assessment).notice
    #expect(!notice.required)
    #expect(notice.exemption.contains("MFIPPA s. 29(3)"))
  }

  // MARK: AI tools that scored low on the landed engine

  @Test func identifiableHealthInformationIsAtLeastHigh() throws {
    let assessment = try score("ai-health-information")
    #expect(assessment.overallResidual >= .high)
    let sensitive = try finding(assessment, "sensitive-information-at-vendor")
    #expect(sensitive.residual >= .high && sensitive.established)
    #expect(citation(sensitive).contains("MFIPPA s. 2(1) (\"personal information\", cls. (a)–(g))"))
  }

  @Test func noBasisForTheVendorAndANewPurposeDoNotProceed() throws {
    let assessment = try score("ai-no-basis-new-purpose")
    #expect(assessment.conclusion.verdict == .doNotProceed)
    #expect(assessment.conclusion.blockers == ["vendor-disclosure-no-basis"])
    #expect(assessment.conclusion.reasons.first?.contains("(MFIPPA s. 32)") == true)
    let purpose = try finding(assessment, "ai-new-purpose")
    #expect(purpose.residual >= .high)
    #expect(citation(purpose).hasPrefix("MFIPPA s. 31"))
  }

  @Test func decisionsWithoutHumanReviewAreAtLeastHigh() throws {
    let assessment = try score("ai-decisions-no-human-review")
    let output = try finding(assessment, "ai-output-inaccurate")
    #expect(output.residual >= .high)
    #expect(output.mitigations.contains { $0.id == "human-review-of-decisions" && !$0.inPlace })
    #expect(citation(output).contains("MFIPPA s. 30(2)"))
  }

  @Test func noBreachPlanNoSignOnUnmanagedDevicesIsAtLeastHigh() throws {
    let assessment = try score("ai-no-breach-plan-sso-devices")
    #expect(assessment.overallResidual >= .high)
    for rule in ["no-ai-breach-plan", "weak-sign-in", "unmanaged-devices"] {
      let found = try finding(assessment, rule)
      #expect(found.established)
      #expect(citation(found).contains("Reg. 823, s. 3(1)"))
    }
    #expect(try finding(assessment, "unmanaged-devices").residual >= .high)
  }

  @Test func noProcessorTermsIsAtLeastHigh() throws {
    let assessment = try score("ai-no-processor-terms")
    let terms = try finding(assessment, "vendor-not-bound-as-processor")
    #expect(terms.residual >= .high)
    #expect(citation(terms).contains("MFIPPA s. 32"))
  }

  @Test func trainingOnScoresAboveTrainingOff() throws {
    let on = try score("ai-consumer-training-on")
    let off = try score("ai-consumer-training-off")
    let trainingOn = try finding(on, "content-trains-models")
    let trainingOff = try finding(off, "content-trains-models")
    #expect(trainingOn.residual >= .high)
    #expect(trainingOff.residual < .high)
    #expect(trainingOn.residual > trainingOff.residual)
    #expect(on.overallResidual > off.overallResidual)
    #expect(off.findings.contains { $0.ruleID == "consumer-plan" })
  }

  @Test func aMitigatedHazardStaysInTheRegister() throws {
    let assessment = try score("ai-outside-canada-mitigated")
    let abroad = try finding(assessment, "ai-data-outside-canada")
    #expect(abroad.inherent > abroad.residual)
    #expect(abroad.mitigations.allSatisfy { $0.inPlace })
    #expect(assessment.actions.isEmpty)
    #expect(assessment.conclusion.verdict == .proceed)
  }

  // MARK: Completeness

  @Test func authorityNotEstablishedIsIncompleteNeverProceed() throws {
    let assessment = try score("authority-not-established")
    #expect(assessment.conclusion.verdict == .incomplete)
    let authority = try finding(assessment, "flow-no-authority")
    #expect(!authority.established)
    #expect(authority.unanswered == ["data_flows.authority@data_flows-1"])
    #expect(assessment.conclusion.blockers.isEmpty)
    #expect(
      assessment.conclusion.missing.contains { $0.question == "data_flows.authority@data_flows-1" })
    let model = try model("authority-not-established", assessment: assessment)
    #expect(model.conclusion.authorized.hasPrefix("Not established"))
    #expect(model.conclusion.recommendation == .incomplete)
    let row = try #require(model.findings.first { $0.title.hasPrefix("No legal authority") })
    #expect(row.notEstablished?.contains("not a finding of fact") == true)
  }

  @Test func requiredQuestionsUnansweredAreListed() throws {
    let assessment = try score("required-unanswered")
    #expect(assessment.conclusion.verdict == .incomplete)
    #expect(assessment.conclusion.label == "Incomplete")
    let missing = assessment.conclusion.missing.map(\.question)
    #expect(missing == ["head_or_delegate", "next_review_date"])
  }

  /// A data flow's storage is answered for its system (`choices_from`): a
  /// system whose storage is not answered yet, or a flow with no system
  /// picked, leaves "stored outside Canada" not yet established, waiting for
  /// the system's answer or for the pick.
  @Test func aFlowWaitsForItsSystemsStorageNotReadAsOutsideCanada() throws {
    var answers = RiskFixtures.withFlow()
    answers["system_inventory"] = .entries([
      GroupEntry(id: "system_inventory-1", values: ["system_name": .text("Case platform")])
    ])
    var unpicked = RiskFixtures.safeFlow
    unpicked["data_element"] = .text("Applicant income")
    unpicked["storage_location"] = nil
    answers["data_flows"] = .entries([
      GroupEntry(
        id: "flow-1",
        values: RiskFixtures.safeFlow.merging(["system": .choice("system_inventory-1")]) { $1 }
          .filter { $0.key != "storage_location" }),
      GroupEntry(id: "flow-2", values: unpicked),
    ])
    let assessment = RiskFixtures.assess(answers)
    let outside = assessment.findings.filter { $0.ruleID == "flow-outside-canada" }
    #expect(outside.count == 2)
    #expect(outside.allSatisfy { !$0.established })
    #expect(
      outside.map(\.unanswered) == [
        ["system_inventory.storage_location@system_inventory-1"], ["data_flows.system@flow-2"],
      ])
    #expect(assessment.conclusion.verdict == .incomplete)
    // Answered "in Canada" for the system: nothing to wait for on flow 1.
    answers["system_inventory"] = .entries([
      GroupEntry(
        id: "system_inventory-1",
        values: ["system_name": .text("Case platform"), "storage_location": .choice("canada")])
    ])
    let answered = RiskFixtures.assess(answers).findings.filter {
      $0.ruleID == "flow-outside-canada"
    }
    #expect(answered.map(\.unanswered) == [["data_flows.system@flow-2"]])
  }

  // MARK: Approvals

  @Test func approvalsFollowTheVerdict() throws {
    let high = try score("high-residual-only")
    #expect(high.conclusion.verdict == .doNotProceed)
    #expect(high.conclusion.onlyResidualRisk)
    let approve = ApprovalPolicy.Request(role: .head, decision: .approved)
    #expect(throws: ApprovalPolicy.Refusal.self) {
      try ApprovalPolicy.check(approve, conclusion: high.conclusion)
    }
    let accept = ApprovalPolicy.Request(
      role: .head, decision: .approved, acceptsRisk: true,
      reason: "Records staff only; reviewed quarterly", delegation: "By-law 2019-47")
    try ApprovalPolicy.check(accept, conclusion: high.conclusion)
    var noReason = accept
    noReason.reason = " "
    #expect(throws: ApprovalPolicy.Refusal.self) {
      try ApprovalPolicy.check(noReason, conclusion: high.conclusion)
    }
    var notHead = accept
    notHead.role = .privacyLead
    #expect(throws: ApprovalPolicy.Refusal.self) {
      try ApprovalPolicy.check(notHead, conclusion: high.conclusion)
    }
    // A compliance blocker or an incomplete assessment can never be accepted.
    for name in ["ai-no-basis-new-purpose", "required-unanswered"] {
      let conclusion = try score(name).conclusion
      #expect(throws: ApprovalPolicy.Refusal.self) {
        try ApprovalPolicy.check(accept, conclusion: conclusion)
      }
      #expect(throws: ApprovalPolicy.Refusal.self) {
        try ApprovalPolicy.check(approve, conclusion: conclusion)
      }
    }
    // A rejection is always possible.
    try ApprovalPolicy.check(
      .init(role: .head, decision: .rejected, reason: "No"), conclusion: high.conclusion)
  }

  @Test func theHeadsAcceptanceChangesTheVerdictForTheseAnswersOnly() throws {
    let high = try score("high-residual-only")
    let url = Self.folder.appendingPathComponent("high-residual-only.pia.yaml")
    let answers = try Fixtures.session(url, content: RiskFixtures.catalog).file.answers
    let acceptance = Approval(
      role: .head, name: "Martin Osei", decision: .approved, reason: "Records staff only",
      date: CalendarDate(year: 2026, month: 4, day: 2)!, answersHash: AnswersHash(answers),
      delegation: "By-law 2019-47", acceptsRisk: true)
    let accepted = high.applyingApprovals([acceptance], currentHash: AnswersHash(answers))
    #expect(accepted.conclusion.verdict != .doNotProceed)
    #expect(accepted.conclusion.label.hasSuffix("residual risk accepted by the head's delegate"))
    #expect(accepted.conclusion.reasons.last?.contains("Records staff only") == true)
    // Once the answers change, the acceptance no longer applies.
    var changed = answers
    changed["pilot_users"] = .choice("department")
    #expect(
      high.applyingApprovals([acceptance], currentHash: AnswersHash(changed)).conclusion.verdict
        == .doNotProceed)
  }

  // MARK: Fit

  @Test func aChatToolIsNotToldToAskBeforeActing() throws {
    let assessment = try score("chat-tool-no-agent")
    let titles = assessment.findings.flatMap(\.mitigations).map(\.id)
    #expect(!titles.contains("ask-before-acting-on"))
    #expect(!assessment.findings.contains { $0.ruleID == "ask-before-acting-off" })
  }

  @Test func aFacialRecognitionSystemIsNotToldToUseOneFolder() throws {
    let url = RiskFixtures.packageRoot.appendingPathComponent(
      "Tests/PIAKitTests/Fixtures/published/tps-facial-recognition.pia.yaml")
    let result = try RiskFixtures.score(url)
    let scope = try finding(result, "records-system-in-scope")
    #expect(!scope.mitigations.contains { $0.id == "scope-to-admin-folder" })
    #expect(scope.mitigations.contains { $0.id == "scope-to-needed-data" })
    #expect(!result.findings.contains { $0.ruleID == "notice-not-given" })
    #expect(!result.findings.contains { $0.ruleID == "flow-notice-incomplete" })
  }

  @Test func recipientsNoneSkipsTheDisclosureGround() {
    let answers = RiskFixtures.withFlow(["has_recipients": .bool(false)])
    let engine = RiskFixtures.engine()
    let effective = engine.effectiveAnswers(
      answers.with([
        "data_flows": .entries([
          GroupEntry(
            id: "flow-1",
            values: RiskFixtures.safeFlow.merging([
              "has_recipients": .bool(false), "disclosure_ground": .choice("none_identified"),
            ]) { $1 })
        ])
      ]))
    guard case .entries(let entries)? = effective["data_flows"] else {
      Issue.record("no flows")
      return
    }
    #expect(entries.first?.values["disclosure_ground"] == nil)
    #expect(!RiskFixtures.assess(answers).findings.contains { $0.ruleID.hasPrefix("flow-disc") })
  }

  // MARK: Law dated by the law

  @Test func aBillIsCitedOnlyFromItsIntroduction() throws {
    let law = RiskFixtures.catalog.law
    let before = CalendarDate(year: 2026, month: 2, day: 20)!
    let after = CalendarDate(year: 2026, month: 4, day: 15)!
    #expect(!law.isCitable("bill97-sched11", on: before))
    #expect(law.isCitable("bill97-sched11", on: after))
    #expect(law.regimesPending(on: before).isEmpty)
    let pending = try #require(law.regimesPending(on: after).first)
    let status = pending.pendingStatus(on: after)
    #expect(status.hasPrefix("Introduced 2026-03-26; not yet passed on the assessment date"))
    #expect(status.contains("if and when in force"))
    let later = CalendarDate(year: 2026, month: 6, day: 1)!
    #expect(pending.pendingStatus(on: later).contains("Royal Assent 2026-04-24"))
    // A finding citing the bill prints it only when the bill exists.
    let printer = CitationPrinter(law: law, on: before)
    #expect(!printer.cite(all: ["reg823-s3-1", "bill97-sched11"]).contains("2026, c. 2"))
  }
}
