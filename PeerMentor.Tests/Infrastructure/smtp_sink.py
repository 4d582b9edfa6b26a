"""A real SMTP server (aiosmtpd) for the tests: every message it receives is parsed with Python's
email package and written as one JSON file, so tests read subject, parts and attachments easily.
Usage: smtp_sink.py PORT FOLDER [--parent PID] [--headers-only] [--log] [--pipelining]. With --parent it exits when that process
is gone (a killed test run leaves no server behind); --headers-only (the benchmark) skips parsing the parts; --log (the
benchmark) appends each message as one JSON line to FOLDER/received.jsonl instead of writing a file per message;
--pipelining (the benchmark) announces PIPELINING (RFC 2920) as production mail servers do, so a client may send
MAIL, RCPT and DATA without waiting for each reply (aiosmtpd reads them in order either way)."""
import json, os, sys, time, uuid
from email import policy
from email.parser import BytesParser, BytesHeaderParser
from aiosmtpd.controller import Controller


class JsonSink:
    def __init__(self, folder, headers_only=False, log=False):
        self.folder = folder
        self.headers_only = headers_only
        self.count = len(os.listdir(folder))
        # Creating and renaming a file cost this one-threaded server more CPU than receiving the mail (0.7 ms against
        # well under 0.1 ms on the busy 2-core machine), CPU the benchmark's app then lacks.
        self.log = open(os.path.join(folder, "received.jsonl"), "a", encoding="utf-8") if log else None

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = (BytesHeaderParser(policy=policy.compat32) if self.headers_only else BytesParser(policy=policy.default)).parsebytes(raw)
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "text": None, "html": None, "attachments": [],
        }
        for part in ([] if self.headers_only else message.walk()):
            if part.is_multipart():
                continue
            content_type = part.get_content_type()
            if part.get_filename() or part.get_content_disposition() == "attachment":
                record["attachments"].append({"fileName": part.get_filename(), "contentType": content_type,
                                              "method": part.get_param("method"),
                                              "content": part.get_content() if part.get_content_maintype() == "text" else None})
            elif content_type == "text/plain" and record["text"] is None:
                record["text"] = part.get_content()
            elif content_type == "text/html" and record["html"] is None:
                record["html"] = part.get_content()
        if self.log:
            # One write per line, so a reader sees whole lines.
            self.log.write(json.dumps(record) + "\n")
            self.log.flush()
            return "250 Message accepted for delivery"
        # A counter, not a directory listing per mail: the bench sends 10,000 mails through here.
        self.count += 1
        name = f"{self.count:06d}-{uuid.uuid4().hex}.json"
        temp = os.path.join(self.folder, "." + name)
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(temp, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


class PipeliningSink(JsonSink):
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING", responses[-1]]


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    parent = int(sys.argv[sys.argv.index("--parent") + 1]) if "--parent" in sys.argv else None
    sink = (PipeliningSink if "--pipelining" in sys.argv else JsonSink)(folder, "--headers-only" in sys.argv, "--log" in sys.argv)
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on {port}", flush=True)
    while parent is None or alive(parent):
        time.sleep(0.5)
    controller.stop()
