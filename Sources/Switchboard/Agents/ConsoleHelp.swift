/// The console's `help`: every command, one line each, within 80 columns.
enum ConsoleHelp {
    static func text(supervisor: Bool) -> String {
        var lines = [
            "Commands (a leading / is optional):",
            "  sessions            guests on the line: id, language, where, time, state,",
            "                      guest file (kind/segment, complaints, next stay)",
            "  queue               guests waiting for a person in turn (VIPs ahead)",
            "  next                take the guest at the front of the queue",
            "  take ID             take a call (from the queue or mid-flow)",
            "  accept | decline    answer a call offered to you",
            "  watch ID | unwatch  follow a call read-only",
            "  note TEXT           add a note to the call you are on or watching",
            "  phone ID            a guest's full phone number (logged)",
            "  status available | status away",
            "  stay arrive NUMBER  the booking's guest has arrived (on the check-in day)",
            "  stay depart NUMBER  the booking's guest has left",
            "  file FILE           a guest file in full: kind, segment, stays (logged)",
            "  file FILE kind individual|business|group|vip | file FILE birthday MM-DD|none",
            "  whoami | logout",
            "Work lists (oldest due first; OVERDUE marked; add all for done items too):",
            "  callbacks | complaints | revisits | arrivals | feedback | birthdays [all]",
            "  mine                yours, passed to you, or waiting for your sign-off",
            "  show ITEM           an item in full, with the guest's phone (logged)",
            "  take ITEM | drop ITEM   make an item yours, or give it back",
            "  note ITEM TEXT      a note on the item",
            "  reached | no-answer | wrong-number ITEM [NOTE]   a callback's outcome",
            "  investigate ITEM [NOTE] | resolve ITEM RESULT | close ITEM   a complaint",
            "  signoff ITEM        a resolved complaint (department head or supervisor)",
            "  survey ITEM | declined ITEM   a revisit call: the survey, or a no",
            "  confirm ITEM [NEEDS] | needs ITEM TEXT   an arrival, and special needs",
            "  route ITEM DEPARTMENT | answer ITEM TEXT  feedback to a department",
            "  card ITEM [NOTE]    a birthday card sent",
            "During a call, what you type goes to the guest; these are commands:",
            "  /answer TEXT        answer their question for them (they see it)",
            "  /release            hand the guest back to their question, answers kept",
            "  /hangup             end the call politely",
            "  /note TEXT          a note for the call's record",
        ]
        if supervisor {
            lines += [
                "Supervisor:",
                "  whisper ID TEXT     to the agent on call ID, not the guest",
                "  barge ID            join call ID (both hear you); /leave to go",
                "  stats               agents, queue, calls today, average call",
                "  lockouts            what is locked, and the consoles waiting to log in",
                "  unlock ID | ADDRESS lift a lock (logged)",
                "  unlock ID CONSOLE   let that console in as ID, whatever the locks (logged)",
                "  stay no-show NUMBER  the guest never came: the policy's fee is recorded",
                "  assign ITEM AGENT   give a work item to an agent",
            ]
        }
        return lines.joined(separator: "\n")
    }
}
