import Dispatch

extension Array where Element: Sendable {
  /// `transform` applied to every element at the same time (on all cores), the results in the
  /// elements' order. Returns when all are done.
  func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    [Result](unsafeUninitializedCapacity: count) { slots, initialized in
      // Each iteration initializes only its own slot, and all have finished when
      // concurrentPerform returns.
      nonisolated(unsafe) let slots = slots
      DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.initializeElement(at: index, to: transform(self[index]))
      }
      initialized = count
    }
  }
}
