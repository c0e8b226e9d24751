/// The JSON value of `pia score --format json`: the project's one JSON
/// writer (`CanonicalJSON`), whose objects keep their keys in the order
/// written, so keys print in the documented order.
public typealias JSONValue = CanonicalJSON.Value

extension CanonicalJSON.Value {
  /// The value as JSON text indented by two spaces, without a final newline.
  public func rendered() -> String {
    String(CanonicalJSON.pretty(self).dropLast())
  }
}

extension Assessment {
  /// The documented JSON shape (see `docs/risk-method.md`); citations of a
  /// bill not yet introduced on the assessment date are left out.
  public func json(law: LawCatalogue, source: String? = nil) -> JSONValue {
    json(printer: CitationPrinter(law: law, on: asOf), source: source)
  }

  /// The documented JSON shape, printing citations with `cite`.
  public func json(cite: @escaping (String) -> String, source: String? = nil) -> JSONValue {
    json(printer: nil, cite: cite, source: source)
  }

  private func json(
    printer: CitationPrinter?, cite: ((String) -> String)? = nil, source: String? = nil
  ) -> JSONValue {
    let print: ([String]) -> String = { ids in
      if let printer { return printer.cite(all: ids) }
      return ids.map { cite?($0) ?? $0 }.joined(separator: "; ")
    }
    let citable: ([String]) -> [String] = { printer?.citable($0) ?? $0 }
    var top: [(String, JSONValue)] = []
    if let source { top.append(("file", .string(source))) }
    top += [
      (
        "questionnaire",
        .object([
          ("id", .string(questionnaireID)), ("version", .number(Double(questionnaireVersion))),
        ])
      ),
      ("as_of", .string(asOf.description)),
      (
        "screening",
        .object([
          ("outcome", .string(screening.outcome.rawValue)),
          ("reasons", .array(screening.reasons.map(JSONValue.string))),
        ])
      ),
      (
        "overall",
        .object([
          ("inherent", .string(overallInherent.description)),
          ("residual", .string(overallResidual.description)),
          ("set_by", .array(setBy.map(JSONValue.string))),
          ("derivation", .array(derivation.map(JSONValue.string))),
        ])
      ),
      ("conclusion", conclusion.json),
      ("findings", .array(findings.map { $0.json(print: print, citable: citable) })),
      ("actions", .array(actions.map(\.json))),
      ("vendor_facts", vendorFacts.map(\.json) ?? .null),
      ("stale_facts", .array(staleFacts.map(\.json))),
    ]
    return .object(top)
  }

