/// The four-level risk scale and the scored result of an assessment: what the
/// risk engine produces and what reports and `pia score` show.
///
/// Likelihood and severity use four levels each (descriptors after the CNIL
/// method, see `docs/risk-method.md`); a fixed 4×4 matrix maps them to a level.
public enum RiskLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
  /// Level 1 of the matrix (`docs/risk-method.md` §2); no bar to proceeding.
  case low = 1
  /// Level 2; no bar to proceeding by itself.
  case medium = 2
  /// Level 3: as the overall residual level, `do_not_proceed` unless the head accepts it.
  case high = 3
  /// Level 4: as the overall residual level, `do_not_proceed` unless the head accepts it.
  case critical = 4

  /// Orders by level: `low` < `medium` < `high` < `critical`.
  public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The level's name as written in JSON and documents: `low` … `critical`.
  public var description: String {
    switch self {
    case .low: return "low"
    case .medium: return "medium"
    case .high: return "high"
    case .critical: return "critical"
    }
  }

  /// Capitalized for prose and tables.
  public var title: String { description.prefix(1).uppercased() + description.dropFirst() }
}

/// How likely the harm is, 1 (remote) to 4 (almost certain).
public enum Likelihood: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
  /// Would need several unusual failures; not expected during the use assessed.
  case remote = 1
  /// Could happen if one safeguard fails or one person errs.
  case possible = 2
  /// Expected at some point in ordinary use with the answers given.
  case likely = 3
  /// Happens in ordinary use; the design itself produces it.
  case almostCertain = 4

  /// Orders by level, `remote` lowest.
  public static func < (lhs: Likelihood, rhs: Likelihood) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The level's name as written in rule files and JSON: `remote`, `possible`, `likely`,
  /// `almost_certain`.
  public var description: String {
    switch self {
    case .remote: return "remote"
    case .possible: return "possible"
    case .likely: return "likely"
    case .almostCertain: return "almost_certain"
    }
  }
}

/// How severe the harm to individuals is, 1 (negligible) to 4 (maximum).
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
  /// Unaffected, or a minor inconvenience overcome easily.
  case negligible = 1
  /// A significant inconvenience overcome with some difficulty.
  case limited = 2
  /// Serious consequences overcome only with real difficulty (sensitive information exposed,
  /// an unlawful collection, a request for records deemed refused).
  case significant = 3
  /// Serious or irreversible consequences.
  case maximum = 4

  /// Orders by level, `negligible` lowest.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The level's name as written in rule files and JSON: `negligible`, `limited`,
  /// `significant`, `maximum`.
  public var description: String {
    switch self {
    case .negligible: return "negligible"
    case .limited: return "limited"
    case .significant: return "significant"
    case .maximum: return "maximum"
    }
  }
}

/// The fixed 4×4 matrix from likelihood and severity to a level.
public enum RiskMatrix {
  /// `levels[severity - 1][likelihood - 1]`.
  public static let levels: [[RiskLevel]] = [
    [.low, .low, .low, .medium],  // negligible
    [.low, .medium, .medium, .high],  // limited
    [.medium, .high, .high, .critical],  // significant
    [.medium, .high, .critical, .critical],  // maximum
  ]

  /// The level for a likelihood and a severity.
  public static func level(_ likelihood: Likelihood, _ severity: Severity) -> RiskLevel {
    levels[severity.rawValue - 1][likelihood.rawValue - 1]
  }
}

/// Whether a PIA is needed, and why.
public struct Screening: Sendable, Hashable {
  /// The screening decision; its raw value is the JSON spelling.
  public enum Outcome: String, Sendable, Hashable {
    /// Personal information is collected, used, kept or disclosed, or reaches the AI tool:
    /// a PIA is required.
    case required
    /// Nothing requires a PIA, but an AI tool, de-identified information or personal
    /// information elsewhere in the project is involved: a PIA is recommended.
    case recommended
    /// No personal information and no AI tool are involved.
    case notNeeded = "not_needed"
  }

  /// Whether a PIA is required, recommended or not needed.
  public var outcome: Outcome
  /// The reasons in plain sentences, required reasons before recommended ones; never empty.
  public var reasons: [String]

  /// Makes a screening result from an outcome and its reasons.
  public init(outcome: Outcome, reasons: [String]) {
    self.outcome = outcome
    self.reasons = reasons
  }
}

