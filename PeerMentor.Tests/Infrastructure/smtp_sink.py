"""A real SMTP server (aiosmtpd) for the tests: every message it receives is parsed with Python's
email package and written as one JSON file, so tests read subject, parts and attachments easily."""
import json, os, sys, time, uuid
from email import policy
from email.parser import BytesParser
from aiosmtpd.controller import Controller


class JsonSink:
    def __init__(self, folder):
        self.folder = folder
        self.count = len(os.listdir(folder))

    async def handle_DATA(self, server, session, envelope):
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "text": None, "html": None, "attachments": [],
        }
        for part in message.walk():
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
        # A counter, not a directory listing per mail: the bench sends 10,000 mails through here.
        self.count += 1
        name = f"{self.count:06d}-{uuid.uuid4().hex}.json"
        temp = os.path.join(self.folder, "." + name)
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(temp, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(JsonSink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on {port}", flush=True)
    while True:
        time.sleep(3600)
