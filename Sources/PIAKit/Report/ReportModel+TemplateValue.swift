/// The report model as templates see it. Field names are snake_case; optional
/// parts are lists of zero or one item (`{{#vendor}}…{{/vendor}}`); every list
/// `x` has flags `has_x` and `no_x`. `docs/templates.md` lists every field.
extension ReportModel {
  /// The model as a template value; `cite` holds every provision of `law`,
  /// printed through the catalogue, under its id with `-` and `.` as `_`
  /// (`{{cite.mfippa_s28_2}}` → "MFIPPA s. 28(2)").
  public func templateValue(law: LawCatalogue) -> TemplateValue {
    let findingValues = findings.map(\.templateValue)
    let open = actions.filter { ReportModel.isOpen($0.status) }
    let total = residualCounts.reduce(0) { $0 + $1.count }
    let summary =
      "\(total) risk\(total == 1 ? "" : "s"): "
      + residualCounts.map { "\($0.count) \($0.level.lowercased())" }.joined(separator: ", ")
      + " after mitigation"
    var fields: [(String, TemplateValue)] = [
      ("document", document.templateValue),
      ("initiative", initiative.templateValue),
      ("screening", screening.templateValue),
      ("law", self.law.templateValue),
      ("conclusion", conclusion.templateValue),
      (
        "risk",
        .object(
          TemplateObject([
            ("total", .text(String(total))),
            ("summary", .text(summary)),
            ("residual_counts", .list(residualCounts.map(\.templateValue))),
            ("inherent_counts", .list(inherentCounts.map(\.templateValue))),
            (
              "counts",
              .list(
                zip(inherentCounts, residualCounts).map {
                  .fields([
                    "level": .text($1.level), "inherent": .text(String($0.count)),
                    "residual": .text(String($1.count)),
                  ])
                })
            ),
            ("heat_map", .list(heatMap.map(\.templateValue))),
          ]))
      ),
    ]
    fields += Self.list("findings", findingValues)
    // Summaries list a finding that repeats per data flow once, naming its flows.
    let grouped = Self.grouped(findings)
    fields += Self.list("top_findings", grouped.prefix(5).map(\.templateValue))
    fields += Self.list("key_findings", grouped.prefix(3).map(\.templateValue))
    fields += Self.list("finding_groups", grouped.map(\.templateValue))
    fields += Self.list("actions", actions.map(\.templateValue))
    fields += Self.list("conditions", open.map(\.templateValue))
    // The council appendix lists at most eight conditions, highest priority
    // first, and points to the action plan for the rest (it must fit two pages).
    let keyConditions = Array(open.prefix(Self.councilConditionLimit))
    let others = open.count - keyConditions.count
    fields += Self.list("key_conditions", keyConditions.map(\.templateValue))
    fields.append(
      ("key_conditions_dated_by_policy", .flag(keyConditions.contains(where: \.targetFromPolicy))))
    fields += Self.list(
      "other_conditions",
      others == 0
        ? []
        : [
          .text(
            conclusion.recommendation == .proceedWithConditions
              ? "The remaining \(others) condition\(others == 1 ? " is" : "s are") listed in the action plan of the full assessment (\(document.piaNumber)) and form\(others == 1 ? "s" : "") part of these conditions."
              : "The remaining \(others) action\(others == 1 ? " is" : "s are") listed in the action plan of the full assessment (\(document.piaNumber))."
          )
        ])
    fields += Self.list("inventory", inventory.map(\.templateValue))
    fields += [("data_summary", .text(dataSummary))]
    fields += Self.list("data_flows", dataFlows.map(\.templateValue))
    fields += [("analysis", .list(analysis.map(\.templateValue)))]
    fields += [("vendor", .list(vendor.map { [$0.templateValue] } ?? []))]
    fields += [("uses_ai_tool", .flag(vendor != nil))]
    fields += [
      ("sign_off", signOff.templateValue),
      (
        "review",
        .fields(["next_review": .text(review.nextReview), "triggers": .texts(review.triggers)])
      ),
      ("notice", notice.templateValue),
      ("appendix", .list(appendix.map(\.templateValue))),
      ("changes", .list(changes.map { [$0.templateValue] } ?? [])),
      ("contact", .text(contact)),
      ("council", council.templateValue),
      (
        "audience",
        .fields(["full": .flag(audience == .full), "public": .flag(audience == .public)])
      ),
      ("report_date", .text(reportDate)),
      (
        "cite",
        .object(TemplateObject(law.provisions.map { (Self.citeKey($0.id), .text($0.printed)) }))
      ),
    ]
    return .object(TemplateObject(fields))
  }

