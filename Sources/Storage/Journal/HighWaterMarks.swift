/// Values that only ever grow, which the journal keeps durable apart from its records:
/// the layer above raises them before it hands out anything numbered beyond them, so they
/// bound every number ever told, whatever later happens to the records themselves.
///
/// Opaque to the journal (the record layer says which value is which kind of number); at
/// most `capacity` values, missing ones are 0. Merging takes the larger of each value.
public struct HighWaterMarks: Sendable, Equatable, CustomStringConvertible {
    /// How many values a journal keeps (a fixed part of the segment header's layout).
    public static let capacity = 8

    /// Always `capacity` values.
    public private(set) var values: [UInt64]

    public init(_ values: [UInt64] = []) {
        precondition(values.count <= Self.capacity, "Invalid marks: \(values.count) values, at most \(Self.capacity)")
        self.values = values + [UInt64](repeating: 0, count: Self.capacity - values.count)
    }

    public subscript(index: Int) -> UInt64 {
        values[index]
    }

    /// Raises each value to the other's where that is higher.
    public mutating func raise(to other: HighWaterMarks) {
        for index in values.indices where other.values[index] > values[index] {
            values[index] = other.values[index]
        }
    }

    /// Whether every value is at least the other's.
    public func covers(_ other: HighWaterMarks) -> Bool {
        zip(values, other.values).allSatisfy { $0 >= $1 }
    }

    public var isZero: Bool { values.allSatisfy { $0 == 0 } }

    public var description: String {
        var shown = values
        while shown.last == 0 { shown.removeLast() }
        return "[" + shown.map(String.init).joined(separator: ", ") + "]"
    }
}
