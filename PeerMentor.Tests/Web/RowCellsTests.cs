using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Web;

public class RowCellsTests
{
    [Fact]
    public void A_cell_carries_the_label_its_phone_card_shows()
    {
        var html = new RowCells().Cell("Mentor", "Rita Reviewer", "wrap-anywhere").ToMarkup().Value;

        Assert.Equal("<td class=\"mud-table-cell wrap-anywhere\" data-label=\"Mentor\">Rita Reviewer</td>", html);
    }

    [Fact]
    public void Names_subjects_and_links_from_the_database_are_text_never_markup()
    {
        var html = new RowCells()
            .Cell("Student", "<script>alert(1)</script>")
            .LinkCell("Subject", "admin/mail/1\" onclick=\"x", "Tom & Jerry's \"plan\"")
            .Open("Reason", attribute: ("data-testid", "a\"b")).Span("cell-detail", "<b>bold</b>").Close()
            .ToMarkup().Value;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("\" onclick", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Tom &amp; Jerry&#39;s &quot;plan&quot;", html);
        Assert.Contains("data-testid=\"a&quot;b\"", html);
    }

    [Fact]
    public void A_detail_without_text_adds_no_empty_span()
    {
        var html = new RowCells().Open("Feedback").Text("Good week.").Span("cell-detail", null).Close().ToMarkup().Value;

        Assert.Equal("<td class=\"mud-table-cell\" data-label=\"Feedback\">Good week.</td>", html);
    }

    [Fact]
    public void A_select_marks_the_chosen_option_and_encodes_every_name()
    {
        var html = ListSelect.OptionsMarkup([("", "All"), ("a<b", "Tom & Jerry")], "a<b").Value;

        Assert.Equal("<option value=\"\">All</option><option value=\"a&lt;b\" selected>Tom &amp; Jerry</option>", html);
    }
}
