import Telnet

/// Input held back from the delegate, first in first out: taking from the front is a step
/// of an index, not a shift of the rest (a flood held for the input rate is thousands of
/// lines, taken one at a time).
struct HeldInput {
    private var items: [TypedInput] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }
    var first: TypedInput? { isEmpty ? nil : items[head] }

    mutating func append(_ input: TypedInput) { items.append(input) }

    mutating func removeFirst() {
        head += 1
        if head == items.count {
            removeAll()
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)  // now and then, so the array does not grow without end
            head = 0
        }
    }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: items.count <= 64)
        head = 0
    }
}
