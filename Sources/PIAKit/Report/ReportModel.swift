/// Everything a report template may show, as typed values built from the
/// questionnaire, the answers, the scored assessment, the law catalogue and the
/// vendor facts (see `ReportModel+Build.swift`). Templates see it through
/// ``templateValue``; the field names are documented in `docs/templates.md`.
///
/// Every text is final: unanswered questions read "Not answered", missing
/// owners "Not assigned", and so on, so a template never prints a blank that
/// looks like an answer.
public struct ReportModel: Sendable, Hashable {
  /// Page-1 document control.
  public struct DocumentControl: Sendable, Hashable {
    public var title: String
    public var initiative: String
    public var institution: String
    public var piaNumber: String
    public var version: String
    public var status: String
    public var assessedAsOf: String
    public var lastReviewed: String
    public var author: String
    public var owner: String
    public var questionnaire: String
    public var revisions: [Revision]
  }

  /// One row of the revision history table.
  public struct Revision: Sendable, Hashable {
    public var version: String
    public var date: String
    public var description: String
  }

  /// What the initiative is, and what the assessment covers.
  public struct Initiative: Sendable, Hashable {
    public var purpose: String
    public var currentVsProposed: String
    public var stage: String
    public var stakeholders: String
    public var systems: String
    public var vendors: String
    public var inScope: [String]
    public var outOfScope: [String]
    public var relatedAssessments: String
    /// Scope in one or two plain sentences, for the council appendix.
    public var scopeSummary: String
  }

  /// The screening result.
  public struct ScreeningResult: Sendable, Hashable {
    public var handlesPI: Bool
    public var outcome: String
    public var reasons: [String]
    public var noPIReasons: String
  }

  /// The law applied and the pending changes.
  public struct LawStatus: Sendable, Hashable {
    public var applied: [String]
    public var pending: [PendingRegime]
    public var lawChecked: String
    /// Every provision the report cites, in first-cited order, with its meaning.
    public var citations: [Citation]
  }

  public struct PendingRegime: Sendable, Hashable {
    public var title: String
    public var commencement: String
    public var effects: [String]
  }

  public struct Citation: Sendable, Hashable {
    public var cite: String
    public var meaning: String
    public var uncertain: Bool
  }

  /// The verdict: proceed, proceed with conditions, do not proceed, or
  /// incomplete (the engine's ``AssessmentVerdict``).
  public typealias Recommendation = AssessmentVerdict

  public struct Conclusion: Sendable, Hashable {
    public var recommendation: Recommendation
    /// The verdict as every document prints it, with the head's acceptance
    /// of the residual risk when recorded ("Proceed — residual risk accepted
    /// by the head").
    public var label: String = ""
    public var reasons: [String]
    /// What an incomplete verdict waits for, one line per answer.
    public var incomplete: [String] = []
    public var authorized: String
    public var overallInherent: String
    public var overallResidual: String
    public var derivation: [String]
  }

  public struct LevelCount: Sendable, Hashable {
    public var level: String
    public var count: Int
  }

  /// One row of the heat map: a severity and four cells, one per likelihood.
  public struct HeatMapRow: Sendable, Hashable {
    public var severity: String
    public var cells: [String]
  }

  public struct FindingRow: Sendable, Hashable {
    public var number: String
    public var title: String
    public var flow: String?
    public var harm: String
    public var affected: String
    public var citations: [String]
    public var inherent: String
    public var inherentBasis: String
    public var residual: String
    public var residualBasis: String
    public var blocker: Bool
    public var mitigations: [MitigationRow]
    public var keyMitigation: String
    /// "Depends on: …" for a finding that fires only because questions are
    /// unanswered; `nil` for a finding of fact.
    public var notEstablished: String? = nil
  }

  public struct MitigationRow: Sendable, Hashable {
    public var title: String
    public var status: String
  }

  public struct ActionRow: Sendable, Hashable {
    public var number: String
    /// The mitigation, vendor-neutral.
    public var title: String
    /// The assessed vendor's own step for it ("OpenAI: …"), from its vendor file.
    public var vendorStep: String? = nil
    public var priority: String
    public var owner: String
    /// "By 2026-10-15", or with how it was set: "By 2026-10-15, set from the review policy for a
    /// high risk" when no due date was asked.
    public var target: String
    /// The target date alone (`yyyy-MM-dd`), for tables with little room.
    public var targetDate: String
    /// Whether the target date was set from the review policy (not asked).
    public var targetFromPolicy: Bool
    public var status: String
    public var findings: String
  }

  public struct QuestionAnswer: Sendable, Hashable {
    public var id: String
    public var prompt: String
    public var answer: String
    public var answered: Bool
    public var citations: [String]
    /// For repeating groups: one entry per item.
    public var entries: [GroupItem]
  }

  public struct GroupItem: Sendable, Hashable {
    public var title: String
    public var fields: [QuestionAnswer]
  }

