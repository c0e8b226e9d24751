import Foundation
import Testing

@testable import PIAKit

/// Revises the safe admin-folder pilot into a records-system deployment and
/// back, scoring both with the shipped rules and vendor facts.
@Suite struct RevisionFlowTests {
  let catalog = ContentCatalog(resources: RepositoryPaths.shipped)
  let folder = RepositoryPaths.fixtures.appendingPathComponent("revision")

  func load(_ name: String) throws -> AssessmentSession {
    try Fixtures.session(folder.appendingPathComponent(name), content: catalog, path: name)
  }

  func rules() -> MaterialityRules {
    let (rules, diagnostics, files) = MaterialityRules.load(
      resources: RepositoryPaths.shipped, questionnaires: catalog.questionnaires)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(!files.isEmpty)
    return rules
  }

  func compare(_ old: AssessmentSession, _ new: AssessmentSession) throws -> ChangeSummary {
    let engine = try #require(catalog.engine(for: "ai-assistant"))
    let date = try #require(CalendarDate("2026-02-16"))
    return ChangeSummary.scored(
      from: old.file.answers, to: new.file.answers, engine: engine, rules: rules(),
      oldDate: date, newDate: date, fromLabel: "version 1", toLabel: "version 2",
      fromVersion: 1)
  }

  @Test func shippedContentIsClean() {
    #expect(catalog.diagnostics.filter { $0.severity == .error }.isEmpty, "\(catalog.diagnostics)")
  }

  @Test func safePilotToRecordsSystem() throws {
    let summary = try compare(try load("safe-pilot.pia.yaml"), try load("records-system.pia.yaml"))
    #expect(summary.materiality.verdict == .newAssessment)
    let fired = Set(summary.materiality.reasons.map(\.rule))
    for rule in [
      "plan-tier-changed", "wider-access-scope", "identifiable-information",
      "new-sensitive-category", "new-data-flow", "new-task", "riskier-task", "wider-rollout",
      "new-pi-category-in-flows", "residual-rose",
    ] {
      #expect(fired.contains(rule), "expected \(rule) among \(fired.sorted())")
    }
    #expect(!fired.contains("new-vendor"))
    #expect(!fired.contains("storage-outside-canada"))

    let residual = try #require(summary.overallResidual)
    #expect(residual.rose)
    #expect(residual.to == .critical)
    #expect(summary.findingsAppeared.map(\.key).contains("records-system-in-scope"))
    #expect(summary.findingsDisappeared.isEmpty)
    // The answered next review date is the one every document and `pia diff` print; the
    // review policy sets one only when none is answered.
    let later = try load("records-system.pia.yaml").file.answers
    guard case .date(let answered)? = later["next_review_date"] else {
      Issue.record("the fixture answers next_review_date")
      return
    }
    #expect(summary.nextReview == answered)

    let changed = Dictionary(uniqueKeysWithValues: summary.answers.map { ($0.questionID, $0) })
    #expect(changed["plan_tier"]?.kind == .changed)
    #expect(changed["plan_tier"]?.toText?.hasPrefix("Enterprise") == true)
    #expect(changed["sensitive_categories"]?.kind == .added)
    #expect(changed["other_pi_in_project"]?.kind == .removed)
    #expect(changed["ai_tasks"]?.addedChoices == ["records_foi_prep", "resident_casework"])
    let flows = try #require(changed["data_flows"])
    #expect(flows.entries.map(\.entryID) == ["data_flows-2", "data_flows-3"])
    #expect(flows.entries.map(\.kind) == [.changed, .added])
    #expect(flows.entries[0].fields.map(\.fieldID) == ["pi_category"])
    // Unchanged answers are not listed.
    #expect(changed["ai_vendor"] == nil)
    #expect(!summary.vendorFacts.isEmpty)
  }

  @Test func andBackAgain() throws {
    let summary = try compare(try load("records-system.pia.yaml"), try load("safe-pilot.pia.yaml"))
    let residual = try #require(summary.overallResidual)
    #expect(residual.fell)
    #expect(residual.from == .critical)
    #expect(summary.findingsAppeared.isEmpty)
    #expect(summary.findingsDisappeared.map(\.key).contains("records-system-in-scope"))
    let fired = Set(summary.materiality.reasons.map(\.rule))
    // Narrowing the scope raises nothing; the change of tier (and its vendor
    // facts) and the flow now holding contact details remain material.
    #expect(fired == ["plan-tier-changed", "new-pi-category-in-flows", "vendor-terms-changed"])
    #expect(summary.materiality.verdict == .newAssessment)
    let flows = try #require(summary.answers.first { $0.questionID == "data_flows" })
    #expect(flows.entries.map(\.kind) == [.changed, .removed])
  }

