/// The help texts, kept together so `--help` and the usage printed after a mistake agree.
enum Usage {
    static let main = """
        hotelline: a hotel's guest-service phone line, as a text service over TCP.

        Usage:
          hotelline serve [options]     answer the guest line (telnet or nc to it)
          hotelline check [DIR]         check the prompt files (default ./Prompts)
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
          --agent-port N        the agent console's port (default 2324; reserved: the
                                console arrives in a later version)
          --data DIR            records, journal and transcripts (default ./data)
          --prompts DIR         the prompt files (default ./Prompts)
          --idle-timeout SECS   silence before "are you still there?" (default 60; the
                                third time, the line says goodbye)
          --max-guests N        callers at once; the next hears "all lines are busy"
                                (default 4096)
          --max-line BYTES      the longest line a guest may send (default 1024)
          --max-output BYTES    output held for a guest who stops reading before the line
                                hangs up on them (default 262144)
          --repair              repair a damaged journal before starting: keep every record
                                that still verifies, save damaged files as NAME.damaged,
                                and log what was kept and dropped
          --help                show this help

        Once listening it prints one line: "guest line listening on HOST:PORT".
        """

    static let check = """
        Usage: hotelline check [DIR]

        Checks the prompt files in DIR (default ./Prompts): the hotel profile, every flow
        and every language's texts. Prints each problem as FILE:LINE: MESSAGE and exits 1
        if there is any error (warnings alone exit 0). "serve" refuses to start on the same
        errors.
        """
}