  public struct AnswerSection: Sendable, Hashable {
    public var title: String
    public var questions: [QuestionAnswer]
  }

  /// One topic of the privacy analysis, in the order the IPC checks.
  public struct AnalysisTopic: Sendable, Hashable {
    public var title: String
    public var citations: [String]
    public var questions: [QuestionAnswer]
    /// The reasons for the conclusion: the findings under these provisions,
    /// grouped, one line each.
    public var findings: [String]
    /// "Compliant", "Compliant with conditions", "Not compliant", "Not yet
    /// established" or "Not applicable".
    public var conclusion: String = "Not applicable"
  }

  public struct DataFlowRow: Sendable, Hashable {
    public var number: String
    public var element: String
    public var category: String
    public var source: String
    public var purpose: String
    public var authority: String
    public var destination: String
    public var storage: String
    public var disclosure: String
    public var retention: String
  }

  public struct InventoryCategory: Sendable, Hashable {
    public var category: String
    public var elements: [String]
    /// False for business contact details in an official capacity (not personal information).
    public var isPersonal: Bool
  }

  public struct VendorSection: Sendable, Hashable {
    public var vendor: String
    public var product: String
    public var tier: String
    public var dataLocation: String
    public var facts: [VendorFactRow]
    /// The vendor's own names for the plan tier.
    public var planNames: String = ""
    /// "Not yet checked by the municipality." or when and by whom it was.
    public var factsChecked: String = ""
  }

  public struct VendorFactRow: Sendable, Hashable {
    public var fact: String
    public var value: String
    public var source: String
    /// When someone at the municipality re-read the source, or "Not yet
    /// checked by the municipality".
    public var checked: String
    public var stale: Bool
    /// The date the source states, as text.
    public var stated: String = ""
    /// "Verified" or "Unverified".
    public var status: String = ""
  }

  public struct Signer: Sendable, Hashable {
    public var role: String
    public var name: String
    public var title: String
    public var date: String
    public var decision: String
  }

  public struct SignOff: Sendable, Hashable {
    public var signers: [Signer]
    public var approver: String
    public var privacyLead: String
    public var advice: String
    /// Whether the advice was followed, when the questionnaire asks it.
    public var adviceOutcome: String?
    public var overruleReasons: String?
    public var ipcConsulted: String
    public var approvalStatus: String
  }

  public struct Review: Sendable, Hashable {
    public var nextReview: String
    public var triggers: [String]
  }

  /// The draft notice of collection (MFIPPA s. 29(2)) and its completeness.
  public struct Notice: Sendable, Hashable {
    /// False when every flow of personal information is collected for law
    /// enforcement, which is exempt from notice (MFIPPA s. 29(3)): then no
    /// draft is printed, only `exemption`.
    public var required: Bool = true
    public var exemption: String = ""
    public var institution: String
    public var authority: String
    public var authorityPresent: Bool
    public var purposes: [String]
    public var purposesPresent: Bool
    public var contact: String
    public var contactPresent: Bool
    public var citation: String
    public var gaps: [String]
    public var complete: Bool
    /// One notice per collecting program.
    public var programs: [ProgramNotice] = []
    /// Set when a flow names no program and the initiative's title stands in.
    public var programNote: String? = nil
  }

  /// The notice of one collecting program (MFIPPA s. 29(2)).
  public struct ProgramNotice: Sendable, Hashable {
    /// The program or form that collects (not the tool).
    public var program: String
    public var authority: String
    public var purposes: [String]
    /// Title, business address and telephone number of the official.
    public var contact: String
    /// The missing elements, one sentence each; empty when complete.
    public var gaps: [String]
  }

  /// "Changes since version N" (issue 7); absent for a first version.
  public struct Changes: Sendable, Hashable {
    public var sinceVersion: String
    public var materiality: String
    public var items: [String]
    /// The council appendix's short form (see `ReportModel+Revision.swift`).
    public var shortItems: [String] = []
  }

  public var document: DocumentControl
  public var initiative: Initiative
  public var screening: ScreeningResult
  public var law: LawStatus
  public var conclusion: Conclusion
  public var residualCounts: [LevelCount]
  public var inherentCounts: [LevelCount]
  public var heatMap: [HeatMapRow]
  public var findings: [FindingRow]
  public var actions: [ActionRow]
  public var inventory: [InventoryCategory]
  public var dataFlows: [DataFlowRow]
  public var analysis: [AnalysisTopic]
  public var vendor: VendorSection?
  public var signOff: SignOff
  public var review: Review
  public var notice: Notice
  public var appendix: [AnswerSection]
  public var changes: Changes?
  public var contact: String
  public var reportDate: String
  /// The canonical hash of the answers the report was built from (set with the revision
  /// record; what approvals and the DOCX footer name).
  public var answersHash: AnswersHash?
  /// The staff report's own parts (the `council-report` template).
  public var council = Council()
  /// Who the documents are for (`{{#audience.public}}`, `{{#audience.full}}`).
  public var audience = ReportAudience.full
}
