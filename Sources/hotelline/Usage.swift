/// The help texts, kept together so `--help` and the usage printed after a mistake agree.
enum Usage {
    static let main = """
        hotelline: a hotel's guest-service phone line, as a text service over TCP.

        Usage:
          hotelline serve [options]     answer the guest line (telnet or nc to it)
          hotelline check [DIR]         check the prompt files (default ./Prompts)
          hotelline export --kind KIND  the records as CSV or JSON Lines
          hotelline agents …            who may log in to the agent console
          hotelline stays MOVE NUMBER   a stay arrived, departed or was a no-show
          hotelline plan --period P     the revisit plan for a month, quarter or year
          hotelline replay FILE|DIR…    replay recorded calls against the prompts
          hotelline report              the service's measures by day, week or month
          hotelline graph [DIR]         the flows as a graph (DOT, or SVG by Graphviz)
          hotelline help [COMMAND]      show this help, or a command's

        Run "hotelline COMMAND --help" for a command's options.
        """

    static let serve = """
        Usage: hotelline serve [options]

        Answers guests on the guest port until SIGTERM or SIGINT (then says goodbye to each
        caller, after saving anything they were promised). SIGHUP reloads the prompts: calls
        already in progress keep the prompts they started with.

        Options:
          --host ADDR           address to listen on (default 127.0.0.1)
          --guest-port N        the guest line's port (default 2323; 0 picks a free one)
          --agent-port N        the agent console's port (default 2324; 0 picks a free one)
          --agent-host ADDR     address the console listens on (default 127.0.0.1: staff
                                on this machine only)
          --wallboard-port N    serve the wallboard (a live page for supervisors) and
                                /metrics (Prometheus) on this port (default: none; 0 picks
                                a free one)
          --wallboard-host ADDR address the wallboard listens on (default 127.0.0.1)
          --max-wallboards N    wallboard clients at once: pages, streams and scrapes
                                (default 64); each is held to the guests' limits
          --data DIR            records, journal and transcripts (default ./data)
          --prompts DIR         the prompt files (default ./Prompts)
          --idle-timeout SECS   silence before "are you still there?" (default 60; the
                                third time, the line says goodbye)
          --round SECS          how often the line looks round: silences, queue waits,
                                an edited agents or lockouts file, the day's turn
                                (default 1; tests use less, so as not to wait)
          --max-guests N        callers at once; the next hears "all lines are busy"
                                (default 4096)
          --max-per-address N   callers at once from one address; the next from it hears
                                "all lines are busy" (default 32; the console has its own)
          --max-lines-per-second N
                                lines a second one caller may send, after a burst of 40;
                                faster ones are slowed, then told and cut after 5 s
                                (default 20; 0: no limit)
          --max-line BYTES      the longest line a guest may send (default 1024)
          --max-output BYTES    output held for a guest who stops reading, the kernel's
                                send buffer included, before the line hangs up on them
                                (default 262144, at least 16384)
          --max-wait SECS       longest wait for a person before a callback is offered
                                (default 300)
          --wrap-up SECS        an agent's pause after each call (default 30)
          --vip-lead SECS       a VIP who asks for a person goes ahead of every guest
                                who has waited less than this, of none who has waited
                                longer (default 120; 0: VIPs wait in turn)
          --max-consoles N      agent consoles at once, logged in or not (default 64)
          --max-logins-waiting N  consoles not yet logged in from one address (default 8;
                                past it, one that has typed nothing makes room)
          --login-timeout SECS  time a console has to log in (default 60)
          --max-login-failures N  wrong PINs that lock an agent ID (default 5)
          --max-address-failures N  failed logins at any IDs that lock an address
                                (default 20)
          --lockout-minutes N   how long a lock lasts, and failures count (default 15)
          --max-guest-lines N   lines of a call a console is shown a second; more are
                                summed up in one line (default 5)
          --max-console-output BYTES  output held for a console before it is closed as
                                not reading (default 1048576; a call's lines wait past a
                                quarter of it)
          --redact              mask guests' names, phone numbers and emails in the
                                transcripts (consistent fakes, so they still replay)
          --repair              repair a damaged journal before starting: keep every record
                                that still verifies, save damaged files as NAME.damaged,
                                log what was kept and dropped, and pass over every number
                                the records dropped may have carried
          --segment-bytes N     start a new journal segment past N bytes (default 67108864)
          --snapshot-bytes N    snapshot the records past N bytes of new ones (default
                                67108864)
          --max-wrong-tries N   wrong numbers (a booking, ticket or guest file number with
                                a phone that does not match) a call may try before it
                                looks nothing more up (default 3)
          --max-wrong-tries-per-address N
                                the same from one address, on any calls, before the
                                address is locked out (default 10)
          --wrong-tries-lock SECS
                                how long that lockout lasts (default 900)
          --clock TIME          start the clock at TIME on the hotel's clock, such as
                                2026-12-20T09:00, and let it run on from there (to try
                                fee windows and due dates; default: the system clock)
          --help                show this help

        Once listening it prints two lines: "guest line listening on HOST:PORT" and
        "agent console listening on HOST:PORT". Add agents with "hotelline agents add".
        """

