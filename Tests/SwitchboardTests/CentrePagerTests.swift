import TestSupport
import Dialogue
import Storage
@testable import Switchboard
import Telnet
import Testing
import Reactor

/// The centre's timers and the journal's waker reach it through its pager, held weakly,
/// instead of holding the centre weakly (which gave it a side table and made every retain
/// of it, one per guest line, a slow one). The pager must not keep the centre alive, and a
/// timer that comes due after the centre is gone must do nothing.
@Suite("Centre pager", .blocking)
struct CentrePagerTests {
    @Test func centreIsFreedAndItsLateTimerDoesNothing() throws {
        let loop = try EventLoop()
        let prompts = try PromptSet.load(directory: TestPaths.prompts).get()
        let store = HotelStore(log: MemoryLog())
        weak var freedCentre: ServiceCenter?
        weak var freedPager: ServiceCenter.Pager?
        do {
            var settings = LineSettings()
            settings.roundSeconds = 0.1
            let center = ServiceCenter(loop: loop, prompts: prompts, store: store, files: nil, settings: settings)
            center.start()  // the line's round: a timer 0.1 s away, holding the pager weakly
            freedCentre = center
            freedPager = center.pager
            #expect(freedPager?.center === center)
        }
        #expect(freedCentre == nil)
        #expect(freedPager == nil)
        // The round comes due with its centre gone.
        loop.scheduleTimer(at: loop.now.adding(seconds: 0.15)) { loop.stop() }
        try loop.run()
        loop.close()
    }
}
