using Bunit;
using PeerMentor.Domain;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Pages.Scheduling.Booking;

namespace PeerMentor.Tests.Components.Scheduling.Booking;

public class BookingRequestFormTests : ComponentTest
{
    private static readonly Interval Slot = new(new(2026, 6, 9, 9, 30, 0, DateTimeKind.Utc), new(2026, 6, 9, 10, 30, 0, DateTimeKind.Utc));

    [Fact]
    public void It_shows_the_time_for_the_student_and_for_the_mentor()
    {
        var cut = RenderForm(_ => { });

        Assert.Equal(LocalTimes.Describe(Slot.StartUtc, Slot.EndUtc, "Asia/Kolkata"), cut.Find("h2").TextContent);
        Assert.Contains(LocalTimes.Describe(Slot.StartUtc, Slot.EndUtc, "Europe/Berlin"), cut.Find("[data-testid=mentor-time]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Pressing_request_calls_back_with_the_chosen_slot_and_the_agenda()
    {
        BookingRequest? sent = null;
        var cut = RenderForm(r => sent = r);

        cut.Find("#Agenda").Change("Review my pull request");
        cut.Find("#Notes").Change("It is small");
        Request(cut);

        cut.WaitForAssertion(() => Assert.Equal(new BookingRequest(Slot, "Review my pull request", "It is small"), sent));
    }

    [Fact]
    public void An_agenda_over_the_limit_is_refused_next_to_the_field_and_nothing_is_requested()
    {
        BookingRequest? sent = null;
        var cut = RenderForm(r => sent = r);

        cut.Find("#Agenda").Change(new string('x', Session.MaxAgendaLength + 1));
        Request(cut);

        cut.WaitForAssertion(() => Assert.Contains($"Use at most {Session.MaxAgendaLength} characters.", cut.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal));
        Assert.Null(sent);
    }

    [Fact]
    public void An_empty_agenda_is_refused_and_nothing_is_requested()
    {
        BookingRequest? sent = null;
        var cut = RenderForm(r => sent = r);

        Request(cut);

        cut.WaitForAssertion(() => Assert.Contains("Say what you would like to work on.", cut.Find(".mud-input-error").TextContent, StringComparison.Ordinal));
        Assert.Null(sent);
    }

    [Fact]
    public void While_busy_the_button_is_disabled_and_shows_progress()
    {
        var cut = RenderForm(_ => { }, busy: true);

        Assert.True(RequestButton(cut).HasAttribute("disabled"));
        Assert.NotNull(cut.Find(".mud-progress-circular"));
    }

    [Fact]
    public void A_refusal_about_the_agenda_shows_next_to_the_agenda() =>
        Assert.Contains("Too vague.", RenderForm(_ => { }, errors: Result.Fail("Agenda", "Too vague."))
            .Find(".mud-input-error").TextContent, StringComparison.Ordinal);

    [Fact]
    public void A_mentor_who_accepts_automatically_is_booked_not_asked() =>
        Assert.Equal("Book this session", RequestButton(RenderForm(_ => { }, autoAccept: true)).TextContent.Trim());

    private IRenderedComponent<BookingRequestForm> RenderForm(Action<BookingRequest> onRequest, bool busy = false, Result? errors = null, bool autoAccept = false) =>
        Render<BookingRequestForm>(p => p.Add(x => x.Slot, Slot).Add(x => x.Zone, "Asia/Kolkata").Add(x => x.MentorZone, "Europe/Berlin")
            .Add(x => x.MentorName, "Mara Mentor").Add(x => x.Busy, busy).Add(x => x.Errors, errors).Add(x => x.AutoAccept, autoAccept)
            .Add(x => x.OnRequest, onRequest));

    private static AngleSharp.Dom.IElement RequestButton(IRenderedComponent<BookingRequestForm> cut) =>
        cut.FindAll("button").First(b => b.TextContent.Contains("Send request", StringComparison.Ordinal) || b.TextContent.Contains("Book this", StringComparison.Ordinal));

    private static void Request(IRenderedComponent<BookingRequestForm> cut) => RequestButton(cut).Click();
}