    static let export = """
        Usage: hotelline export --kind KIND [--data DIR] [--format csv|json] [--mask] [--clock TIME]

        Writes the records of one kind to standard output, in number order:
          reservations (each booking as it stands now: its terms, status and fees),
          history (each booking as made, then every change, cancellation and move),
          complaints, callbacks (each with its work: stage, who has it, due, history),
          revisits, arrivals, feedback, birthdays (the work lists), work (every step, in order),
          surveys, guests (guest files), calls (each call's length and waits for a person)
        --format csv (default) is RFC 4180 with a header row; json is one object per line
        (JSON Lines) with the same names. Safe while the server runs: it reads what is on
        disk and never locks, changes or waits for the live journal. --data defaults to ./data.
        --mask masks guests' names (Guest 1, Guest 2, ...), phone numbers (******0958) and
        emails, for sharing, and leaves birthdays out; free text is left as written.
        --clock TIME stamps the audit log's line at TIME on the hotel's clock (read from
        --prompts DIR, default ./Prompts), as the server started with --clock would; the
        work lists are read at that moment (what is due and overdue, which arrivals are
        near), by hotel.conf's time zone and callback rules.
        """

    static let stays = """
        Usage: hotelline stays arrive|depart|no-show NUMBER [--data DIR] [--prompts DIR] [--clock TIME]
               hotelline stays show NUMBER [--data DIR]

        Moves the stay of booking NUMBER on, as the front desk tells us: the guest arrived
        (on the check-in day), departed, or never came (the policy's no-show fee is
        recorded). Each move is a journal record and a line in the audit log. With a server
        running on DIR the server makes the move and this waits for its answer; without
        one, this opens the journal itself and first records the no-shows the day has made
        due. show prints the booking as it stands and its history (it only reads).

        Without a server, --prompts DIR (default ./Prompts) gives the policy and the
        hotel's clock, and --clock TIME (such as 2026-12-20T09:00, on the hotel's clock)
        starts the clock there; with one, the server's policy and clock decide.
        Exit status: 0 moved, 1 refused (the stay cannot move so) or failed, 2 a mistake here.
        """

    static let plan = """
        Usage: hotelline plan --period 2027-01|2027-Q1|2027 [--kind KIND,…] [--format text|csv|json]
                              [--data DIR] [--prompts DIR] [--clock TIME]

        Lays out the revisit plan for a month (2027-01), a quarter (2027-Q1) or a year
        (2027): every revisit that falls due in it (a departed stay's on the second day
        after the guest left, a complaining guest's on the day they were promised, resolved
        or not), grouped by the kind of guest, each surveyed, declined, open, or overdue
        (its day over) at the clock. Completion is done / planned, per kind and for the
        plan; done is surveyed or declined (a guest who declines has had their revisit); a
        kind with nothing planned shows "—". A revisit counts under its guest file's kind as
        the records hold it now (a guest made VIP brings their revisits into the VIP plan).

        Options:
          --period P            2027 (a year), 2027-Q1 (a quarter), 2027-01 (a month)
          --kind KIND,…         only these kinds: individual, business, group, vip
                                (default all)
          --format F            text (default): the figures per kind, then each revisit;
                                csv: the figures, one row per kind and a total row;
                                json: the whole plan as one object
          --data DIR            the records (default ./data)
          --prompts DIR         hotel.conf's time zone, for the days (default ./Prompts)
          --clock TIME          read the plan at TIME on the hotel's clock, such as
                                2027-02-10T09:00 (default now): what is overdue

        Safe while the server runs: it reads what is on disk and never locks, changes or
        waits for the live journal. It names stays and guest files, so like an export it
        writes its line to the audit log first, and shows nothing when it cannot.
        Exit status: 0 shown, 1 the records or prompts cannot be read, 2 a mistake here.
        """

    static let agents = """
        Usage:
          hotelline agents add ID --name NAME [--role agent|supervisor] --pin-stdin
          hotelline agents list
          hotelline agents remove ID
          hotelline agents reset-pin ID --pin-stdin
          hotelline agents lockouts
          hotelline agents unlock ID|ADDRESS
          hotelline agents unlock ID --console N
        All take --data DIR (default ./data).

        The PIN (4 to 12 digits) is read from the first line of standard input, never from a
        flag, and stored only as a yescrypt hash in DIR/agents (0600). Removing an agent ends
        their console at once if they are logged in.
          printf '4821\\n' | hotelline agents add mei --name "Mei" --pin-stdin

        Five wrong PINs lock an ID, and failures at many IDs lock an address, for 15 minutes
        (DIR/lockouts keeps them across restarts). "unlock ID" or "unlock ADDRESS" lifts a
        lock; "unlock ID --console N" lets console N of the running server (the number it
        shows when it connects) log in as ID within 10 minutes whatever the locks, even while
        someone keeps guessing. A running server takes either on within a second. Both are
        written to the audit log first, and not done when they cannot be.
        """

