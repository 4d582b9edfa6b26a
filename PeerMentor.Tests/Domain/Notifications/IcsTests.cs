using System.Text;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Notifications;

public class IcsTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static string Invite(string summary = "Session", string description = "Agenda", string attendeeName = "Ada Lovelace", bool cancelled = false) =>
        Ics.Invite("Tests", new IcsEvent("abc@peermentor", 3, Start.AddDays(-1), Start, Start.AddHours(1), summary, description,
            "https://meet.example.com/x", new IcsPerson("Grace Hopper", "grace@example.com"), new IcsPerson(attendeeName, "ada@example.com"),
            "ACCEPTED", null, cancelled)).Content;

    [Fact]
    public async Task Text_with_backslashes_semicolons_commas_and_line_breaks_reads_back_unchanged()
    {
        var read = await CalendarReader.ReadAsync(Invite(description: "a\\b; c, d\ne"));

        Assert.Equal("a\\b; c, d\ne", read.Description);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_cutting_a_character_in_two()
    {
        var ics = Invite(summary: new string('ü', 80));

        var lines = ics.Split("\r\n");

        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
    }

    [Fact]
    public async Task A_folded_long_summary_reads_back_whole()
    {
        var read = await CalendarReader.ReadAsync(Invite(summary: "Mentoring " + new string('ü', 80)));

        Assert.Equal("Mentoring " + new string('ü', 80), read.Summary);
    }

    [Fact]
    public void Every_line_ends_with_crlf()
    {
        var ics = Invite();

        Assert.True(ics.EndsWith("\r\n", StringComparison.Ordinal) && !ics.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n'));
    }

    [Fact]
    public async Task A_name_with_double_quotes_and_line_breaks_cannot_break_out_of_its_parameter()
    {
        var read = await CalendarReader.ReadAsync(Invite(attendeeName: "Ada \"AL\" Love\r\nlace"));

        Assert.Equal("mailto:ada@example.com", read.Attendee);
    }

    [Fact]
    public async Task A_cancellation_says_method_cancel_and_status_cancelled_with_the_same_uid_and_utc_times()
    {
        var read = await CalendarReader.ReadAsync(Invite(cancelled: true));

        Assert.Equal(("CANCEL", "CANCELLED", "abc@peermentor", 3, Start, Start.AddHours(1)),
            (read.Method, read.Status, read.Uid, read.Sequence, read.StartUtc, read.EndUtc));
    }
}