  /// The findings with those that repeat per data flow (same title and
  /// residual level) merged into one row whose `flow` names them: "3 data
  /// flows: A, B, C" (the first five, then "and N more"), numbered with the
  /// register numbers it merges ("R4, R6, R9").
  static func grouped(_ findings: [FindingRow]) -> [FindingRow] {
    var order: [String] = []
    var groups: [String: [FindingRow]] = [:]
    for finding in findings {
      let key =
        finding.flow == nil ? "\u{1}" + finding.number : finding.title + "\u{0}" + finding.residual
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(finding)
    }
    return order.compactMap { key -> FindingRow? in
      guard let members = groups[key], var first = members.first else { return nil }
      guard members.count > 1 else { return first }
      let names = members.compactMap(\.flow)
      let shown = names.prefix(5).joined(separator: ", ")
      let more = names.count > 5 ? " and \(names.count - 5) more" : ""
      first.flow = "\(members.count) data flows: \(shown)\(more)"
      let numbers = members.map(\.number)
      first.number =
        numbers.count <= 4
        ? numbers.joined(separator: ", ") : numbers.prefix(3).joined(separator: ", ") + ", …"
      first.blocker = members.contains(where: \.blocker)
      return first
    }
  }

  /// The personal information in plain words for the council appendix: the
  /// data elements answered (not the statutory category labels), the first
  /// eight, then "and N more".
  var dataSummary: String {
    var elements: [String] = []
    for category in inventory where category.isPersonal {
      for element in category.elements where !elements.contains(element) {
        elements.append(element)
      }
    }
    guard !elements.isEmpty else { return "none recorded" }
    let shown = elements.prefix(8)
    let more = elements.count > 8 ? " and \(elements.count - 8) more" : ""
    return shown.count > 1 && more.isEmpty
      ? shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
      : shown.joined(separator: ", ") + more
  }

  /// How many conditions the council appendix lists before pointing to the action plan.
  public static let councilConditionLimit = 8

  /// The template name of a provision id: `mfippa-s28-2` → `mfippa_s28_2`.
  public static func citeKey(_ id: String) -> String {
    String(id.map { $0 == "-" || $0 == "." ? "_" : $0 })
  }

  /// `name`, `has_name` and `no_name`.
  static func list(_ name: String, _ items: [TemplateValue]) -> [(String, TemplateValue)] {
    [
      (name, .list(items)), ("has_" + name, .flag(!items.isEmpty)),
      ("no_" + name, .flag(items.isEmpty)),
    ]
  }

  static func object(_ fields: [(String, TemplateValue)]) -> TemplateValue {
    .object(TemplateObject(fields))
  }
}

extension ReportModel.DocumentControl {
  var templateValue: TemplateValue {
    ReportModel.object([
      ("title", .text(title)), ("initiative", .text(initiative)),
      ("institution", .text(institution)),
      ("pia_number", .text(piaNumber)), ("version", .text(version)), ("status", .text(status)),
      ("assessed_as_of", .text(assessedAsOf)), ("last_reviewed", .text(lastReviewed)),
      ("author", .text(author)), ("owner", .text(owner)), ("questionnaire", .text(questionnaire)),
      (
        "revisions",
        .list(
          revisions.map {
            .fields([
              "version": .text($0.version), "date": .text($0.date),
              "description": .text($0.description),
            ])
          })
      ),
    ])
  }
}

extension ReportModel.Initiative {
  var templateValue: TemplateValue {
    ReportModel.object([
      ("purpose", .text(purpose)), ("current_vs_proposed", .text(currentVsProposed)),
      ("stage", .text(stage)), ("stakeholders", .text(stakeholders)), ("systems", .text(systems)),
      ("vendors", .text(vendors)), ("in_scope", .texts(inScope)),
      ("out_of_scope", .texts(outOfScope)),
      ("related_assessments", .text(relatedAssessments)), ("scope_summary", .text(scopeSummary)),
    ])
  }
}