    static let check = """
        Usage: hotelline check [DIR] [--max-output BYTES] [--max-line BYTES]

        Checks the prompt files in DIR (default ./Prompts): the hotel profile, every flow
        and every language's texts. Prints each problem as FILE:LINE: MESSAGE and exits 1
        if there is any error (warnings alone exit 0). "serve" refuses to start on the same
        errors.

        A text the line could never send to a caller is an error too: one that at its
        longest (every value a guest gives as long as --max-line allows, default 1024; a
        menu with all its choices) is past what --max-output (default 262144, as serve's)
        leaves for one answer, three quarters of it (the kernel's send buffer has the rest).
        Give check the limits serve will run with.
        """

    static let replay = """
        Usage: hotelline replay [options] FILE|DIR…
               hotelline replay --import LIVE.txt --into Tests/Transcripts/NAME.txt

        Replays each transcript (a directory: every *.txt in it) in-process against the
        current prompts: feeds the guest's lines, answers each action with the outcome
        the transcript recorded, and compares everything the line says. Prints PASS or
        FAIL per file, for a failure the first divergence as FILE:LINE and a small diff,
        and last "N passed, N failed"; exits 1 if any failed.

        Options:
          --prompts DIR         the prompt files (default ./Prompts)
          --accept              rewrite the expected output of failing transcripts (review
                                the change with git diff)
          --coverage            which nodes and branches of the prompts the transcripts
                                reach, per file, and what they never reach
          --connect HOST:PORT   replay against a running server over TCP instead; numbers
                                it gives out are matched as placeholders
          --timeout SECS        with --connect: wait for the whole answer to each guest
                                line (default 5)
          --idle-timeout SECS   with --connect: the server's --idle-timeout, waited out
                                where the transcript has "no input" (default 60)
          --concurrency N       with --connect: a load run, N guests at once on one event
                                loop replaying the transcripts round-robin, each line sent
                                as soon as the last one is answered (default 100)
          --duration SECS       how long a load run measures (default 10)
          --warmup SECS         run first and not counted (default 1)
          --echo                load an echo server instead: send a short line, expect it back
          --call-lines N        with --echo: hang up and dial again every N lines, as the
                                line's callers do (default: one connection per guest)
          --ping                load Redis instead: send PING, expect +PONG
          --import FILE         make a test of a recorded call: numbers become
                                placeholders, and it must replay PASS before it is written
          --into FILE           where --import writes the test (it must not exist)
          --help                show this help

        A load run prints sessions/s, lines/s (guest lines answered), p50/p90/p99/max ms
        (from sending a line to the last byte of its answer), and errors (a reply unlike
        the transcript, a timeout, a dropped connection: the guest hangs up and calls again),
        one figure a line; it exits 1 on any error. Transcripts that wait for silence or for
        the server to close are skipped; those whose answers depend on the server's records
        count as errors where the records differ: Tests/Transcripts/load needs none. On a
        terminal, a progress line is kept on stderr.
        """

    static let report = """
        Usage: hotelline report [--data DIR] [--from DAY] [--to DAY] [--by day|week|month]
                                [--format text|csv|json] [--svg FILE] [--prompts DIR] [--clock TIME]

        The service's measures for every day, week (Monday to Sunday) or month from --from
        to --to (days like 2027-03-01, on the hotel's clock; whole periods), each with its
        change from the period before: calls, average call, waits for a person (median,
        90th percentile, share answered within hotel.conf's answer-target), business
        handled, complaint rate, resolution rate and timeliness, satisfaction and loyalty,
        revisit completion; complaints by category and department, satisfaction by survey
        dimension and revisits by kind of guest. The README says how each is counted.

        Options:
          --data DIR            the server's data directory (default ./data); read as
                                export reads it, safe while the server runs
          --from DAY, --to DAY  the range (default: to today; from a week of days, four
                                weeks or three months before)
          --by day|week|month   the periods (default day)
          --format text|csv|json
                                text (default) lines up in an 80-column terminal; csv is
                                RFC 4180 with a header row; json is one object a period
                                (JSON Lines), with the same names as csv's header
          --svg FILE            also write the report as one SVG page with charts
          --prompts DIR         hotel.conf's clock, departments and answer target
                                (default ./Prompts)
          --clock TIME          read the records as at TIME on the hotel's clock (what was
                                resolved and overdue then; "today"), default now
          --help                show this help

        Exit status: 0 done, 1 no journal in DIR or nothing happened in the range (it says
        where the records are), 2 a mistake on the command line.
        """

    static let graph = """
        Usage: hotelline graph [DIR] [--format dot|svg] [--coverage TRANSCRIPTS]

        Writes the flows of the prompt files in DIR (default ./Prompts) to stdout as a
        graph for reviewing a change: one cluster per flow, a node per flow node (boxes ask,
        3-D boxes are menus, hexagons do something, a double border hangs up) and an edge
        per way out, labelled with its choice, result or condition.

        Options:
          --format dot          Graphviz's DOT language, written here (the default)
          --format svg          the drawing, made by Graphviz's dot (apt-get install
                                graphviz); without it, a message and exit 1
          --coverage PATH       replay the transcripts in PATH (a file or a directory) and
                                draw in red the nodes and ways out they never reach
        Example: hotelline graph --format svg --coverage Tests/Transcripts > flows.svg
        """
}
