using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

public sealed record SlotDto(DateTime StartUtc, DateTime EndUtc);
public sealed record SessionDto(Guid Id, string MentorId, string StudentId, DateTime StartUtc, DateTime EndUtc, string Status, string? Reason, string Agenda, string? MeetingUrl);
public sealed record SessionRequestDto(string MentorId, DateTime StartUtc, int Minutes, string? Agenda, string? Notes);
public sealed record ReasonDto(string? Reason);

/// <summary>/api/v1 for scheduling: the same domain services as the pages, cookie or bearer token, problem details on failure.</summary>
public static class SchedulingEndpoints
{
    public static void MapSchedulingEndpoints(this WebApplication app)
    {
        var api = app.MapApiGroup("Scheduling");

        api.MapGet("/mentors/{mentorId}/slots", async (string mentorId, int? minutes, DateTime? from, DateTime? to,
            HttpContext http, SessionService sessions) =>
        {
            // The domain checks the window (and its defaults); times too far from now are refused there, naming the field.
            var (result, slots, unchangedUntil) = await sessions.FreeSlotsUntilAsync(mentorId, http.User.UserId(), minutes, from?.ToUniversalTime(), to?.ToUniversalTime());
            ApiReadCache.KeepUntil(http, unchangedUntil);
            return ApiResults.OkOr(result, () => TypedResults.Ok(slots.Select(s => new SlotDto(s.StartUtc, s.EndUtc))));
        }).ForRoles(Roles.Student).CachedPerCaller();

        api.MapGet("/sessions", async (HttpContext http, AppDbContext db) =>
        {
            var me = http.User.UserId();
            return TypedResults.Ok(await db.Sessions.AsNoTracking().Where(s => s.MentorId == me || s.StudentId == me)
                .OrderBy(s => s.StartUtc).Take(500)
                .Select(s => new SessionDto(s.Id, s.MentorId, s.StudentId, s.StartUtc, s.EndUtc, s.Status.ToString(), s.StatusReason, s.Agenda, s.MeetingUrl))
                .ToListAsync());
        }).CachedPerCaller();

        api.MapPost("/sessions", async (SessionRequestDto body, HttpContext http, SessionService sessions) =>
        {
            var input = new SessionRequestInput(body.MentorId, DateTime.SpecifyKind(body.StartUtc.ToUniversalTime(), DateTimeKind.Utc),
                body.Minutes, body.Agenda ?? "", body.Notes ?? "");
            var (result, id) = await sessions.RequestAsync(http.User.UserId()!, input);
            return ApiResults.OkOr(result, () => TypedResults.Created($"/api/v1/sessions/{id}", new { id }));
        }).ForRoles(Roles.Student);

        api.MapPost("/sessions/{id:guid}/accept", async (Guid id, HttpContext http, SessionService sessions) =>
            ApiResults.OkOr(await sessions.AcceptAsync(http.User.UserId()!, id), () => TypedResults.NoContent()));

        api.MapPost("/sessions/{id:guid}/reject", async (Guid id, ReasonDto body, HttpContext http, SessionService sessions) =>
            ApiResults.OkOr(await sessions.RejectAsync(http.User.UserId()!, id, body.Reason ?? ""), () => TypedResults.NoContent()));

        api.MapPost("/sessions/{id:guid}/cancel", async (Guid id, ReasonDto body, HttpContext http, SessionService sessions) =>
            ApiResults.OkOr(await sessions.CancelAsync(http.User.UserId()!, id, body.Reason ?? "", asAdmin: http.User.IsAdmin()), () => TypedResults.NoContent()));
    }
}
