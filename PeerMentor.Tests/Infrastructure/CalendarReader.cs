using System.Text.Json;

namespace PeerMentor.Tests.Infrastructure;

public sealed record CalendarEvent(string Method, string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Status,
    string Summary, string Description, string? Location, string Organizer, string Attendee);

/// <summary>Reads an invite the way a calendar app would, with an independent parser: Debian's python3-icalendar.</summary>
public static class CalendarReader
{
    private const string Script = """
        import icalendar, json, sys
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        event = next(iter(calendar.walk("VEVENT")))
        text = lambda name: None if event.get(name) is None else str(event.get(name))
        print(json.dumps({
            "method": str(calendar.get("METHOD")), "uid": text("UID"), "sequence": int(event.get("SEQUENCE")),
            "startUtc": event.decoded("DTSTART").isoformat(), "endUtc": event.decoded("DTEND").isoformat(),
            "status": text("STATUS"), "summary": text("SUMMARY"), "description": text("DESCRIPTION"),
            "location": text("LOCATION"), "organizer": text("ORGANIZER"), "attendee": text("ATTENDEE")}))
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<CalendarEvent> ReadAsync(string ics)
    {
        ExternalProcess.Require("/usr/bin/python3", "python3");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ics);
            var output = await ExternalProcess.RunAsync("/usr/bin/python3", "-c", Script, file);
            var parsed = JsonSerializer.Deserialize<JsonElement>(output, Json);
            return parsed.Deserialize<CalendarEvent>(Json)! with
            {
                StartUtc = DateTimeOffset.Parse(parsed.GetProperty("startUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
                EndUtc = DateTimeOffset.Parse(parsed.GetProperty("endUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            };
        }
        finally
        {
            File.Delete(file);
        }
    }
}
