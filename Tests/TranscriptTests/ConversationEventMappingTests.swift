import Dialogue
import HotelCalendar
import Testing
import TestSupport
import Transcript

/// What a conversation hears of each transcript entry: the one mapping the live line and
/// the replays share.
@Suite("Transcript entries to conversation events")
struct ConversationEventMappingTests {
    static let stay = ReservationSummary(guestName: "Maria Lopez", checkIn: CivilDate(year: 2026, month: 12, day: 24)!,
                                         checkOut: CivilDate(year: 2026, month: 12, day: 27)!, rooms: 1, roomType: "deluxe")

    /// Every kind of transcript event, with what the conversation is told of it.
    static let events: [(TranscriptEvent, ConversationEvent?)] = [
        (.connected(from: "127.0.0.1:50000"), .answered),
        (.outcome(.found(stay)), .outcome(.found(stay))),
        (.outcome(.saved(reference: "R1000017", guestFile: nil)), .outcome(.saved(reference: "R1000017", guestFile: nil))),
        (.noInput, .silence),
        (.tooLong(limit: 1024), .guest(.tooLong(limit: 1024))),
        (.unreadable, .guest(.unreadable)),
        (.controlCharacters, .guest(.controlCharacters)),
        (.interrupt, .guest(.interrupt)),
        (.closing, .closing),
        (.hungUp, nil),
        (.guestHungUp, nil),
        (.guestFinishedSending, nil),
        (.guestStoppedReading, nil),
        (.notSaved(reason: "disk full"), nil),
        (.agentJoined(id: "mei", name: "Mei Ling"), .agentJoined(name: "Mei Ling")),
        (.agentSaid(name: "Mei", text: "Good evening"), .agentSaid(name: "Mei", text: "Good evening")),
        (.agentLeft(.released, id: "mei"), .agentLeft(.released)),
        (.agentLeft(.hungUp, id: "mei"), .agentLeft(.hungUp)),
        (.agentLeft(.lost, id: "mei"), .agentLeft(.lost)),
        (.supervisorJoined(id: "sara", name: "Sara"), .supervisorJoined(name: "Sara")),
        (.supervisorLeft(id: "sara", name: "Sara"), .supervisorLeft(name: "Sara")),
        (.supervisorLeft(id: "sara", name: nil), nil),
        (.whisper(from: "sara", to: "mei"), nil),
        (.note(by: "mei", text: "late checkout"), nil),
        (.queueMoved(position: 2, waitSeconds: 240), .queueMoved(position: 2, expectedWaitSeconds: 240)),
        (.queueMoved(position: 1, waitSeconds: nil), .queueMoved(position: 1, expectedWaitSeconds: nil)),
        (.queueEnded(.noOne), .queueEnded(.noOne)),
        (.queueEnded(.waitedTooLong), .queueEnded(.waitedTooLong)),
        (.noOneAtDesk, .noOneAtDesk),
        (.agentAnswered(name: "Mei", text: "24 Dec"), .agentAnswered(name: "Mei", text: "24 Dec")),
        (.window(columns: 40), .windowResized(columns: 40)),
        (.window(columns: 0), .windowResized(columns: 0)),
        (.terminal(type: "XTERM-256COLOR"), nil),
    ]

    @Test func eachEventIsToldAsTheConversationsEventOrNotAtAll() {
        for (event, expected) in Self.events {
            #expect(event.conversationEvent == expected, "\(event.text)")
            #expect(TranscriptEntry.Content.event(event).conversationEvent == expected, "\(event.text)")
        }
    }

    /// What is written is what is told: an event read back from its text maps the same.
    @Test func anEventReadBackFromItsTextIsToldTheSame() throws {
        for (event, expected) in Self.events {
            #expect(try TranscriptEvent.parse(event.text).get().conversationEvent == expected, "\(event.text)")
        }
    }

    @Test func aGuestLineIsToldAsTypedAndWhatTheLineSaidIsNotTold() {
        #expect(TranscriptEntry.Content.typed("24 Dec").conversationEvent == .guest(.text("24 Dec")))
        #expect(TranscriptEntry.Content.typed("").conversationEvent == .guest(.text("")))
        #expect(TranscriptEntry.Content.said("Which day would you like to arrive?").conversationEvent == nil)
    }

    /// The events a guest's terminal causes by sending are the ones the conversation hears
    /// as the guest's: the redacting recorder holds exactly those until they are read.
    @Test func theEventsAGuestSendsAreTheGuestsToTheConversation() {
        for (event, expected) in Self.events {
            let isGuests = if case .guest? = expected { true } else { false }
            #expect(isGuests == (event.bytesThatCauseIt != nil), "\(event.text)")
        }
    }
}
