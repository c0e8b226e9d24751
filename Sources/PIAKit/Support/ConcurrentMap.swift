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

/// `first` and `second` run at the same time (on two cores when the machine has them); returns
/// when both are done, with both results. Called inside another `concurrently` or
/// `concurrentMap`, the two run one after the other (libdispatch runs a nested
/// concurrentPerform serially).
func concurrently<First, Second>(
  _ first: () -> First, _ second: () -> Second
) -> (First, Second) {
  nonisolated(unsafe) var firstResult: First?
  nonisolated(unsafe) var secondResult: Second?
  withoutActuallyEscaping(first) { first in
    withoutActuallyEscaping(second) { second in
      // Each iteration writes only its own result, and both have finished when
      // concurrentPerform returns.
      nonisolated(unsafe) let (first, second) = (first, second)
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { firstResult = first() } else { secondResult = second() }
      }
    }
  }
  guard let firstResult, let secondResult else {
    preconditionFailure("concurrentPerform returned before both lanes finished")
  }
  return (firstResult, secondResult)
}

/// Work started at once on a queue of its own, its value taken later: for work beside a step
/// that runs its own `concurrentMap` or `concurrently` (inside either, libdispatch would run
/// that step's lanes one after the other).
public final class Background<Value: Sendable>: @unchecked Sendable {
  private let group = DispatchGroup()
  /// Written on the queue before the group leaves; read only after `group.wait()`.
  private var result: Value?

  /// Starts `work`.
  public init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { [self] in result = work() }
  }

  /// The work's value, once it is done (waits for it).
  public var value: Value {
    group.wait()
    guard let result else { preconditionFailure("the group left before the work was done") }
    return result
  }
}
