/// Suggestions for near misses ("did you mean …?") in ids and keys.
public enum Spelling {
  /// The candidate closest to `word`, if it is close enough to be a likely typo.
  public static func suggestion(for word: String, among candidates: some Sequence<String>)
    -> String?
  {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      let limit = max(1, min(3, candidate.count / 3))
      guard distance <= limit else { continue }
      if best == nil || distance < best?.1 ?? .max { best = (candidate, distance) }
    }
    return best?.0
  }

  /// " (did you mean 'x'?)" or the empty string.
  public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  /// Levenshtein distance between two strings, by Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
