/// Whether an assessment is needed, and whether the municipality has
/// checked the vendor facts the score rests on.
extension RiskEngine {
  /// Whether a PIA is needed, and why.
  func screen(_ answers: [String: AnswerValue]) -> Screening {
    var required: [String] = []
    var recommended: [String] = []
    let information = Self.choice(answers["personal_information"])
    if information == "identifiable" {
      required.append("Identifiable personal information reaches the AI tool.")
    }
    if case .bool(true)? = answers["handles_pi"] {
      required.append("The project collects, uses, keeps or discloses personal information.")
    }
    if case .entries(let entries)? = answers["data_flows"] {
      let personal = entries.filter { Self.choice($0.values["pi_category"]) != "business_contact" }
      if !personal.isEmpty {
        required.append(
          "The inventory lists \(personal.count) flow\(personal.count == 1 ? "" : "s") of "
            + "personal information.")
      }
    }
    if case .choices(let sensitive)? = answers["sensitive_categories"], !sensitive.isEmpty {
      let names = sensitive.map { label("sensitive_categories", $0) }
      required.append("Sensitive information may reach the tool: \(names.joined(separator: "; ")).")
    }
    if let scope = Self.choice(answers["access_scope"]),
      ["records_system", "property_system", "whole_device"].contains(scope)
    {
      required.append(
        "The tool can reach: \(label("access_scope", scope)). Personal information is held there.")
    }
    if case .choices(let tasks)? = answers["ai_tasks"] {
      for task in tasks where task == "resident_casework" || task == "records_foi_prep" {
        required.append("The tasks include: \(label("ai_tasks", task)).")
      }
    }
    if information == "deidentified" {
      recommended.append(
        "De-identified information reaches the tool; check that people cannot be re-identified.")
    }
    if case .bool(true)? = answers["other_pi_in_project"] {
      recommended.append("The project handles personal information outside the AI tool.")
    }
    let usesAI: Bool
    if case .bool(let flag)? = answers["uses_ai_tool"] {
      usesAI = flag
    } else {
      usesAI = answers[Self.vendorQuestion] != nil || answers[Self.tierQuestion] != nil
    }
    if usesAI {
      recommended.append(
        "An AI tool is used: anything typed into prompts reaches the vendor, and prompts may "
          + "carry personal information.")
    }
    if !required.isEmpty { return Screening(outcome: .required, reasons: required + recommended) }
    if !recommended.isEmpty { return Screening(outcome: .recommended, reasons: recommended) }
    return Screening(
      outcome: .notNeeded,
      reasons: ["No personal information and no AI tool are involved."])
  }

  private func label(_ question: String, _ choice: String) -> String {
    questionnaire.question(question)?.label(ofChoice: choice) ?? choice
  }

  /// The check status of the assessed tier's facts and the facts whose check
  /// is older than `days` on `asOf`. A fact counts as checked on the later of
  /// its own `checked` date (a municipality's edit of the vendor file) and
  /// the `vendor_facts_checked` answer.
  func factCheck(
    answers: [String: AnswerValue], facts: [String: VendorFact], vendor: String?, tier: String?,
    asOf: CalendarDate, days: Int
  ) -> (status: VendorFactsStatus?, stale: [StaleFact]) {
    guard let vendor, let tier, !facts.isEmpty else { return (nil, []) }
    var answered: CalendarDate?
    if case .date(let date)? = answers[Self.factsCheckedQuestion] { answered = date }
    let checker = Self.text(answers[Self.factsCheckedByQuestion])
    var stale: [StaleFact] = []
    var unchecked: [String] = []
    for (name, fact) in facts {
      let dates = [fact.checked, answered].compactMap { $0 }
      guard let checked = dates.max() else {
        unchecked.append(name)
        continue
      }
      let age = checked.days(until: asOf)
      if age > days {
        stale.append(
          StaleFact(
            vendor: vendor, tier: tier, fact: name, checked: checked, ageDays: age,
            source: fact.source))
      }
    }
    stale.sort { $0.ageDays != $1.ageDays ? $0.ageDays > $1.ageDays : $0.fact < $1.fact }
    let plans = vendors.vendor(vendor)?.planNames(tier: tier) ?? []
    let state: VendorFactsStatus.State =
      !unchecked.isEmpty ? .notChecked : stale.isEmpty ? .current : .stale
    let status = VendorFactsStatus(
      vendor: vendor, tier: tier, planNames: plans, checked: answered, checkedBy: checker,
      state: state, unchecked: unchecked.sorted(), count: facts.count,
      unverified: facts.values.filter(\.uncertain).count)
    return (status, stale)
  }
}