  /// The plain-text report of `pia score`.
  public func text(law: LawCatalogue, source: String? = nil) -> String {
    let printer = CitationPrinter(law: law, on: asOf)
    var lines: [String] = []
    if let source { lines.append("Answers: \(source)") }
    lines.append("Questionnaire: \(questionnaireID) v\(questionnaireVersion), scored as of \(asOf)")
    lines.append("Conclusion: \(conclusion.label)")
    for reason in conclusion.reasons { lines.append("  - \(reason)") }
    if !conclusion.missing.isEmpty {
      lines.append(
        "  Waiting for \(conclusion.missing.count) answer\(conclusion.missing.count == 1 ? "" : "s"):"
      )
      for item in conclusion.missing {
        let why = item.because == "required" ? "required" : "needed by \(item.because)"
        lines.append("    \(item.question): \(item.prompt) (\(why))")
      }
    }
    lines.append("Overall risk: \(overallInherent) → \(overallResidual) (inherent → residual)")
    for line in derivation { lines.append("  \(line)") }
    lines.append("")
    lines.append(
      "Screening: PIA \(screening.outcome.rawValue.replacingOccurrences(of: "_", with: " "))")
    for reason in screening.reasons { lines.append("  - \(reason)") }
    lines.append("")
    if findings.isEmpty {
      lines.append("Findings: none")
    } else {
      lines.append("Findings (\(findings.count), highest residual first):")
      for finding in findings {
        let flow =
          finding.flowID.map { id in
            " [flow \(id)\(finding.flowLabel.map { ": \($0)" } ?? "")]"
          } ?? ""
        let blocker = finding.blocker ? " BLOCKER" : ""
        let pending = finding.established ? "" : " (NOT YET ESTABLISHED)"
        lines.append(
          "  \(finding.residual.title.uppercased())\(blocker)\(pending)  \(finding.title)\(flow)")
        lines.append(
          "    \(finding.ruleID): inherent \(finding.inherent) (\(finding.inherentLikelihood), "
            + "\(finding.inherentSeverity)) → residual \(finding.residual) "
            + "(\(finding.residualLikelihood), \(finding.residualSeverity))")
        if !finding.established {
          lines.append(
            "    Not yet established: fires only because \(finding.unanswered.joined(separator: ", ")) "
              + "\(finding.unanswered.count == 1 ? "is" : "are") unanswered.")
        }
        lines.append("    Harm: \(finding.harm)")
        lines.append("    Affected: \(finding.affected)")
        lines.append("    Citation: \(printer.cite(all: finding.citations))")
        let inPlace = finding.mitigations.filter(\.inPlace).map(\.title)
        let open = finding.mitigations.filter { !$0.inPlace }.map(\.title)
        if !inPlace.isEmpty { lines.append("    In place: \(inPlace.joined(separator: "; "))") }
        if !open.isEmpty { lines.append("    Open: \(open.joined(separator: "; "))") }
      }
    }
    if !actions.isEmpty {
      lines.append("")
      lines.append("Actions (\(actions.count)):")
      for action in actions {
        var extra: [String] = []
        if let owner = action.owner { extra.append("owner: \(owner)") }
        if let due = action.due { extra.append("due: \(due)") }
        let suffix = extra.isEmpty ? "" : " (\(extra.joined(separator: ", ")))"
        lines.append("  [\(action.priority)] \(action.title)\(suffix)")
        if let step = action.vendorStep { lines.append("      For this vendor: \(step)") }
      }
    }
    if let vendorFacts {
      lines.append("")
      let plans =
        vendorFacts.planNames.isEmpty ? "" : " (\(vendorFacts.planNames.joined(separator: ", ")))"
      lines.append(
        "Vendor facts: \(vendorFacts.vendor)/\(vendorFacts.tier)\(plans), \(vendorFacts.count) facts, "
          + "\(vendorFacts.unverified) unverified. \(vendorFacts.summary)")
    }
    if !staleFacts.isEmpty {
      lines.append("")
      lines.append("Stale vendor facts (\(staleFacts.count); re-check before relying on them):")
      for fact in staleFacts {
        lines.append(
          "  warning: \(fact.vendor)/\(fact.tier) \(fact.fact) checked \(fact.checked) "
            + "(\(fact.ageDays) days before \(asOf)): \(fact.source)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension Conclusion {
  var json: JSONValue {
    .object([
      ("verdict", .string(verdict.rawValue)),
      ("label", .string(label)),
      ("reasons", .array(reasons.map(JSONValue.string))),
      ("blockers", .array(blockers.map(JSONValue.string))),
      (
        "incomplete",
        .array(
          missing.map {
            .object([
              ("question", .string($0.question)), ("prompt", .string($0.prompt)),
              ("because", .string($0.because)),
            ])
          })
      ),
      (
        "risk_accepted",
        riskAcceptance.map { acceptance in
          .object([
            ("by", .string(acceptance.name)),
            ("delegation", acceptance.delegation.map(JSONValue.string) ?? .null),
            ("date", .string(acceptance.date.description)),
            ("reason", .string(acceptance.reason)),
            ("conditions", acceptance.conditions.map(JSONValue.string) ?? .null),
          ])
        } ?? .null
      ),
    ])
  }
}

extension Finding {
  func json(print: ([String]) -> String, citable: ([String]) -> [String]) -> JSONValue {
    .object([
      ("id", .string(ruleID)),
      ("key", .string(key)),
      ("title", .string(title)),
      ("flow", flowID.map(JSONValue.string) ?? .null),
      ("flow_label", flowLabel.map(JSONValue.string) ?? .null),
      ("citation", .string(print(citations))),
      ("cites", .array(citable(citations).map(JSONValue.string))),
      ("harm", .string(harm)),
      ("affected", .string(affected)),
      ("inherent", .string(inherent.description)),
      ("residual", .string(residual.description)),
      (
        "likelihood",
        .object([
          ("inherent", .string(inherentLikelihood.description)),
          ("residual", .string(residualLikelihood.description)),
        ])
      ),
      (
        "severity",
        .object([
          ("inherent", .string(inherentSeverity.description)),
          ("residual", .string(residualSeverity.description)),
        ])
      ),
      ("blocker", .bool(blocker)),
      ("established", .bool(established)),
      ("unanswered", .array(unanswered.map(JSONValue.string))),
      (
        "mitigations",
        .array(
          mitigations.map {
            .object([
              ("id", .string($0.id)), ("title", .string($0.title)), ("in_place", .bool($0.inPlace)),
            ])
          })
      ),
    ])
  }
}

extension Action {
  var json: JSONValue {
    .object([
      ("id", .string(id)),
      ("title", .string(title)),
      ("priority", .string(priority.description)),
      ("findings", .array(findings.map(JSONValue.string))),
      ("owner", owner.map(JSONValue.string) ?? .null),
      ("due", due.map { .string($0.description) } ?? .null),
      ("status", .string(status)),
      ("vendor_step", vendorStep.map(JSONValue.string) ?? .null),
    ])
  }
}

extension VendorFactsStatus {
  var json: JSONValue {
    .object([
      ("vendor", .string(vendor)),
      ("tier", .string(tier)),
      ("plan_names", .array(planNames.map(JSONValue.string))),
      ("status", .string(state.rawValue)),
      ("checked", checked.map { .string($0.description) } ?? .null),
      ("checked_by", checkedBy.map(JSONValue.string) ?? .null),
      ("facts", .number(Double(count))),
      ("unverified", .number(Double(unverified))),
      ("unchecked", .array(unchecked.map(JSONValue.string))),
    ])
  }
}

extension StaleFact {
  var json: JSONValue {
    .object([
      ("vendor", .string(vendor)),
      ("tier", .string(tier)),
      ("fact", .string(fact)),
      ("checked", .string(checked.description)),
      ("age_days", .number(Double(ageDays))),
      ("source", .string(source)),
    ])
  }
}

/// Prints law-catalogue ids as citations, with the lookup table built once.
///
/// Given a date, provisions of a bill not yet introduced on that date are
/// left out by ``citable(_:)``: a report never cites a bill that did not
/// exist when the assessment was made.
struct CitationPrinter: Sendable {
  private var printed: [String: String]
  private var hidden: Set<String>

  /// - Parameters:
  ///   - law: The catalogue.
  ///   - date: The assessment date; `nil` cites everything.
  init(law: LawCatalogue, on date: CalendarDate? = nil) {
    var printed: [String: String] = [:]
    var hidden: Set<String> = []
    for provision in law.provisions where printed[provision.id] == nil {
      printed[provision.id] = provision.printed
      if let date, !law.isCitable(provision.id, on: date) { hidden.insert(provision.id) }
    }
    self.printed = printed
    self.hidden = hidden
  }

  /// The printed citation, or the id itself when the catalogue lacks it.
  func cite(_ id: String) -> String { printed[id] ?? id }

  /// `ids` without the provisions not citable on the printer's date.
  func citable(_ ids: [String]) -> [String] { ids.filter { !hidden.contains($0) } }

  /// The printed citations of `ids` that are citable, joined with "; ".
  func cite(all ids: [String]) -> String { citable(ids).map(cite).joined(separator: "; ") }
}
