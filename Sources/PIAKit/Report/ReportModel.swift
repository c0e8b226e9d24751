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
    /// The document's title, "‹Initiative› Privacy Impact Assessment" (`document.title`).
    public var title: String
    /// The initiative's name from the answers file, else `project_title`, else "Untitled
    /// initiative" (`document.initiative`).
    public var initiative: String
    /// The municipality or local board that is the institution under MFIPPA
    /// (`document.institution`); "Not answered" when neither the file nor `institution_name`
    /// gives it.
    public var institution: String
    /// The municipality's own PIA number, or "Not assigned" (`document.pia_number`).
    public var piaNumber: String
    /// The version of the answers the documents show, "1" for a first assessment
    /// (`document.version`, from the revision record).
    public var version: String
    /// "Draft" until the head's (or delegate's) approval matches the current answers, then the
    /// revision record's label (`document.status`; see `docs/revisions.md`).
    public var status: String
    /// The `assessment_date` answer, else the scoring date, as `yyyy-MM-dd`
    /// (`document.assessed_as_of`).
    public var assessedAsOf: String
    /// The report date, as `yyyy-MM-dd` (`document.last_reviewed`).
    public var lastReviewed: String
    /// The privacy lead who prepared the assessment, by role (`document.author`); "Not answered"
    /// when unknown.
    public var author: String
    /// The accountable program owner, by role (`document.owner`).
    public var owner: String
    /// The questionnaire as "Title (id vN)" (`document.questionnaire`).
    public var questionnaire: String
    /// The revision history, oldest version first (`document.revisions`).
    public var revisions: [Revision]
  }

  /// One row of the revision history table.
  public struct Revision: Sendable, Hashable {
    /// The version number the row describes, as text ("1", "2").
    public var version: String
    /// That version's `assessment_date` answer as `yyyy-MM-dd`, or "Not recorded".
    public var date: String
    /// "First assessment" for version 1, else "Revised (‹date›) by ‹who›: ‹reason›".
    public var description: String
  }

  /// What the initiative is, and what the assessment covers.
  public struct Initiative: Sendable, Hashable {
    /// Why the initiative collects and uses personal information (`initiative.purpose`), from
    /// `project_purpose` or the AI tool's tasks.
    public var purpose: String
    /// The current process against the proposed one (`initiative.current_vs_proposed`).
    public var currentVsProposed: String
    /// The project stage or rollout (`initiative.stage`).
    public var stage: String
    /// Who is affected or involved (`initiative.stakeholders`).
    public var stakeholders: String
    /// The systems involved, as answered (`initiative.systems`).
    public var systems: String
    /// The vendors involved, as answered (`initiative.vendors`).
    public var vendors: String
    /// What the assessment covers, one sentence a line, naming the AI tool's plan tier when there
    /// is one (`initiative.in_scope`).
    public var inScope: [String]
    /// What it does not cover, one sentence a line (`initiative.out_of_scope`).
    public var outOfScope: [String]
    /// Other PIAs or threat and risk assessments this one relies on
    /// (`initiative.related_assessments`).
    public var relatedAssessments: String
    /// Scope in one or two plain sentences, for the council appendix.
    public var scopeSummary: String
  }

  /// The screening result.
  public struct ScreeningResult: Sendable, Hashable {
    /// False when the screening found no personal information (`screening.handles_pi`; its negation
    /// is `screening.no_pi`): the PIA template then prints a one-page screening record.
    public var handlesPI: Bool
    /// The screening's outcome in a sentence: a PIA is required, recommended, or not needed
    /// (`screening.outcome`).
    public var outcome: String
    /// Why, one sentence per screening reason (`screening.reasons`).
    public var reasons: [String]
    /// The answer explaining why no personal information is involved, or a marker
    /// (`screening.no_pi_reasons`).
    public var noPIReasons: String
  }

  /// The law applied and the pending changes.
  public struct LawStatus: Sendable, Hashable {
    /// The titles of the regimes in force on the report date (`law.applied`).
    public var applied: [String]
    /// Amendments not yet in force on the report date, such as Bill 97 (`law.pending`).
    public var pending: [PendingRegime]
    /// When the law was last checked on e-Laws, as answered (`law.law_checked`).
    public var lawChecked: String
    /// Every provision the report cites, in first-cited order, with its meaning.
    public var citations: [Citation]
  }

  /// A regime in the law catalogue that is not in force on the report date (`law.pending` in
  /// templates).
  public struct PendingRegime: Sendable, Hashable {
    /// The regime's title, e.g. the amending bill.
    public var title: String
    /// Its status on the report date: introduced, Royal Assent, and when it comes into force
    /// (or that commencement is not yet confirmed).
    public var commencement: String
    /// What it would change for this assessment, one sentence each.
    public var effects: [String]
  }

  /// One provision cited by the report, printed through the law catalogue (`law.citations`).
  public struct Citation: Sendable, Hashable {
    /// The provision as printed, e.g. "MFIPPA s. 28(2)".
    public var cite: String
    /// What the provision requires or allows, in a sentence, from the law catalogue.
    public var meaning: String
    /// True when the catalogue marks the wording uncertain: templates add "(verify on e-Laws)".
    public var uncertain: Bool
  }

  /// The verdict: proceed, proceed with conditions, do not proceed, or
  /// incomplete (the engine's ``AssessmentVerdict``).
  public typealias Recommendation = AssessmentVerdict

  /// The conclusion every document prints: the engine's verdict, its reasons and the overall risk
  /// (`conclusion` in templates; the rule is in `docs/templates.md`, "Conclusion rule").
  public struct Conclusion: Sendable, Hashable {
    /// The verdict; templates see it as `conclusion.recommendation_id` and the flags
    /// `conclusion.proceed`, `conclusion.proceed_with_conditions`, `conclusion.do_not_proceed` and
    /// `conclusion.incomplete`.
    public var recommendation: Recommendation
    /// The verdict as every document prints it, with the head's acceptance
    /// of the residual risk when recorded ("Proceed — residual risk accepted
    /// by the head").
    public var label: String = ""
    /// Why, one line each: every compliance blocker with its citation, the head's acceptance of the
    /// risk; findings repeated per data flow grouped (`conclusion.reasons`).
    public var reasons: [String]
    /// What an incomplete verdict waits for, one line per answer.
    public var incomplete: [String] = []
    /// Whether the collection is authorized under MFIPPA s. 28(2), in a sentence starting "Yes",
    /// "No" or "Not established" (`conclusion.authorized`).
    public var authorized: String
    /// The highest inherent risk level before mitigation, e.g. "High"
    /// (`conclusion.overall_inherent`).
    public var overallInherent: String
    /// The highest residual risk level after mitigation (`conclusion.overall_residual`).
    public var overallResidual: String
    /// How the overall level was reached, one step a line, findings named R1…
    /// (`conclusion.derivation`).
    public var derivation: [String]
  }

  /// The number of risks at one level (`risk.residual_counts` and `risk.inherent_counts`).
  public struct LevelCount: Sendable, Hashable {
    /// The level's name: "Critical", "High", "Medium" or "Low".
    public var level: String
    /// How many risks are at that level; 0 included.
    public var count: Int
  }

  /// One row of the heat map: a severity and four cells, one per likelihood.
  public struct HeatMapRow: Sendable, Hashable {
    /// The severity: "Maximum", "Significant", "Limited" or "Negligible".
    public var severity: String
    /// Four cells, "Level (number of risks)", in likelihood order: remote, possible, likely,
    /// almost certain (`remote` … `almost_certain` in templates).
    public var cells: [String]
  }

  /// One risk of the risk register, R1… in risk order, highest residual first (`findings` and
  /// `top_findings` in templates).
  public struct FindingRow: Sendable, Hashable {
    /// The risk's number, "R1", "R2", … (merged rows list several: "R4, R5, R6").
    public var number: String
    /// What can go wrong, one line, vendor-neutral.
    public var title: String
    /// The data flow the risk is about; `nil` for a risk of the whole initiative.
    public var flow: String?
    /// The harm to the people affected if the risk occurs.
    public var harm: String
    /// Whose personal information is affected.
    public var affected: String
    /// The provisions the risk engages, printed ("MFIPPA s. 32"); templates join them.
    public var citations: [String]
    /// The risk level before mitigation: "Low", "Medium", "High" or "Critical".
    public var inherent: String
    /// Why that level: "likelihood: …; severity: …" before mitigation.
    public var inherentBasis: String
    /// The risk level after the mitigations in place and planned.
    public var residual: String
    /// Why that level: "likelihood: …; severity: …" after mitigation.
    public var residualBasis: String
    /// True for a compliance blocker (e.g. no authority under s. 28(2)), which alone gives "Do not
    /// proceed".
    public var blocker: Bool
    /// The mitigations that fit the tool; those that do not are left out.
    public var mitigations: [MitigationRow]
    /// The first open mitigation, else the first one, else "None identified".
    public var keyMitigation: String
    /// "Depends on: …" for a finding that fires only because questions are
    /// unanswered; `nil` for a finding of fact.
    public var notEstablished: String? = nil
  }

  /// One mitigation of a risk (a finding's `mitigations` in templates).
  public struct MitigationRow: Sendable, Hashable {
    /// What the mitigation does, vendor-neutral.
    public var title: String
    /// "In place" or "Open".
    public var status: String
  }

  /// One action of the action plan, A1… (`actions`, and `conditions` for the open ones).
  public struct ActionRow: Sendable, Hashable {
    /// The action's number: "A1", "A2", …
    public var number: String
    /// The mitigation, vendor-neutral.
    public var title: String
    /// The assessed vendor's own step for it ("OpenAI: …"), from its vendor file.
    public var vendorStep: String? = nil
    /// The priority as a risk level's title: "Low", "Medium", "High" or "Critical".
    public var priority: String
    /// Who is responsible, as answered, or "Not assigned".
    public var owner: String
    /// "By 2026-10-15", or with how it was set: "By 2026-10-15, set from the review policy for a
    /// high risk" when no due date was asked.
    public var target: String
    /// The target date alone (`yyyy-MM-dd`), for tables with little room.
    public var targetDate: String
    /// Whether the target date was set from the review policy (not asked).
    public var targetFromPolicy: Bool
    /// The status as answered, sentence-cased ("Open", "In place", "Done"); every status but done,
    /// complete, completed, closed and in place makes the action a condition of approval.
    public var status: String
    /// The risks the action addresses, "R1, R3".
    public var findings: String
  }

  /// One question and its answer, as printed in Appendix A (and in a repeating group's items).
  public struct QuestionAnswer: Sendable, Hashable {
    /// The question's id from the questionnaire (a stable contract).
    public var id: String
    /// The question as the questionnaire asks it.
    public var prompt: String
    /// The answer as text: choice labels, "Yes"/"No", dates as `yyyy-MM-dd`, "N entries" for a
    /// repeating group; "Not answered" when unanswered.
    public var answer: String
    /// Whether the question has an answer (`answered`; `not_answered` is its negation).
    public var answered: Bool
    /// The provisions the question cites that apply on the report date, printed; templates join
    /// them.
    public var citations: [String]
    /// For repeating groups: one entry per item.
    public var entries: [GroupItem]
  }

  /// One item of a repeating group (a data flow, a system) in Appendix A.
  public struct GroupItem: Sendable, Hashable {
    /// The item's heading: "Data flow 2: Email address", else the group's noun and number.
    public var title: String
    /// The item's visible fields, in questionnaire order; their `citations` are empty.
    public var fields: [QuestionAnswer]
  }

  /// One questionnaire section of Appendix A (`appendix` in templates); sections with no visible
  /// question are left out.
  public struct AnswerSection: Sendable, Hashable {
    /// The section's title from the questionnaire.
    public var title: String
    /// The visible questions in questionnaire order, without those left out of the public version.
    public var questions: [QuestionAnswer]
  }

  /// One topic of the privacy analysis, in the order the IPC checks.
  public struct AnalysisTopic: Sendable, Hashable {
    /// The topic's title as a question or heading, e.g. "Authority to collect".
    public var title: String
    /// The provisions the topic rests on, printed.
    public var citations: [String]
    /// Always empty in the shipped model: questions and answers are printed once, in the appendix.
    public var questions: [QuestionAnswer]
    /// The reasons for the conclusion: the findings under these provisions,
    /// grouped, one line each.
    public var findings: [String]
    /// "Compliant", "Compliant with conditions", "Not compliant", "Not yet
    /// established" or "Not applicable".
    public var conclusion: String = "Not applicable"
  }

  /// One data flow of personal information, in the order answered (`data_flows` in templates).
  public struct DataFlowRow: Sendable, Hashable {
    /// The flow's number, "1", "2", …
    public var number: String
    /// The data element, else "Data flow N".
    public var element: String
    /// The MFIPPA s. 2(1) category of personal information, as its label.
    public var category: String
    /// Where the information comes from (the person, a form, another department, a system).
    public var source: String
    /// Why it is collected (the flow's `flow_purpose`).
    public var purpose: String
    /// The legal authority for the collection (s. 28(2)) and, when given, its detail: "Express
    /// statute: …".
    public var authority: String
    /// The system that receives it (the flow's `system_name`).
    public var destination: String
    /// Where it is stored and processed: "In Canada", "Outside Canada" or "Not known".
    public var storage: String
    /// The ground for disclosure under s. 32, or a marker.
    public var disclosure: String
    /// The retention by-law class, else the retention class.
    public var retention: String
  }

  /// One MFIPPA s. 2(1) category of the personal information inventory, in first-answered order
  /// (`inventory` in templates).
  public struct InventoryCategory: Sendable, Hashable {
    /// The category's label.
    public var category: String
    /// The data elements in the category, in flow order; templates join them.
    public var elements: [String]
    /// False for business contact details in an official capacity (not personal information).
    public var isPersonal: Bool
  }

  /// The AI tool and its vendor's facts for the assessed plan tier (`vendor` in templates; absent
  /// when no AI tool is used).
  public struct VendorSection: Sendable, Hashable {
    /// The vendor as answered (`ai_vendor`), e.g. "OpenAI".
    public var vendor: String
    /// The product as answered (`ai_product`).
    public var product: String
    /// The plan tier as answered (`plan_tier`), e.g. "Business (commercial terms)".
    public var tier: String
    /// Where the vendor stores and processes the data, as answered (`ai_data_location`).
    public var dataLocation: String
    /// The vendor file's facts for the plan tier, by fact name (`vendor.facts`).
    public var facts: [VendorFactRow]
    /// The vendor's own names for the plan tier.
    public var planNames: String = ""
    /// "Not yet checked by the municipality." or when and by whom it was.
    public var factsChecked: String = ""
  }

  /// One vendor fact with its source and checks (`vendor.facts` in templates).
  public struct VendorFactRow: Sendable, Hashable {
    /// The fact's name, sentence-cased ("Trains on inputs").
    public var fact: String
    /// What the vendor states for the plan tier.
    public var value: String
    /// Where the vendor states it (the vendor file's `source`).
    public var source: String
    /// When someone at the municipality re-read the source, or "Not yet
    /// checked by the municipality".
    public var checked: String
    /// True when the municipality has never checked the fact, or checked it too long ago.
    public var stale: Bool
    /// The date the source states, as text.
    public var stated: String = ""
    /// "Verified" or "Unverified".
    public var status: String = ""
  }

  /// One signature block: the signature directive's `Role`, `Name`, `Title`, `Date` and `Decision`
  /// columns (`sign_off.signers`).
  public struct Signer: Sendable, Hashable {
    /// "Head or delegate", "Privacy or FOI coordinator" or "Program owner".
    public var role: String
    /// The person's name from the answer, or "Not answered".
    public var name: String
    /// The person's title, from the part of the answer after its first comma; empty when none.
    public var title: String
    /// The approval's date as `yyyy-MM-dd` once recorded; empty leaves a line to sign.
    public var date: String
    /// "Approved", "Approved with conditions" or "Rejected" once recorded; empty leaves a
    /// line to sign.
    public var decision: String
  }

  /// Sign-off: who signs, the privacy lead's advice and the approval status (`sign_off`).
  public struct SignOff: Sendable, Hashable {
    /// Head or delegate, privacy or FOI coordinator, program owner, in that order.
    public var signers: [Signer]
    /// The head or delegate (MFIPPA s. 49(1)) as answered (`sign_off.approver`).
    public var approver: String
    /// The privacy or FOI coordinator as answered (`sign_off.privacy_lead`).
    public var privacyLead: String
    /// The privacy lead's advice as answered (`sign_off.advice`); "Not included in the public
    /// version." for the public version.
    public var advice: String
    /// Whether the advice was followed, when the questionnaire asks it.
    public var adviceOutcome: String?
    /// Why the head did not follow the advice; `nil` when not answered or in the public version
    /// (`sign_off.overrule_reasons`).
    public var overruleReasons: String?
    /// "Yes, on 2026-02-03. Outcome: …", "No", or "Not answered" (`sign_off.ipc_consulted`).
    public var ipcConsulted: String
    /// Whether the head or delegate approved the current answers, in a sentence
    /// (`sign_off.approval_status`).
    public var approvalStatus: String
  }

  /// When the assessment is next reviewed and what brings it back sooner (`review`).
  public struct Review: Sendable, Hashable {
    /// The next review date with how it was set: answered, or from the review policy (3 months
    /// for a critical overall residual risk, 6 for high, 12 otherwise; `review.next_review`).
    public var nextReview: String
    /// The changes that call for a new review, one sentence each (`review.triggers`).
    public var triggers: [String]
  }

  /// The draft notice of collection (MFIPPA s. 29(2)) and its completeness.
  public struct Notice: Sendable, Hashable {
    /// False when every flow of personal information is collected for law
    /// enforcement, which is exempt from notice (MFIPPA s. 29(3)): then no
    /// draft is printed, only `exemption`.
    public var required: Bool = true
    /// The sentence printed instead of a draft when the notice is not required
    /// (`notice.exemption`); empty otherwise.
    public var exemption: String = ""
    /// The institution that collects (`notice.institution`).
    public var institution: String
    /// Every program's legal authority, joined with "; " ("[Missing: legal authority]" for a
    /// program without one; `notice.authority`).
    public var authority: String
    /// Whether every program has an authority (`notice.authority_present`).
    public var authorityPresent: Bool
    /// Every program's principal purposes, one a line (`notice.purposes`).
    public var purposes: [String]
    /// Whether every program has a purpose (`notice.purposes_present`).
    public var purposesPresent: Bool
    /// Title, business address and telephone number of the official who answers questions about the
    /// collection, with "[Missing: …]" for what is not answered (`notice.contact`).
    public var contact: String
    /// Whether the official's title, address and telephone are all answered
    /// (`notice.contact_present`).
    public var contactPresent: Bool
    /// MFIPPA s. 29(2), printed (`notice.citation`).
    public var citation: String
    /// Every program's missing elements, "‹program›: ‹sentence›"; empty when complete
    /// (`notice.gaps`).
    public var gaps: [String]
    /// True when no program's notice misses an element (`notice.complete`).
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
    /// The flows' authority details joined with "; ", else `program_authority`, else
    /// "[Missing: legal authority]".
    public var authority: String
    /// The flows' purposes, one a line, else `project_purpose`, else
    /// "[Missing: principal purpose]".
    public var purposes: [String]
    /// Title, business address and telephone number of the official.
    public var contact: String
    /// The missing elements, one sentence each; empty when complete.
    public var gaps: [String]
  }

  /// "Changes since version N" (issue 7); absent for a first version.
  public struct Changes: Sendable, Hashable {
    /// The version compared against, e.g. "2" (`changes.since_version`).
    public var sinceVersion: String
    /// The materiality verdict's title followed by its reasons (`changes.materiality`).
    public var materiality: String
    /// The full redline, one sentence per change (`changes.items`).
    public var items: [String]
    /// The council appendix's short form (see `ReportModel+Revision.swift`).
    public var shortItems: [String] = []
  }

  /// Page-1 document control (`document`).
  public var document: DocumentControl
  /// The initiative and its scope (`initiative`).
  public var initiative: Initiative
  /// The screening result (`screening`).
  public var screening: ScreeningResult
  /// The law applied, pending and cited (`law`).
  public var law: LawStatus
  /// The verdict and overall risk (`conclusion`).
  public var conclusion: Conclusion
  /// Risks by residual level, critical first (`risk.residual_counts`).
  public var residualCounts: [LevelCount]
  /// Risks by inherent level, critical first (`risk.inherent_counts`).
  public var inherentCounts: [LevelCount]
  /// The residual heat map, one row per severity from maximum to negligible (`risk.heat_map`).
  public var heatMap: [HeatMapRow]
  /// The risk register, R1 first, highest residual first (`findings`).
  public var findings: [FindingRow]
  /// The action plan, A1 first (`actions`; the open ones are `conditions`).
  public var actions: [ActionRow]
  /// The personal information inventory by s. 2(1) category (`inventory`).
  public var inventory: [InventoryCategory]
  /// The data flows in the order answered (`data_flows`).
  public var dataFlows: [DataFlowRow]
  /// The privacy analysis, one topic per provision group in the IPC's order (`analysis`).
  public var analysis: [AnalysisTopic]
  /// The AI tool section; `nil` when no AI tool is used (`vendor`, a list of zero or one).
  public var vendor: VendorSection?
  /// Sign-off (`sign_off`).
  public var signOff: SignOff
  /// Next review and review triggers (`review`).
  public var review: Review
  /// The draft notice of collection (`notice`).
  public var notice: Notice
  /// Appendix A: every visible question and answer once, by questionnaire section (`appendix`).
  public var appendix: [AnswerSection]
  /// Changes since the last version; `nil` for a first version (`changes`).
  public var changes: Changes?
  /// The privacy-office contact line (`contact`): "Questions about this assessment:
  /// ‹coordinator›, ‹institution›, telephone …, e-mail …."
  public var contact: String
  /// The report date as `yyyy-MM-dd`: `--date`, else the `assessment_date` answer, else the file's
  /// start date (`report_date`).
  public var reportDate: String
  /// The canonical hash of the answers the report was built from (set with the revision
  /// record; what approvals and the DOCX footer name).
  public var answersHash: AnswersHash?
  /// The staff report's own parts (the `council-report` template).
  public var council = Council()
  /// Who the documents are for (`{{#audience.public}}`, `{{#audience.full}}`).
  public var audience = ReportAudience.full
}