  @Test func reorderingIsNotAChange() throws {
    let summary = try compare(
      try load("safe-pilot.pia.yaml"), try load("safe-pilot-reordered.pia.yaml"))
    #expect(summary.answers.isEmpty)
    #expect(summary.findings.isEmpty)
    #expect(summary.isEmpty)
    #expect(summary.materiality.verdict == MaterialityVerdict.none)
    #expect(summary.materiality.reasons.isEmpty)
    #expect(summary.fromHash == summary.toHash)
  }

  @Test func jsonKeysAreStable() throws {
    let summary = try compare(try load("safe-pilot.pia.yaml"), try load("records-system.pia.yaml"))
    guard case .object(let members) = summary.json() else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.0) == [
        "from", "to", "materiality", "overall", "answers", "findings", "vendor_facts",
        "next_review",
      ])
    let text = CanonicalJSON.pretty(summary.json())
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let materiality = parsed?["materiality"] as? [String: Any]
    #expect(materiality?["verdict"] as? String == "new_assessment")
    #expect((materiality?["reasons"] as? [Any])?.isEmpty == false)
    let overall = parsed?["overall"] as? [String: Any]
    #expect(overall?["from"] as? String == "low")
    #expect(overall?["to"] as? String == "critical")
    // A change of verdict is always reported.
    let verdict = overall?["verdict"] as? [String: Any]
    #expect(verdict?["from"] as? String == "proceed")
    #expect(verdict?["to"] as? String == "do_not_proceed")
    #expect(verdict?["changed"] as? Bool == true)
    let answers = parsed?["answers"] as? [String: Any]
    #expect(Set(answers?.keys.map { $0 } ?? []) == ["added", "removed", "changed"])
    let findings = parsed?["findings"] as? [String: Any]
    #expect(Set(findings?.keys.map { $0 } ?? []) == ["appeared", "disappeared", "moved"])
  }

  @Test func markdownHasTheSectionAndShortForm() throws {
    let summary = try compare(try load("safe-pilot.pia.yaml"), try load("records-system.pia.yaml"))
    let markdown = summary.markdown()
    #expect(markdown.hasPrefix("## Changes since version 1\n"))
    #expect(markdown.contains("| Overall residual | Low | Critical |"))
    #expect(markdown.contains("| Verdict | Proceed | Do not proceed |"))
    #expect(markdown.contains("### Answers"))
    #expect(markdown.contains("### Findings"))
    let short = summary.shortMarkdown()
    #expect(short.contains("**Overall residual risk:** Low → Critical."))
    #expect(short.contains("**Verdict:** Proceed → Do not proceed."))
    #expect(summary.text().contains("Verdict: Proceed → Do not proceed (changed)"))
    #expect(short.contains("**Assessment needed:** New assessment"))
  }

  /// The shipped example, revised in place into a records-system deployment
  /// (version 2) and then back to its approved answers.
  @Test func shippedExampleRevisedAndBack() throws {
    let url = RepositoryPaths.root.appendingPathComponent("Examples/safe-admin-pilot.pia.yaml")
    var session = try Fixtures.session(
      url, content: catalog, path: "Examples/safe-admin-pilot.pia.yaml")
    let engine = session.engine
    let date = try #require(CalendarDate("2026-03-02"))
    try session.approve(ApprovalRequest(role: .head, name: "Head", decision: .approved, date: date))
    try session.revise(reason: "Records system deployment", date: date, by: "Dana Roy")
    var file: AssessmentFile {
      get { session.file }
      set { session.file = newValue }
    }
    let version1 = file.answers

    file.answers["access_scope"] = .choice("records_system")
    file.answers["personal_information"] = .choice("identifiable")
    file.answers["ai_tasks"] = .choices(
      AnswersDiff.choiceIDs(version1["ai_tasks"]) + ["records_foi_prep", "resident_casework"])
    file.answers["data_flows"] = .entries([
      GroupEntry(
        id: "data_flows-1",
        values: [
          "data_element": .text("Access request files"), "pi_category": .choice("correspondence"),
          "authority": .choice("express_statute"), "through_ai_tool": .bool(true),
        ])
    ])
    #expect(!session.signOff.isApproved)

    let rules = rules()
    let forward = ChangeSummary.scored(
      from: version1, to: file.answers, engine: engine, rules: rules, oldDate: date,
      newDate: date, fromLabel: "version 1", toLabel: "version 2", fromVersion: 1)
    let fired = Set(forward.materiality.reasons.map(\.rule))
    #expect(forward.materiality.verdict == .newAssessment)
    for rule in [
      "wider-access-scope", "identifiable-information", "riskier-task", "new-data-flow",
      "new-finding",
    ] {
      #expect(fired.contains(rule), "expected \(rule) among \(fired.sorted())")
    }
    #expect(!fired.contains("plan-tier-changed"))
    let up = try #require(forward.overallResidual)
    #expect(up.rose)
    #expect(forward.findingsAppeared.map(\.key).contains("records-system-in-scope"))

    // And back: the answers of version 1 again.
    let version2 = file.answers
    file.answers = version1
    let backward = ChangeSummary.scored(
      from: version2, to: file.answers, engine: engine, rules: rules, oldDate: date,
      newDate: date, fromLabel: "version 2", toLabel: "version 3", fromVersion: 2)
    let down = try #require(backward.overallResidual)
    #expect(down.from == up.to && down.to == up.from)
    #expect(
      Set(backward.findingsDisappeared.map(\.key)) == Set(forward.findingsAppeared.map(\.key)))
    #expect(backward.findingsAppeared.isEmpty)
    #expect(backward.answers.map(\.questionID) == forward.answers.map(\.questionID))
    #expect(backward.materiality.verdict == MaterialityVerdict.none)
    // Exactly the approved answers again: the head's approval of them applies.
    #expect(session.signOff.isApproved)
  }

  // MARK: - Versions and approvals in one file

  @Test func approvalGoesStaleAndComesBack() throws {
    let pilot = try load("safe-pilot.pia.yaml")
    var session = pilot
    let date = try #require(CalendarDate("2026-02-18"))
    try session.approve(
      ApprovalRequest(
        role: .head, name: "Jordan Lee, Clerk", decision: .approved, date: date,
        advice: .accepted))
    #expect(session.signOff.isApproved)
    #expect(session.signOff.label == "Approved")
    #expect(session.needsNewVersion)

    // Revising: the approved answers become version 1.
    let assessment = session.assessment(asOf: date)
    let entry = try session.revise(
      reason: "Scope widened to the records system", date: date, by: "Dana Roy")
    #expect(entry?.version == 1)
    #expect(entry?.by == "Dana Roy")
    #expect(session.file.history.map(\.version) == [1])
    #expect(session.file.history[0].overallResidual == assessment.overallResidual)
    #expect(session.currentVersion == 2)
    // Starting again without changes records nothing more.
    #expect(!session.needsNewVersion)
    let before = session.file
    #expect(try session.revise(reason: "again", date: date, by: nil) == nil)
    #expect(session.file == before)

    // Unchanged answers: the approval still applies.
    #expect(session.signOff.isApproved)

    // The answers change: the approval applies to version 1, never to the current one.
    session.file.answers = try load("records-system.pia.yaml").file.answers
    var status = session.signOff
    #expect(!status.isApproved)
    #expect(status.label == "Draft")
    #expect(status.current.isEmpty)
    #expect(status.stale.map(\.version) == [1])
    #expect(status.stale[0].summary.hasSuffix("applies to an earlier version (version 1)"))

    // The new answers' residual risk is critical ("do not proceed"): nobody
    // approves them until the head accepts that risk in writing (ApprovalPolicy).
    let lead = ApprovalRequest(
      role: .privacyLead, name: "Dana Roy", decision: .approved, date: date)
    #expect(throws: SessionError.self) { try session.approve(lead) }
    // A rejection is always possible, and the privacy lead alone never makes it approved.
    status = try session.approve(
      ApprovalRequest(
        role: .privacyLead, name: "Dana Roy", decision: .rejected,
        reason: "Critical residual risk", date: date))
    #expect(!status.isApproved)
    status = try session.approve(
      ApprovalRequest(
        role: .head, name: "Jordan Lee, Clerk", decision: .approvedWithConditions,
        reason: "Time-limited pilot with records staff only",
        conditions: "Records staff only", date: date, advice: .overruled,
        adviceReasons: "Time-limited pilot", acceptsRisk: true))
    #expect(status.isApproved)
    #expect(status.label == "Approved with conditions")
    #expect(status.current.count == 2)
    #expect(status.stale.count == 1)
    // Once the head has accepted the risk, the privacy lead may approve too.
    status = try session.approve(lead)
    #expect(status.current.count == 3)

    // A later rejection of the same answers withdraws the approval.
    status = try session.approve(
      ApprovalRequest(
        role: .head, name: "Jordan Lee, Clerk", decision: .rejected,
        reason: "Vendor terms changed", date: date))
    #expect(!status.isApproved)

    // The diff from version 1 uses the snapshot.
    let old = try #require(
      Revision.answers(ofVersion: 1, record: session.file.record, current: session.file.answers))
    #expect(AnswersHash(old) == AnswersHash(pilot.file.answers))
  }

  @Test func aDraftRevisedRecordsAVersionToo() throws {
    var session = try load("safe-pilot.pia.yaml")
    let date = try #require(CalendarDate("2026-02-18"))
    #expect(!session.signOff.isApproved)
    #expect(try session.revise(reason: "Scope widened", date: date, by: "Dana Roy") != nil)
    #expect(session.file.history.map(\.version) == [1])
    #expect(try session.changes() != nil)
    #expect(throws: SessionError.self) { try session.revise(reason: "  ", date: date, by: nil) }
  }

  @Test func approvalsNeedWhatTheirDecisionNeeds() throws {
    var session = try load("safe-pilot.pia.yaml")
    let date = try #require(CalendarDate("2026-02-18"))
    let before = session.file
    for request in [
      ApprovalRequest(role: .head, name: " ", decision: .approved, date: date),
      ApprovalRequest(role: .head, name: "Jo", decision: .approvedWithConditions, date: date),
      ApprovalRequest(role: .head, name: "Jo", decision: .rejected, date: date),
      ApprovalRequest(
        role: .privacyLead, name: "Jo", decision: .approved, date: date, advice: .accepted),
      ApprovalRequest(role: .head, name: "Jo", decision: .approved, date: date, advice: .overruled),
    ] {
      #expect(throws: SessionError.self) { try session.approve(request) }
    }
    #expect(session.file == before)
  }

  @Test func historyAndApprovalsSurviveSaveAndLoad() throws {
    var session = try load("safe-pilot.pia.yaml")
    let pilotAnswers = session.file.answers
    let date = try #require(CalendarDate("2026-02-18"))
    try session.approve(
      ApprovalRequest(
        role: .head, name: "Jordan \"JL\" Lee\nClerk", decision: .approved, date: date))
    try session.revise(reason: "Wider: records — système", date: date, by: "Dana Roy")
    try session.answer(QuestionPath("plan_tier"), .choice("enterprise"))
    let data = session.encoded().data
    let reopened = try AssessmentSession.open(data: data, path: "p.pia.yaml", content: catalog)
    #expect(reopened.warnings.isEmpty, "\(reopened.warnings)")
    let file = reopened.value.file
    #expect(file.history.count == 1)
    #expect(file.history[0].reason == "Wider: records — système")
    #expect(file.history[0].by == "Dana Roy")
    #expect(file.history[0].answers == pilotAnswers)
    #expect(file.approvals[0].name == "Jordan \"JL\" Lee\nClerk")
    #expect(file.answers["plan_tier"] == .choice("enterprise"))
    #expect(reopened.value.signOff.stale.map(\.version) == [1])
    // Read without the questionnaire, snapshots are inferred to the same hash.
    let untyped = RevisionRecord.readReporting(
      text: String(decoding: data, as: UTF8.self), path: "p.pia.yaml", questionnaire: nil)
    #expect(untyped.1.isEmpty, "\(untyped.1)")
    #expect(AnswersHash(untyped.0.history[0].answers) == file.history[0].answersHash)
    // Saved again unchanged, the bytes are the same.
    #expect(reopened.value.encoded().data == data)
  }

  @Test func brokenSectionsAreReportedAtTheirPlace() throws {
    let text = """
      format: 1
      questionnaire: {id: ai-assistant, version: 1}
      answers:
        plan_tier: team
      approvals:
        - role: mayor
          name: Pat
          decision: aproved
          date: 2026-02-30
          answers_hash: "abc"
        - role: program_owner
          name: Sam
          decision: approved
          date: 2026-02-18
          answers_hash: "\(String(repeating: "0", count: 64))"
          advice: accepted
      history:
        - version: 1
          date: 2026-02-01
          reason: Scope
          answers_hash: "\(String(repeating: "1", count: 64))"
          overall_residual: severe
          answers: {plan_tier: teams}

      """
    let questionnaire = try #require(catalog.questionnaire("ai-assistant"))
    let (_, diagnostics) = RevisionRecord.readReporting(
      text: text, path: "x.pia.yaml", questionnaire: questionnaire)
    let lines = diagnostics.map {
      "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
    }
    #expect(lines.contains { $0.hasPrefix("6:11 'mayor' is not a valid role") })
    #expect(
      lines.contains {
        $0.hasPrefix("8:15 'aproved' is not a valid decision (did you mean 'approved'?)")
      })
    #expect(lines.contains { $0.hasPrefix("9:11 expected the approval date") })
    #expect(lines.contains { $0.hasPrefix("10:19 expected answers_hash") })
    #expect(lines.contains { $0.hasPrefix("16:13 only the head records") })
    #expect(lines.contains { $0.hasPrefix("22:23 expected a risk level") })
    #expect(lines.contains { $0.hasPrefix("23:26 'teams' is not a choice of 'plan_tier'") })
  }
}
