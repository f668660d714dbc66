/// What a stay moved on leaves for people, wherever it was made (the console, `hotelline
/// stays`, the line's no-show round): one audit line and one reply, worded once.
extension StayMove {
    /// The audit log's line for the move: `stay-arrived`, `stay-departed` or `stay-no-show`,
    /// with the booking, the fee and who moved it, at the moment it was made.
    public var auditLine: String {
        AuditLog.line("stay-" + kind.description, ["number": .text(confirmation.description), "fee": .number(fee), "by": .text(by)],
                      at: createdAt.millisecondsSince1970)
    }

    /// What the person who moved it is told once it is durable.
    public var madeText: String {
        "\(confirmation) \(kind.description)" + (fee > 0 ? ", fee \(fee) recorded" : "") + " (journal and audit log)"
    }
}
