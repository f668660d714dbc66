// Placeholder until the journal's read-only view lands (branch journal2); removed at that merge.
extension HotelStore {
    public static func readOnly(dataDirectory: String) throws -> HotelStore {
        throw JournalError.failed(directory: dataDirectory, reason: "read-only view not built yet")
    }
}