extension ReportModel.ScreeningResult {
  var templateValue: TemplateValue {
    ReportModel.object(
      [("handles_pi", .flag(handlesPI)), ("no_pi", .flag(!handlesPI)), ("outcome", .text(outcome))]
        + ReportModel.list("reasons", reasons.map { .text($0) })
        + [("no_pi_reasons", .text(noPIReasons))])
  }
}

extension ReportModel.LawStatus {
  var templateValue: TemplateValue {
    ReportModel.object(
      [("applied", .texts(applied))]
        + ReportModel.list(
          "pending",
          pending.map {
            .fields([
              "title": .text($0.title), "commencement": .text($0.commencement),
              "effects": .texts($0.effects),
            ])
          })
        + [
          ("law_checked", .text(lawChecked)),
          (
            "citations",
            .list(
              citations.map {
                .fields([
                  "cite": .text($0.cite), "meaning": .text($0.meaning),
                  "uncertain": .flag($0.uncertain),
                ])
              })
          ),
        ])
  }
}

extension ReportModel.Conclusion {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("recommendation", .text(label.isEmpty ? recommendation.label : label)),
        ("recommendation_id", .text(recommendation.rawValue)),
        ("proceed", .flag(recommendation == .proceed)),
        ("proceed_with_conditions", .flag(recommendation == .proceedWithConditions)),
        ("do_not_proceed", .flag(recommendation == .doNotProceed)),
        ("incomplete", .flag(recommendation == .incomplete)),
        ("reasons", .texts(reasons)), ("authorized", .text(authorized)),
        ("overall_inherent", .text(overallInherent)),
        ("overall_residual", .text(overallResidual)),
        ("derivation", .texts(derivation)),
      ] + ReportModel.list("missing", incomplete.map { .text($0) }))
  }
}

extension ReportModel.LevelCount {
  var templateValue: TemplateValue {
    .fields(["level": .text(level), "count": .text(String(count))])
  }
}

extension ReportModel.HeatMapRow {
  var templateValue: TemplateValue {
    ReportModel.object(
      [("severity", .text(severity))]
        + zip(["remote", "possible", "likely", "almost_certain"], cells).map { ($0, .text($1)) })
  }
}

extension ReportModel.FindingRow {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("number", .text(number)), ("title", .text(title)),
        ("flow", .list(flow.map { [.text($0)] } ?? [])),
        ("harm", .text(harm)), ("affected", .text(affected)),
        ("citations", .text(citations.isEmpty ? "None" : citations.joined(separator: "; "))),
        ("inherent", .text(inherent)), ("inherent_basis", .text(inherentBasis)),
        ("residual", .text(residual)), ("residual_basis", .text(residualBasis)),
        ("blocker", .flag(blocker)),
        ("not_established", .list(notEstablished.map { [.text($0)] } ?? [])),
      ]
        + ReportModel.list(
          "mitigations",
          mitigations.map { .fields(["title": .text($0.title), "status": .text($0.status)]) })
        + [("key_mitigation", .text(keyMitigation))])
  }
}

extension ReportModel.ActionRow {
  var templateValue: TemplateValue {
    ReportModel.object([
      ("number", .text(number)), ("title", .text(title)),
      ("vendor_step", .list(vendorStep.map { [.text($0)] } ?? [])),
      ("priority", .text(priority)),
      ("owner", .text(owner)), ("target", .text(target)), ("target_date", .text(targetDate)),
      ("target_from_policy", .flag(targetFromPolicy)), ("status", .text(status)),
      ("findings", .text(findings)), ("open", .flag(ReportModel.isOpen(status))),
    ])
  }
}

extension ReportModel.InventoryCategory {
  var templateValue: TemplateValue {
    .fields([
      "category": .text(category), "elements": .text(elements.joined(separator: "; ")),
      "is_personal": .flag(isPersonal),
    ])
  }
}

