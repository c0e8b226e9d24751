import Foundation

@testable import PIAKit

/// Questionnaires, law and hand-built answers and assessments for the report tests
/// (the risk engine and the answers-file loader arrive on other branches).
enum ReportFixtures {
  static let resources = Resources(root: RepositoryPaths.root, displayRoot: ".")
  static let catalog = ContentCatalog(resources: resources)
  static var law: LawCatalogue { catalog.law }

  static func questionnaire(_ id: String = "mfippa-pia") -> Questionnaire {
    guard let questionnaire = catalog.questionnaire(id) else {
      preconditionFailure("shipped questionnaire '\(id)' does not load: \(catalog.diagnostics)")
    }
    return questionnaire
  }

  static let templates: ReportTemplates = {
    let (templates, diagnostics) = ReportTemplates.load(resources: resources)
    precondition(!diagnostics.hasErrors, "\(diagnostics)")
    return templates
  }()

  static func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { preconditionFailure(text) }
    return date
  }

  /// A pilot of an AI assistant for drafting council reports, with two data flows.
  static func pilotAnswers(text: (String) -> String = { $0 }) -> AssessmentFile {
    let flows: [GroupEntry] = [
      GroupEntry(
        id: "flow-1",
        values: [
          "data_element": .text(text("Names and addresses of delegations in council reports")),
          "pi_category": .choice("name_with_other_pi"),
          "source": .text(text("Delegation request forms")),
          "collected_directly": .bool(true),
          "flow_purpose": .text(text("Preparing council agendas and reports")),
          "authority": .choice("necessary_lawful_activity"),
          "authority_detail": .text(text("Procedure By-law 2019-045")),
          "notice_authority": .bool(true),
          "notice_purpose": .bool(true),
          "notice_contact": .bool(false),
          "through_ai_tool": .bool(true),
          "destination": .text(text("Claude workspace (Enterprise)")),
          "storage_location": .choice("outside_canada"),
          "contract_safeguards": .bool(true),
          "recipients": .text(text("Clerk's staff")),
          "disclosure_ground": .choice("need_to_know_staff"),
          "retention_class": .choice("assigned"),
          "retention_by_law_class": .text(text("C01 Council records, permanent")),
          "roles_with_access": .text(text("Deputy Clerk; two records clerks")),
        ]),
      GroupEntry(
        id: "flow-2",
        values: [
          "data_element": .text(text("Staff names in draft reports")),
          "pi_category": .choice("business_contact"),
          "source": .text(text("Staff directory")),
          "flow_purpose": .text(text("Report authorship")),
          "authority": .choice("necessary_lawful_activity"),
        ]),
    ]
    let answers: [String: AnswerValue] = [
      "project_title": .text(text("AI-assisted council report drafting pilot")),
      "institution_name": .text(text("Town of Example")),
      "institution_type": .choice("municipality"),
      "program_owner_role": .text(text("Clerk's Department, Deputy Clerk")),
      "privacy_lead": .text(text("Sam Rivera, Privacy and FOI Coordinator")),
      "assessment_date": .date(date("2026-05-01")),
      "law_checked_date": .date(date("2026-04-28")),
      "handles_pi": .bool(true),
      "pi_activities": .choices(["collect", "use", "retain"]),
      "oral_pi": .bool(false),
      "prompt_pi": .bool(true),
      "public_record_purpose": .bool(false),
      "uses_ai_tool": .bool(true),
      "ai_vendor": .choice("anthropic"),
      "ai_product": .text(text("Claude")),
      "plan_tier": .choice("enterprise"),
      "ai_data_location": .choice("outside_canada"),
      "ai_tasks": .choices(["council_reports"]),
      "access_scope": .choice("admin_folder"),
      "personal_information": .choice("identifiable"),
      "project_purpose": .text(
        text("Staff draft council reports faster with an AI assistant, reviewing every draft.")),
      "project_stage": .choice("pilot"),
      "data_flows": .entries(flows),
      "program_authority": .text(text("Municipal Act, 2001 and the Procedure By-law")),
      "use_basis": .choice("original_purpose"),
      "need_to_know_access": .bool(true),
      "head_or_delegate": .text(text("Alex Chen, Town Clerk (delegation By-law 2020-12)")),
      "privacy_coordinator": .text(text("Sam Rivera, Privacy and FOI Coordinator")),
      "coordinator_advice": .text(
        text("Proceed once local history is captured in the records system.")),
      "advice_outcome": .choice("accepted"),
      "program_owner_signoff": .text(text("Jo Patel, Deputy Clerk")),
      "ipc_consulted": .bool(false),
      "next_review_date": .date(date("2027-05-01")),
    ]
    return AssessmentFile(
      questionnaireID: "mfippa-pia", questionnaireVersion: 1,
      assessment: AssessmentInfo(
        title: text("AI-assisted council report drafting pilot"),
        institution: text("Town of Example"),
        preparedBy: text("Sam Rivera"), started: date("2026-04-20"), piaNumber: text("PIA-2026-014")
      ),
      answers: answers)
  }

  static func pilotAssessment(text: (String) -> String = { $0 }) -> Assessment {
    let findings = [
      Finding(
        ruleID: "ai-local-history", title: text("Local AI history is not captured as a record"),
        harm: text("Records needed for an access request may be lost"),
        affected: text("Requesters"),
        citations: ["mfippa-s4_1", "reg823-s5"], inherentLikelihood: .likely,
        inherentSeverity: .significant,
        residualLikelihood: .possible, residualSeverity: .significant, blocker: false,
        mitigations: [
          MitigationStatus(
            id: "export-history", title: text("Export AI history to the records system weekly"),
            inPlace: false)
        ]),
      Finding(
        ruleID: "storage-outside-canada", flowID: "flow-1",
        flowLabel: text("Names and addresses of delegations"),
        title: text("Personal information stored outside Canada"),
        harm: text("Foreign access to delegations' details"),
        affected: text("Delegations"), citations: ["reg823-s3-1"], inherentLikelihood: .possible,
        inherentSeverity: .limited, residualLikelihood: .remote, residualSeverity: .limited,
        blocker: false,
        mitigations: [
          MitigationStatus(
            id: "contract", title: text("Contract terms with the vendor"), inPlace: true)
        ]),
    ]
    return Assessment(
      questionnaireID: "mfippa-pia", questionnaireVersion: 1, asOf: date("2026-05-01"),
      screening: Screening(
        outcome: .required, reasons: [text("Identifiable personal information reaches an AI tool.")]
      ),
      findings: findings, overallInherent: .high, overallResidual: .high,
      setBy: ["ai-local-history"],
      derivation: [text("The highest residual level is high (R1).")],
      actions: [
        Action(
          id: "export-history", title: text("Export AI history to the records system weekly"),
          findings: ["ai-local-history"], priority: .high, owner: text("Records Manager"),
          due: date("2026-06-30"))
      ],
      staleFacts: [])
  }

  /// A screening that finds no personal information.
  static func noPIAnswers() -> AssessmentFile {
    AssessmentFile(
      questionnaireID: "mfippa-pia", questionnaireVersion: 1,
      assessment: AssessmentInfo(
        title: "Public agenda formatting macro", institution: "Town of Example",
        piaNumber: "PIA-2026-015"),
      answers: [
        "project_title": .text("Public agenda formatting macro"),
        "handles_pi": .bool(false),
        "no_pi_reasons": .text("It formats published agendas only."),
        "uses_ai_tool": .bool(false),
        "head_or_delegate": .text("Alex Chen, Town Clerk"),
        "next_review_date": .date(date("2027-05-01")),
      ])
  }

  static func noPIAssessment() -> Assessment {
    Assessment(
      questionnaireID: "mfippa-pia", questionnaireVersion: 1, asOf: date("2026-05-01"),
      screening: Screening(outcome: .notNeeded, reasons: ["No personal information is handled."]),
      findings: [], overallInherent: .low, overallResidual: .low, setBy: [], derivation: [],
      actions: [],
      staleFacts: [])
  }

  static let vendorFacts = [
    ReportVendorFact(
      fact: "Chat retention", value: "Indefinite unless a custom retention period is set",
      source: "https://support.anthropic.com", checked: date("2026-03-01"))
  ]

  static func pilotModel(text: (String) -> String = { $0 }) -> ReportModel {
    ReportModel(
      questionnaire: questionnaire(), answers: pilotAnswers(text: text),
      assessment: pilotAssessment(text: text),
      law: law, vendorFacts: vendorFacts, date: date("2026-05-15"))
  }

  static func noPIModel() -> ReportModel {
    ReportModel(
      questionnaire: questionnaire(), answers: noPIAnswers(), assessment: noPIAssessment(),
      law: law,
      date: date("2026-05-15"))
  }

  /// Parses a template's output as `pia render` does: the data-flow diagram directives become
  /// image links first.
  static func parseRendered(_ markdown: String) throws -> Document {
    let picture = (target: "diagram.svg", altText: "Data-flow diagram.")
    return try MarkdownParser.parse(
      DiagramDirective.expand(markdown, images: [.full: picture, .simplified: picture]))
  }
}
