/// The four-level risk scale and the scored result of an assessment: what the
/// risk engine produces and what reports and `pia score` show.
///
/// Likelihood and severity use four levels each (descriptors after the CNIL
/// method, see `docs/risk-method.md`); a fixed 4×4 matrix maps them to a level.
public enum RiskLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
  case low = 1
  case medium = 2
  case high = 3
  case critical = 4

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
  case remote = 1
  case possible = 2
  case likely = 3
  case almostCertain = 4

  public static func < (lhs: Likelihood, rhs: Likelihood) -> Bool { lhs.rawValue < rhs.rawValue }

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
  case negligible = 1
  case limited = 2
  case significant = 3
  case maximum = 4

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

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
  public enum Outcome: String, Sendable, Hashable {
    case required
    case recommended
    case notNeeded = "not_needed"
  }

  public var outcome: Outcome
  public var reasons: [String]

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
  public var title: String
  /// Which harm, in plain words.
  public var harm: String
  /// To whom.
  public var affected: String
  /// Law catalogue ids.
  public var citations: [String]
  public var inherentLikelihood: Likelihood
  public var inherentSeverity: Severity
  public var residualLikelihood: Likelihood
  public var residualSeverity: Severity
  /// A compliance blocker keeps the overall residual level at least high,
  /// and, established, makes the verdict "do not proceed".
  public var blocker: Bool
  public var mitigations: [MitigationStatus]
  /// False when the finding fires only because questions are unanswered
  /// ("not yet established"): answered with their safe answers, it would
  /// not fire. It keeps its level, so the engine stays monotone.
  public var established: Bool = true
  /// For a finding not yet established: the questions it waits for (ids,
  /// or `group.field@entry`).
  public var unanswered: [String] = []

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
  public var inherent: RiskLevel { RiskMatrix.level(inherentLikelihood, inherentSeverity) }
  public var residual: RiskLevel { RiskMatrix.level(residualLikelihood, residualSeverity) }
}

/// One mitigation of a finding and whether the answers put it in place.
public struct MitigationStatus: Sendable, Hashable {
  public var id: String
  public var title: String
  public var inPlace: Bool
  /// The question whose answer puts the mitigation in place.
  public var question: String?

  public init(id: String, title: String, inPlace: Bool, question: String? = nil) {
    self.id = id
    self.title = title
    self.inPlace = inPlace
    self.question = question
  }
}

/// An open mitigation turned into an action-plan item.
public struct Action: Sendable, Hashable {
  public var id: String
  public var title: String
  /// The findings (keys) this action addresses.
  public var findings: [String]
  /// The highest residual level among those findings.
  public var priority: RiskLevel
  public var owner: String?
  public var due: CalendarDate?
  public var status: String
  /// The assessed vendor's own step for this mitigation, from its vendor file
  /// (`advice:`); `nil` when the vendor file has none. Rule titles stay
  /// vendor-neutral.
  public var vendorStep: String?

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
  public var vendor: String
  public var tier: String
  public var fact: String
  public var checked: CalendarDate
  public var ageDays: Int
  public var source: String

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
    case notChecked = "not_checked"
    case current
    case stale
  }

  public var vendor: String
  public var tier: String
  /// The vendor's own plan names for the tier ("ChatGPT Business").
  public var planNames: [String]
  /// The `vendor_facts_checked` answer.
  public var checked: CalendarDate?
  /// The `vendor_facts_checked_by` answer.
  public var checkedBy: String?
  public var state: State
  /// Facts with no check date at all.
  public var unchecked: [String]
  /// How many facts the tier states, and how many of them are unverified.
  public var count: Int
  public var unverified: Int

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
  public var questionnaireID: String
  public var questionnaireVersion: Int
  /// The date the assessment was scored as of (from the answers file or `--date`).
  public var asOf: CalendarDate
  public var screening: Screening
  /// Sorted by residual level (highest first), then inherent, then key.
  public var findings: [Finding]
  public var overallInherent: RiskLevel
  public var overallResidual: RiskLevel
  /// Keys of the findings that set the overall residual level (or the blocker
  /// that holds it at high).
  public var setBy: [String]
  /// Plain-language derivation of the overall levels.
  public var derivation: [String]
  public var actions: [Action]
  public var staleFacts: [StaleFact]
  /// The verdict and its reasons (see ``Conclusion``).
  public var conclusion: Conclusion
  /// The check status of the vendor facts used; `nil` when no vendor tier applies.
  public var vendorFacts: VendorFactsStatus?

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
