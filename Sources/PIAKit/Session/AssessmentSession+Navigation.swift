extension AssessmentSession {
  /// Every question that applies, in questionnaire order.
  ///
  /// - Parameter walk: `.every` lists the top-level questions (a repeating
  ///   group counts as one, its entries are not entered); `.unanswered`
  ///   also lists each entry's questions that apply, after its group,
  ///   answered or not (the order `nextQuestion(after:walk:skipping:)` walks).
  /// - Returns: The paths, first to last.
  public func questionOrder(walk: Walk) -> [QuestionPath] {
    paths(walk: walk)
  }

  /// The question that applies before `path` in `walk`'s order: where a
  /// "Back" link goes.
  ///
  /// - Parameters:
  ///   - path: The question shown; it need not apply any more (the walk
  ///     goes back from its place in the questionnaire).
  ///   - walk: Which questions to count (see `questionOrder(walk:)`).
  /// - Returns: The previous question that applies, or `nil` at the start.
  public func previousQuestion(before path: QuestionPath, walk: Walk) -> QuestionPath? {
    let end = position(of: path)
    let order = paths(walk: walk)
    // The walk is in questionnaire order: find the first place not before `end`.
    var low = 0
    var high = order.count
    while low < high {
      let middle = (low + high) / 2
      if position(of: order[middle]).lexicographicallyPrecedes(end) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low > 0 ? order[low - 1] : nil
  }

  /// The question at `path` when it can be answered now.
  ///
  /// - Returns: The question (a top-level one, or a question of the entry).
  /// - Throws: `SessionError.unknown` when there is no such question, group
  ///   or entry; `.notApplicable`, saying which condition hides it, when it
  ///   does not apply given the other answers.
  public func answerableQuestion(at path: QuestionPath) throws(SessionError) -> Question {
    let question = try question(at: path)
    try checkApplies(path, question)
    return question
  }
}
