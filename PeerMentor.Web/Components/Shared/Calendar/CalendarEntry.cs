namespace PeerMentor.Web.Components.Shared.Calendar;

/// <summary>What a calendar shows; the colour and the legend follow it.</summary>
public enum CalendarEntryKind { Session, Request, Masterclass }

public enum CalendarView { Day, Week, Month, Agenda }

/// <summary>One thing on the calendar, in UTC: the calendar shows it in the viewer's zone and links to Href.</summary>
public sealed record CalendarEntry(Guid Id, string Title, DateTime StartUtc, DateTime EndUtc, CalendarEntryKind Kind, string Href)
{
    public string KindLabel => LabelOf(Kind);

    public static string LabelOf(CalendarEntryKind kind) => kind switch
    {
        CalendarEntryKind.Request => "Requested session",
        CalendarEntryKind.Masterclass => "Masterclass",
        _ => "Session",
    };
}