/// One risk the rules found: inherent level, the mitigations in place or
/// open, and the residual level.
public struct Finding: Sendable, Hashable {
  /// The rule's id.
  public var ruleID: String
  /// For per-flow rules, the entry id of the data flow (`flow-2`).
  public var flowID: String?
  /// For per-flow rules, a readable name of the flow (its data element).
  public var flowLabel: String?
  /// The rule's title, naming the risk ("Prompts are kept by the vendor").
  public var title: String
  /// Which harm, in plain words.
  public var harm: String
  /// To whom.
  public var affected: String
  /// Law catalogue ids.
  public var citations: [String]
  /// Likelihood before any mitigation, after the rule's raises.
  public var inherentLikelihood: Likelihood
  /// Severity before any mitigation, after the rule's raises.
  public var inherentSeverity: Severity
  /// Likelihood after the mitigations in place.
  public var residualLikelihood: Likelihood
  /// Severity after the mitigations in place.
  public var residualSeverity: Severity
  /// A compliance blocker keeps the overall residual level at least high,
  /// and, established, makes the verdict "do not proceed".
  public var blocker: Bool
  /// The rule's mitigations in rule order, each in place or open.
  public var mitigations: [MitigationStatus]
  /// False when the finding fires only because questions are unanswered
  /// ("not yet established"): answered with their safe answers, it would
  /// not fire. It keeps its level, so the engine stays monotone.
  public var established: Bool = true
  /// For a finding not yet established: the questions it waits for (ids,
  /// or `group.field@entry`).
  public var unanswered: [String] = []

  /// Makes a finding; `established` is `true` and `unanswered` empty until set.
  public init(
    ruleID: String, flowID: String? = nil, flowLabel: String? = nil, title: String,
    harm: String, affected: String, citations: [String], inherentLikelihood: Likelihood,
    inherentSeverity: Severity, residualLikelihood: Likelihood, residualSeverity: Severity,
    blocker: Bool, mitigations: [MitigationStatus]
  ) {
    self.ruleID = ruleID
    self.flowID = flowID
    self.flowLabel = flowLabel
    self.title = title
    self.harm = harm
    self.affected = affected
    self.citations = citations
    self.inherentLikelihood = inherentLikelihood
    self.inherentSeverity = inherentSeverity
    self.residualLikelihood = residualLikelihood
    self.residualSeverity = residualSeverity
    self.blocker = blocker
    self.mitigations = mitigations
  }

  /// A key unique within an assessment: the rule id, and the flow id for per-flow findings.
  public var key: String { flowID.map { "\(ruleID)@\($0)" } ?? ruleID }
  /// The level before mitigation, from the risk matrix.
  public var inherent: RiskLevel { RiskMatrix.level(inherentLikelihood, inherentSeverity) }
  /// The level after the mitigations in place, from the risk matrix.
  public var residual: RiskLevel { RiskMatrix.level(residualLikelihood, residualSeverity) }
}

/// One mitigation of a finding and whether the answers put it in place.
public struct MitigationStatus: Sendable, Hashable {
  /// The mitigation's id in the rule file, unique within its rule.
  public var id: String
  /// What the mitigation does, as the action plan words it.
  public var title: String
  /// `true` when the mitigation's `in_place_when` condition holds on the answers.
  public var inPlace: Bool
  /// The question whose answer puts the mitigation in place.
  public var question: String?

  /// Makes a mitigation status.
  public init(id: String, title: String, inPlace: Bool, question: String? = nil) {
    self.id = id
    self.title = title
    self.inPlace = inPlace
    self.question = question
  }
}

/// An open mitigation turned into an action-plan item.
public struct Action: Sendable, Hashable {
  /// The mitigation's id; one action per mitigation id across all findings.
  public var id: String
  /// What to do, from the rule's mitigation title.
  public var title: String
  /// The findings (keys) this action addresses.
  public var findings: [String]
  /// The highest residual level among those findings.
  public var priority: RiskLevel
  /// Who does it: the answer to the mitigation's owner question; `nil` when unanswered or the
  /// mitigation names none.
  public var owner: String?
  /// By when: the answer to the mitigation's due-date question; `nil` when unanswered or the
  /// mitigation names none.
  public var due: CalendarDate?
  /// `open` for every action the engine makes (the JSON and reports show it as is).
  public var status: String
  /// The assessed vendor's own step for this mitigation, from its vendor file
  /// (`advice:`); `nil` when the vendor file has none. Rule titles stay
  /// vendor-neutral.
  public var vendorStep: String?

  /// Makes an action-plan item; `status` defaults to `open`.
  public init(
    id: String, title: String, findings: [String], priority: RiskLevel, owner: String? = nil,
    due: CalendarDate? = nil, status: String = "open", vendorStep: String? = nil
  ) {
    self.id = id
    self.title = title
    self.findings = findings
    self.priority = priority
    self.owner = owner
    self.due = due
    self.status = status
    self.vendorStep = vendorStep
  }
}

/// A vendor fact older than the allowed age on the assessment date.
public struct StaleFact: Sendable, Hashable {
  /// The vendor id in the vendor catalogue (`openai`).
  public var vendor: String
  /// The plan tier id within that vendor (`team`).
  public var tier: String
  /// The fact's name in the vendor file (`trains_on_content_by_default`).
  public var fact: String
  /// The later of the fact's own check date and the `vendor_facts_checked` answer.
  public var checked: CalendarDate
  /// Days from `checked` to the assessment date; greater than the allowed age.
  public var ageDays: Int
  /// Where the fact comes from: the vendor page or terms cited in the vendor file.
  public var source: String

  /// Makes a stale-fact record.
  public init(
    vendor: String, tier: String, fact: String, checked: CalendarDate, ageDays: Int,
    source: String
  ) {
    self.vendor = vendor
    self.tier = tier
    self.fact = fact
    self.checked = checked
    self.ageDays = ageDays
    self.source = source
  }
}

