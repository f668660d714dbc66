"""Drives the built `hotelline` binary as an operator and guests would: starts `serve`,
talks to it over TCP, stops or kills it, and reads `export`. Shared by Scripts/crash-test
and Scripts/damage-test; Python 3 standard library only."""

import csv
import io
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPTS = os.path.join(REPO, "Prompts")
MAIN_MENU = "0  Speak to a person"
# The shipped prompts speak four languages: a call starts at the language screen, whose
# last row ends so; the driver's guests type 1 there (English).
LANGUAGE_SCREEN_END = "Escriba 4."


def binary_from(argv):
    """The binary given as the first argument, else .build/release/hotelline, built only if missing."""
    binary = os.path.abspath(argv[1]) if len(argv) > 1 else os.path.join(REPO, ".build", "release", "hotelline")
    if not os.path.exists(binary):
        if len(argv) > 1:
            sys.exit(f"{binary}: no such binary")
        print("building the release binary (it is missing)...", flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "hotelline"], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    return binary


class Refused(Exception):
    """`serve` exited before listening: its status and what it said."""

    def __init__(self, status, errors):
        super().__init__(errors.strip())
        self.status = status
        self.errors = errors


class Server:
    """`hotelline serve` on free ports; its stderr is collected as it comes."""

    def __init__(self, binary, data, extra=(), timeout=30, prompts=PROMPTS):
        self.process = subprocess.Popen(
            [binary, "serve", "--guest-port", "0", "--agent-port", "0", "--data", data, "--prompts", prompts, *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.log = []
        self._reader = threading.Thread(target=self._read_errors, daemon=True)
        self._reader.start()
        line = self.process.stdout.readline()
        match = re.match(r"guest line listening on (\S+):(\d+)", line)
        if not match:
            status = self.process.wait(timeout=timeout)
            self._reader.join(timeout=5)
            raise Refused(status, "".join(self.log))
        self.host, self.port = match.group(1), int(match.group(2))
        console = re.match(r"agent console listening on (\S+):(\d+)", self.process.stdout.readline())
        self.agent_port = int(console.group(2)) if console else None

    def _read_errors(self):
        for line in self.process.stderr:
            self.log.append(line)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Sends `sig` and waits: the exit status and everything said on stderr."""
        try:
            self.process.send_signal(sig)
        except ProcessLookupError:
            pass
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self._reader.join(timeout=5)
        self.process.stdout.close()
        return status, "".join(self.log)


class LineClosed(Exception):
    pass


class Guest:
    """One caller on a socket: says lines, reads until the line says something."""

    def __init__(self, port, host="127.0.0.1", timeout=10):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""

    def say(self, *lines):
        try:
            self.sock.sendall("".join(line + "\n" for line in lines).encode())
        except OSError as error:
            raise LineClosed(str(error))

    def read_until(self, *markers):
        """Text up to and including the first marker to appear; which marker it was."""
        while True:
            text = self.buffer.decode("utf-8", "replace")
            found = [(text.find(marker), index, marker) for index, marker in enumerate(markers) if marker in text]
            if found:
                position, index, marker = min(found)
                end = position + len(marker)
                self.buffer = text[end:].encode()
                return text[:end], index
            try:
                chunk = self.sock.recv(65536)
            except OSError as error:
                raise LineClosed(str(error))
            if not chunk:
                raise LineClosed("the line hung up")
            self.buffer += chunk

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def confirmation_in(text):
    match = re.search(r"R\d{7,}", text)
    return match.group(0) if match else None


def file_in(text):
    match = re.search(r"guest file number is (\d{9,})", text)
    return match.group(1) if match else None


def ticket_in(text):
    match = re.search(r"T\d{7,}", text)
    return match.group(0) if match else None


class Caller:
    """A guest who books rooms and files complaints as fast as the line answers, keeping
    every number they are told: ("R…", phone), ("T…", phone), ("F…file", phone)."""

    def __init__(self, port, rng, name="Crash Guest"):
        self.port = port
        self.rng = rng
        self.name = name
        self.told = []

    def phone(self):
        return "+1 555 %07d" % self.rng.randrange(1_000_000, 9_999_999)

    def book(self, guest, phone):
        day = self.rng.randrange(2, 300)
        guest.say("1", f"in {day} days", "1 night", "1", str(self.rng.randrange(1, 4)))
        _, which = guest.read_until("a phone number where we can reach you?", "Back to the main menu")
        if which == 1:
            guest.say("menu")
            guest.read_until(MAIN_MENU)
            return None
        guest.say(phone, self.name, "yes")
        text, _ = guest.read_until("anything else")
        number, file = confirmation_in(text), file_in(text)
        if number:
            self.told.append((number, phone))
        if file:
            self.told.append(("F" + file, phone))
        return number

    def complain(self, guest, phone, call):
        guest.say("2", "6", f"Crash test {call}", "Nothing", phone, self.name, "no")
        text, _ = guest.read_until("anything else")
        number = ticket_in(text)
        if number:
            self.told.append((number, phone))
        return number

    def call_until_cut_off(self, limit=None):
        """Calls until the line goes dead (or `limit` records); returns what was told."""
        try:
            guest = Guest(self.port, timeout=10)
        except OSError:
            return self.told
        try:
            guest.read_until(LANGUAGE_SCREEN_END)
            guest.say("1")
            guest.read_until(MAIN_MENU)
            call = 0
            while limit is None or call < limit:
                call += 1
                phone = self.phone()
                if self.rng.random() < 0.5:
                    self.book(guest, phone)
                else:
                    self.complain(guest, phone, call)
                guest.say("yes")
                guest.read_until(MAIN_MENU)
        except (LineClosed, OSError):
            pass
        finally:
            guest.close()
        return self.told


def export(binary, data, kind, extra=(), prompts=PROMPTS):
    """The rows of `hotelline export --kind KIND --format csv` as dictionaries (the work
    lists read by `prompts`' hotel.conf, the shipped one unless told)."""
    run = subprocess.run([binary, "export", "--data", data, "--kind", kind, "--format", "csv", "--prompts", prompts, *extra],
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise RuntimeError(f"export --kind {kind} failed ({run.returncode}): {run.stderr.strip()}")
    return list(csv.DictReader(io.StringIO(run.stdout)))


def exported_numbers(binary, data):
    """Every number on disk: confirmations, tickets, and guest files (as "F…"), with the
    phone each belongs to; and those that appear more than once."""
    numbers, twice = {}, []
    for row in export(binary, data, "reservations"):
        for key, value in ((row["confirmation"], row["phone"]), ("F" + row["guest_file"], row["phone"])):
            if key in numbers and (key[0] != "F" or numbers[key] != value):
                twice.append(key)
            numbers[key] = value
    for row in export(binary, data, "complaints"):
        if row["ticket"] in numbers:
            twice.append(row["ticket"])
        numbers[row["ticket"]] = row["phone"]
    return numbers, twice


def normal_phone(phone):
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def seed_from_environment(name):
    text = os.environ.get(name)
    return int(text) if text else random.SystemRandom().randrange(1, 2**32)
