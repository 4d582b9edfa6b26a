using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Components.Pages.Scheduling;

/// <summary>A session as its pages show it: both people with their own zones.</summary>
public sealed record SessionView(
    Guid Id, string MentorId, string MentorName, string MentorZone, string StudentId, string StudentName, string StudentZone,
    DateTime StartUtc, DateTime EndUtc, SessionStatus Status, string? Reason, string Agenda, string Notes, string? MeetingUrl)
{
    public string StatusText => Status switch
    {
        SessionStatus.Requested => "Waiting for the mentor",
        SessionStatus.Accepted => "Booked",
        _ => Status.ToString(),
    };

    /// <summary>Up to two letters for a person's avatar.</summary>
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(part => char.ToUpperInvariant(part[0])));

    /// <summary>The sessions <paramref name="filter"/> selects, newest start last, with both people.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Session, SessionView>> FromSession = s => new SessionView(s.Id,
        s.MentorId, s.Mentor!.DisplayName, s.Mentor.TimeZoneId, s.StudentId, s.Student!.DisplayName,
        s.Student.TimeZoneId, s.StartUtc, s.EndUtc, s.Status, s.StatusReason, s.Agenda, s.Notes, s.MeetingUrl);

    public static Task<List<SessionView>> QueryAsync(AppDbContext db, Func<IQueryable<Session>, IQueryable<Session>> filter, int take = 200) =>
        filter(db.Sessions.AsNoTracking()).Take(take).Select(FromSession).ToListAsync();
}

/// <summary>A new start in the person's own zone, and an optional note to the other person.</summary>
public sealed record MoveChoice(DateOnly Date, TimeOnly Time, string Reason);
