using System.Text;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Tests.Domain.Notifications;

public class IcsTests
{
    [Fact]
    public void Text_values_escape_backslashes_semicolons_commas_and_line_breaks() =>
        Assert.Equal(@"a\\b\; c\, d\ne\nf", Ics.Text("a\\b; c, d\ne\r\nf"));

    [Fact]
    public void Folding_splits_long_lines_at_75_octets_without_cutting_a_character_in_two()
    {
        var line = "DESCRIPTION:" + new string('ü', 80);

        var lines = Ics.Fold(line).Split("\r\n");

        Assert.Equal((line, true), (lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])), lines.All(l => Encoding.UTF8.GetByteCount(l) <= 75)));
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded() =>
        Assert.Equal(new string('x', 75), Ics.Fold(new string('x', 75)));

    [Fact]
    public void Continuation_lines_start_with_one_space_and_keep_their_own_75_octet_limit()
    {
        var lines = Ics.Fold(new string('x', 200)).Split("\r\n");

        Assert.Equal(new[] { 75, 75, 52 }, lines.Select(l => l.Length));
    }

    [Fact]
    public void A_quoted_name_loses_double_quotes_and_control_characters_that_would_end_the_parameter() =>
        Assert.Equal("\"Ada AL Lovelace\"", Ics.Quoted("Ada \"AL\" Love\r\nlace"));

    [Fact]
    public void Every_written_line_ends_with_crlf() =>
        Assert.Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Ics.Write(["BEGIN:VCALENDAR", "END:VCALENDAR"]));
}