extension ReportModel.DataFlowRow {
  var templateValue: TemplateValue {
    ReportModel.object([
      ("number", .text(number)), ("element", .text(element)), ("category", .text(category)),
      ("source", .text(source)), ("purpose", .text(purpose)), ("authority", .text(authority)),
      ("destination", .text(destination)), ("storage", .text(storage)),
      ("disclosure", .text(disclosure)), ("retention", .text(retention)),
    ])
  }
}

extension ReportModel.QuestionAnswer {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("id", .text(id)), ("prompt", .text(prompt)), ("answer", .text(answer)),
        ("answered", .flag(answered)), ("not_answered", .flag(!answered)),
        ("citations", .text(citations.joined(separator: "; "))),
        ("has_citations", .flag(!citations.isEmpty)),
      ]
        + ReportModel.list(
          "entries",
          entries.map { item in
            .fields(["title": .text(item.title), "fields": .list(item.fields.map(\.templateValue))])
          }))
  }
}

extension ReportModel.AnswerSection {
  var templateValue: TemplateValue {
    .fields(["title": .text(title), "questions": .list(questions.map(\.templateValue))])
  }
}

extension ReportModel.AnalysisTopic {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("title", .text(title)), ("citations", .text(citations.joined(separator: "; "))),
        ("conclusion", .text(conclusion)),
      ]
        + ReportModel.list("questions", questions.map(\.templateValue))
        + ReportModel.list("findings", findings.map { .text($0) }))
  }
}

extension ReportModel.VendorSection {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("vendor", .text(vendor)), ("product", .text(product)), ("tier", .text(tier)),
        ("data_location", .text(dataLocation)), ("plan_names", .text(planNames)),
        ("facts_checked", .text(factsChecked)),
      ]
        + ReportModel.list(
          "facts",
          facts.map {
            .fields([
              "fact": .text($0.fact), "value": .text($0.value), "source": .text($0.source),
              "checked": .text($0.checked), "stale": .flag($0.stale), "stated": .text($0.stated),
              "status": .text($0.status),
            ])
          }))
  }
}

extension ReportModel.SignOff {
  var templateValue: TemplateValue {
    ReportModel.object([
      (
        "signers",
        .list(
          signers.map {
            .fields([
              "role": .text($0.role), "name": .text($0.name), "title": .text($0.title),
              "date": .text($0.date), "decision": .text($0.decision),
            ])
          })
      ),
      ("approver", .text(approver)), ("privacy_lead", .text(privacyLead)),
      ("advice", .text(advice)),
      ("advice_outcome", .list(adviceOutcome.map { [.text($0)] } ?? [])),
      ("overrule_reasons", .list(overruleReasons.map { [.text($0)] } ?? [])),
      ("ipc_consulted", .text(ipcConsulted)), ("approval_status", .text(approvalStatus)),
    ])
  }
}

extension ReportModel.Notice {
  var templateValue: TemplateValue {
    ReportModel.object(
      [
        ("institution", .text(institution)), ("authority", .text(authority)),
        ("authority_present", .flag(authorityPresent)), ("purposes", .texts(purposes)),
        ("purposes_present", .flag(purposesPresent)), ("contact", .text(contact)),
        ("contact_present", .flag(contactPresent)), ("citation", .text(citation)),
        ("required", .flag(required)), ("exempt", .flag(!required)),
        ("exemption", .text(exemption)),
      ]
        + ReportModel.list("gaps", gaps.map { .text($0) })
        + [("complete", .flag(complete && required))]
        + [
          (
            "programs",
            .list(
              programs.map { program in
                ReportModel.object(
                  [
                    ("program", .text(program.program)), ("authority", .text(program.authority)),
                    ("purposes", .texts(program.purposes)), ("contact", .text(program.contact)),
                    ("complete", .flag(program.gaps.isEmpty)),
                  ] + ReportModel.list("gaps", program.gaps.map { .text($0) }))
              })
          ),
          ("program_note", .list(programNote.map { [.text($0)] } ?? [])),
        ])
  }
}

extension ReportModel.Changes {
  var templateValue: TemplateValue {
    .fields([
      "since_version": .text(sinceVersion), "materiality": .text(materiality),
      "items": .texts(items),
      "short_items": .texts(shortItems),
    ])
  }
}