/// Whether the municipality has checked the assessed vendor tier's facts.
public struct VendorFactsStatus: Sendable, Hashable {
  /// `not_checked` until every fact has a check date; `stale` when a check
  /// is older than the allowed age; else `current`.
  public enum State: String, Sendable, Hashable {
    /// Some fact has no check date at all.
    case notChecked = "not_checked"
    /// Every fact is checked, none longer ago than the allowed age.
    case current
    /// Every fact is checked, but some check is older than the allowed age.
    case stale
  }

  /// The assessed vendor's id in the vendor catalogue.
  public var vendor: String
  /// The assessed plan tier's id within that vendor.
  public var tier: String
  /// The vendor's own plan names for the tier ("ChatGPT Business").
  public var planNames: [String]
  /// The `vendor_facts_checked` answer.
  public var checked: CalendarDate?
  /// The `vendor_facts_checked_by` answer.
  public var checkedBy: String?
  /// Whether every fact is checked and recent enough.
  public var state: State
  /// Facts with no check date at all.
  public var unchecked: [String]
  /// How many facts the tier states.
  public var count: Int
  /// How many of the tier's facts the vendor file marks `status: unverified` (a secondary
  /// source, a conflict or an inference).
  public var unverified: Int

  /// Makes a check status; `unchecked` lists fact names, sorted.
  public init(
    vendor: String, tier: String, planNames: [String], checked: CalendarDate?,
    checkedBy: String?, state: State, unchecked: [String], count: Int, unverified: Int
  ) {
    self.vendor = vendor
    self.tier = tier
    self.planNames = planNames
    self.checked = checked
    self.checkedBy = checkedBy
    self.state = state
    self.unchecked = unchecked
    self.count = count
    self.unverified = unverified
  }

  /// One line for reports: "Not yet checked by the municipality." or
  /// "Checked by the municipality on 2026-04-02 (Priya Raman)."
  public var summary: String {
    guard let checked, state != .notChecked else {
      return "Not yet checked by the municipality."
    }
    let who = checkedBy.map { " (\($0))" } ?? ""
    let stale = state == .stale ? " Some checks are older than the allowed age." : ""
    return "Checked by the municipality on \(checked)\(who).\(stale)"
  }
}

/// The scored assessment.
public struct Assessment: Sendable, Hashable {
  /// The questionnaire the answers belong to (`ai-assistant`, `mfippa-pia`).
  public var questionnaireID: String
  /// The questionnaire's `version`, so a score can be tied to the questions asked.
  public var questionnaireVersion: Int
  /// The date the assessment was scored as of (from the answers file or `--date`).
  public var asOf: CalendarDate
  /// Whether a PIA is needed, and why.
  public var screening: Screening
  /// Sorted by residual level (highest first), then inherent, then key.
  public var findings: [Finding]
  /// The highest inherent level among the findings; `low` when there are none.
  public var overallInherent: RiskLevel
  /// The highest residual level among the findings, held at least `high` by any compliance
  /// blocker; `low` when there are none.
  public var overallResidual: RiskLevel
  /// Keys of the findings that set the overall residual level (or the blocker
  /// that holds it at high).
  public var setBy: [String]
  /// Plain-language derivation of the overall levels.
  public var derivation: [String]
  /// The action plan: one item per open mitigation, highest priority first.
  public var actions: [Action]
  /// Vendor facts whose check is older than the allowed age (180 days by default) on `asOf`,
  /// oldest first.
  public var staleFacts: [StaleFact]
  /// The verdict and its reasons (see ``Conclusion``).
  public var conclusion: Conclusion
  /// The check status of the vendor facts used; `nil` when no vendor tier applies.
  public var vendorFacts: VendorFactsStatus?

  /// Makes an assessment; without a `conclusion`, one is drawn from the findings and the open
  /// actions as if no answer were missing (the engine passes its own).
  public init(
    questionnaireID: String, questionnaireVersion: Int, asOf: CalendarDate, screening: Screening,
    findings: [Finding], overallInherent: RiskLevel, overallResidual: RiskLevel,
    setBy: [String], derivation: [String], actions: [Action], staleFacts: [StaleFact],
    conclusion: Conclusion? = nil, vendorFacts: VendorFactsStatus? = nil
  ) {
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.asOf = asOf
    self.screening = screening
    self.findings = findings
    self.overallInherent = overallInherent
    self.overallResidual = overallResidual
    self.setBy = setBy
    self.derivation = derivation
    self.actions = actions
    self.staleFacts = staleFacts
    self.conclusion =
      conclusion
      ?? Conclusion.draw(
        findings: findings, missing: [], residual: overallResidual,
        openActions: actions.filter { $0.status == "open" }.count,
        noPersonalInformation: screening.outcome == .notNeeded, cite: { $0 })
    self.vendorFacts = vendorFacts
  }

  /// Finding counts by residual level.
  public func residualCounts() -> [RiskLevel: Int] {
    findings.reduce(into: [:]) { $0[$1.residual, default: 0] += 1 }
  }
}
