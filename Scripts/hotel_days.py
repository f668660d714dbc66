"""Days at the hotel through real sockets, for Scripts/simulate-week and Scripts/simulate-month:
guests who call and are promised things (callbacks, complaints, bookings about to arrive),
the front desk moving stays on at the console, and agents mei and li and supervisor sara
working the lists by script, leaving some items alone. Python 3 standard library only."""

import datetime
import re
import subprocess

from hotelline_driver import Guest, LineClosed, LANGUAGE_SCREEN_END, MAIN_MENU, file_in

AGENTS = {"mei": "4821", "li": "5930", "sara": "7350"}


def add_agents(binary, data, agents=None):
    """Every agent of `agents` (default AGENTS) in `data`'s agents file; sara is a supervisor."""
    for agent, pin in (agents or AGENTS).items():
        role = ["--role", "supervisor"] if agent == "sara" else []
        subprocess.run([binary, "agents", "add", agent, "--name", agent.title(), "--pin-stdin", "--data", data, *role],
                       input=pin + "\n", text=True, check=True, capture_output=True)


class Console:
    def __init__(self, port, agent, pin=None):
        self.agent = agent
        self.guest = Guest(port)
        self.guest.read_until("Agent ID:")
        self.guest.say(agent)
        self.guest.read_until("PIN:")
        self.guest.say(pin or AGENTS[agent])
        self.guest.read_until("Type help for the commands.")

    def items(self, command):
        """The items a list shows: their names (the first column) and stages (the third)."""
        self.guest.say(command, "whoami")
        text, _ = self.guest.read_until(f"{self.agent} ({self.agent.title()}")
        rows = re.findall(r"^  ((?:[VAF]-)?[CTRS]\d{7}(?:-\w+)?)\s+\S+ \S+\s+(\S+)", text.replace("\r", ""), re.M)
        return [name for name, _ in rows] if command != "complaints" else rows

    def do(self, line, item):
        """A step: its answer, once durable (or refused)."""
        self.guest.say(line)
        text, which = self.guest.read_until(f"{item} is ", f"{item}: no answer", "Cannot:", "* Survey", "nothing was recorded")
        rest, _ = self.guest.read_until("\n")
        return text + rest

    def close(self):
        self.guest.say("logout")
        self.guest.close()


class HotelDays:
    """What the guests and staff of a seeded run did, and the days they did it on."""

    def __init__(self, rng):
        self.rng = rng
        self.promised = {}   # number -> what the guest heard ("callback", "complaint", "booking") and the day
        self.stays = {}      # confirmation -> (check-in, check-out)
        self.phones = {}     # confirmation -> the phone it was booked under
        self.files = {}      # confirmation -> the guest file number the guest was told
        self.resolved, self.departed = set(), set()

    def phone(self):
        return "+1 555 %07d" % self.rng.randrange(1_000_000, 9_999_999)

    def guest_call(self, port, day):
        """One guest: a callback, a complaint or a booking arriving in one to three days."""
        rng = self.rng
        guest = Guest(port)
        try:
            guest.read_until(LANGUAGE_SCREEN_END)
            guest.say("1")
            guest.read_until(MAIN_MENU)
            kind = rng.choice(["callback", "callback", "complaint", "complaint", "booking"])
            name = rng.choice(["Ada Stone", "Ben Okafor", "Cleo Marsh", "Dan Wu", "Eve Ortiz"])
            if kind == "callback":
                guest.say("3", self.phone(), rng.choice(["today 16:00", "tomorrow 10am", "tomorrow 15:30"]), "a question about my bill", "1", name)
                text, _ = guest.read_until("anything else")
                number = re.search(r"C\d{7}", text)
            elif kind == "complaint":
                guest.say("2", str(rng.randrange(1, 7)), "the room was not ready", "an apology", self.phone(), name, "no")
                text, _ = guest.read_until("anything else")
                number = re.search(r"T\d{7}", text)
            else:
                ahead = rng.randrange(1, 4)
                rooms, phone = str(rng.randrange(1, 3)), self.phone()
                guest.say("1", f"in {ahead} days", "2 nights", "1", rooms, phone, name, "yes")
                text, _ = guest.read_until("anything else", "Back to the main menu")
                number = re.search(r"R\d{7}", text)
                if number:
                    check_in = day + datetime.timedelta(days=ahead)
                    self.stays[number.group(0)] = (check_in, check_in + datetime.timedelta(days=2))
                    self.phones[number.group(0)] = phone
                    self.files[number.group(0)] = file_in(text)
            guest.say("no")
            if number:
                self.promised[number.group(0)] = (kind, day)
        except LineClosed:
            pass
        finally:
            guest.close()

    def work_day(self, port):
        rng = self.rng
        mei, li, sara = Console(port, "mei"), Console(port, "li"), Console(port, "sara")
        for item in mei.items("callbacks"):
            if rng.random() < 0.2:
                continue  # nobody gets to it today
            worker = rng.choice([mei, li])
            worker.do(f"take {item}", item)
            outcome = rng.choice(["reached", "reached", "no-answer", "wrong-number"])
            worker.do(f"{outcome} {item}" + (" answered the question" if outcome == "reached" else ""), item)
        for item, stage in mei.items("complaints"):
            if stage == "received" and rng.random() < 0.25:
                continue  # left as received: passed to its head at the next round after midnight
            if stage == "received":
                mei.do(f"investigate {item}", item)
                stage = "investigating"
            if stage == "investigating":
                if "Cannot" not in mei.do(f"resolve {item} put right and apologised", item):
                    self.resolved.add(item)
                    stage = "resolved"
            if stage == "resolved":
                sara.do(f"signoff {item}", item)
            if stage == "revisited":
                mei.do(f"close {item}", item)
        for item in li.items("revisits"):
            if rng.random() < 0.5:
                li.do(f"declined {item}", item)
            else:
                li.guest.say(f"survey {item}")
                _, started = li.guest.read_until("(1-5)", "Cannot", "survey takes", "already")
                if started == 0:
                    li.guest.say(*[str(rng.randrange(1, 6)) for _ in range(7)], rng.choice(["yes", "no"]), "yes", "no")
                    li.guest.read_until("* Survey S", "nothing was recorded")
                li.guest.read_until("\n")
        for item in sara.items("arrivals"):
            sara.do(f"confirm {item} " + rng.choice(["", "late arrival", "cot in the room", "vegetarian"]), item)
        for item in sara.items("feedback"):
            sara.do(f"answer {item} passed to the team, thank you", item)
        for console in (mei, li, sara):
            console.close()

    def move_stays(self, port, day):
        """The front desk: today's arrivals come, and those whose stay ends today leave."""
        desk = Console(port, "sara")
        for number, (check_in, check_out) in self.stays.items():
            move = "arrive" if check_in == day else "depart" if check_out == day else None
            if move:
                desk.guest.say(f"stay {move} {number}")
                answer, _ = desk.guest.read_until(f"{number} arrived", f"{number} departed", "cannot be marked", "no such booking")
                if answer.endswith(f"{number} departed"):
                    self.departed.add(number)
        desk.close()
