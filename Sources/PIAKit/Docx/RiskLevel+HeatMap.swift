/// Heat-map shading for the shared risk scale.
extension RiskLevel {
  /// Fill colours light enough for black text to keep good contrast.
  var fill: String {
    switch self {
    case .low: return "C6EFCE"
    case .medium: return "FFEB9C"
    case .high: return "F8CBAD"
    case .critical: return "FF9999"
    }
  }

  /// The most severe level named as a whole word in `text`, if any.
  static func find(in text: String) -> RiskLevel? {
    let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
    return allCases.reversed().first { words.contains($0.description) }
  }
}
