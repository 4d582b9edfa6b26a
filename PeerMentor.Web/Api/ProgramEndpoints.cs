using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Matching;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

public sealed record PersonDto(string Id, string Name)
{
    /// <summary>Display names only: the API never hands out anyone's email or account details.</summary>
    public static async Task<Func<string, PersonDto>> LookupAsync(AppDbContext db, IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return id => new PersonDto(id, names.GetValueOrDefault(id, ""));
    }
}

/// <summary>A program as the caller is in it: their role, a student's mentor, a mentor's group (admins: neither).</summary>
public sealed record ProgramDto(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string Role, PersonDto? Mentor, IReadOnlyList<PersonDto>? Group);
public sealed record AnnouncementDto(long Id, string Title, string Markdown, string Html, bool Pinned, DateTime PostedUtc);
public sealed record EventDto(Guid Id, string Title, string Description, DateTime StartUtc, DateTime EndUtc, string? MeetingUrl,
    string? GroupMentorId, bool Cancelled, string? CancelReason);
public sealed record NewProgramDto(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, int Capacity);
public sealed record NewMemberDto(string? UserId, int? MentorCapacity);
public sealed record MentorCapacityDto(int? MentorCapacity);
public sealed record PlanDto(IReadOnlyList<PlanGroupDto> Groups, int Makespan, int LowerBound, double Ratio, IReadOnlyList<UnplacedDto> Unplaced);
public sealed record PlanGroupDto(PersonDto Mentor, IReadOnlyList<PersonDto> NewStudents, int GroupSize, int TotalExperience, double AverageExperience);
public sealed record UnplacedDto(PersonDto Student, string Reason);

/// <summary>/api/v1 for programs: members read their programs' boards and events; admins create, fill and assign programs.</summary>
public static class ProgramEndpoints
{
    public static void MapProgramEndpoints(this WebApplication app)
    {
        var api = app.MapApiGroup("Programs");

        api.MapGet("/programs", async (HttpContext http, AppDbContext db) => TypedResults.Ok(await ProgramsOfAsync(db, http.User, only: null))).CachedPerCaller();

        api.MapGet("/programs/{id:guid}", async (Guid id, HttpContext http, AppDbContext db) =>
            await ProgramsOfAsync(db, http.User, only: id) is [var program] ? TypedResults.Ok(program) : ProgramNotFound()).CachedPerCaller();

        api.MapGet("/programs/{id:guid}/announcements", async (Guid id, HttpContext http, AppDbContext db) =>
        {
            if (!await MayReadAsync(db, http.User, id)) return ProgramNotFound();
            var posts = await db.Announcements.AsNoTracking().Where(a => a.ProgramId == id)
                .OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PostedUtc).Take(200).ToListAsync();
            return TypedResults.Ok(posts.Select(a => new AnnouncementDto(a.Id, a.Title, a.Markdown, a.Html, a.Pinned, a.PostedUtc)));
        }).CachedPerCaller();

        api.MapGet("/programs/{id:guid}/events", async (Guid id, HttpContext http, AppDbContext db) =>
        {
            if (!await MayReadAsync(db, http.User, id)) return ProgramNotFound();
            var visible = http.User.IsAdmin() ? db.Set<ProgramEvent>() : ProgramEventService.VisibleTo(db, http.User.UserId()!);
            return TypedResults.Ok(await visible.AsNoTracking().Where(e => e.ProgramId == id).OrderBy(e => e.StartUtc).Take(500)
                .Select(e => new EventDto(e.Id, e.Title, e.Description, e.StartUtc, e.EndUtc, e.MeetingUrl, e.GroupMentorId, e.CancelledUtc != null, e.CancelReason))
                .ToListAsync());
        }).CachedPerCaller();

        var admin = api.MapGroup("").ForRoles(Roles.Admin);

        admin.MapPost("/programs", async (NewProgramDto body, ProgramService programs) =>
        {
            var dates = Result.Ok();
            if (body.StartsOn is null) dates.Add("StartsOn", "Give the first day of the program as yyyy-mm-dd.");
            if (body.EndsOn is null) dates.Add("EndsOn", "Give the last day of the program as yyyy-mm-dd.");
            if (!dates.Succeeded) return ApiResults.Problem(dates);
            var (result, id) = await programs.CreateAsync(new ProgramInput(body.Name ?? "", body.StartsOn!.Value, body.EndsOn!.Value, body.Capacity));
            return ApiResults.OkOr(result, () => TypedResults.Created($"/api/v1/programs/{id}", new { id }));
        });

        admin.MapPost("/programs/{id:guid}/members", async (Guid id, NewMemberDto body, ProgramService programs) =>
        {
            var added = body.MentorCapacity is { } capacity
                ? await programs.AddMemberAsync(id, body.UserId ?? "", capacity)
                : await programs.AddMemberAsync(id, body.UserId ?? "");
            return ApiResults.OkOr(added, () => TypedResults.NoContent());
        });

        admin.MapPatch("/programs/{id:guid}/mentors/{userId}", async (Guid id, string userId, MentorCapacityDto body, ProgramService programs) =>
        {
            if (body.MentorCapacity is not { } capacity) return ApiResults.Problem(Result.Fail("MentorCapacity", "Give the most students this mentor takes."));
            return ApiResults.OkOr(await programs.SetMentorCapacityAsync(id, userId, capacity), () => TypedResults.NoContent());
        });

        admin.MapGet("/programs/{id:guid}/assignment-preview", async (Guid id, ProgramService programs, AppDbContext db) =>
            await programs.PreviewAsync(id) is { } plan ? TypedResults.Ok(await PlanDtoAsync(db, plan)) : ProgramNotFound());

        // The plan as it stands now, confirmed as the page's "Confirm and notify" does for a preview nobody adjusted.
        admin.MapPost("/programs/{id:guid}/assign", async (Guid id, ProgramService programs, AppDbContext db) =>
        {
            var (result, plan) = await programs.AssignAsync(id);
            return plan is null ? ApiResults.Problem(result) : TypedResults.Ok(await PlanDtoAsync(db, plan));
        });
    }

    /// <summary>Non-members get the same answer for a program that exists as for one that does not.</summary>
    private static IResult ProgramNotFound() => ApiResults.Problem(Result.Missing("That program"));

    private static Task<bool> MayReadAsync(AppDbContext db, ClaimsPrincipal user, Guid programId)
    {
        if (user.IsAdmin()) return db.Programs.AnyAsync(p => p.Id == programId);
        var me = user.UserId();
        return db.ProgramMembers.AnyAsync(m => m.ProgramId == programId && m.UserId == me && m.LeftUtc == null);
    }

    private static async Task<List<ProgramDto>> ProgramsOfAsync(AppDbContext db, ClaimsPrincipal user, Guid? only)
    {
        if (user.IsAdmin())
            return await db.Programs.AsNoTracking().Where(p => only == null || p.Id == only).OrderByDescending(p => p.StartsOn)
                .Select(p => new ProgramDto(p.Id, p.Name, p.StartsOn, p.EndsOn, Roles.Admin, null, null)).ToListAsync();
        var me = user.UserId();
        // The student's mentor's name comes along in the same statement.
        var memberships = await (from m in db.ProgramMembers.AsNoTracking()
                                 where m.UserId == me && m.LeftUtc == null && (only == null || m.ProgramId == only)
                                 join p in db.Programs on m.ProgramId equals p.Id
                                 join u in db.Users on m.MentorId equals u.Id into mentors
                                 from mentor in mentors.DefaultIfEmpty()
                                 orderby p.StartsOn descending
                                 select new { p.Id, p.Name, p.StartsOn, p.EndsOn, m.Role, m.MentorId, MentorName = mentor == null ? null : mentor.DisplayName })
            .ToListAsync();
        var ids = memberships.Where(m => m.Role == Roles.Mentor).Select(m => m.Id).ToList();
        var group = ids.Count == 0 ? [] : await db.ProgramMembers.AsNoTracking().Where(m => m.MentorId == me && m.LeftUtc == null && ids.Contains(m.ProgramId))
            .OrderBy(m => m.User!.DisplayName).Select(m => new { m.ProgramId, m.UserId, m.User!.DisplayName }).ToListAsync();
        return memberships.Select(m => new ProgramDto(m.Id, m.Name, m.StartsOn, m.EndsOn, m.Role,
            m.Role == Roles.Student && m.MentorId is { } mentorId ? new PersonDto(mentorId, m.MentorName ?? "") : null,
            m.Role == Roles.Mentor ? group.Where(g => g.ProgramId == m.Id).Select(g => new PersonDto(g.UserId, g.DisplayName)).ToList() : null)).ToList();
    }

    private static async Task<PlanDto> PlanDtoAsync(AppDbContext db, AssignmentResult plan)
    {
        var person = await PersonDto.LookupAsync(db, plan.Groups.SelectMany(g => g.NewStudentIds.Append(g.MentorId)).Concat(plan.Unplaced.Select(u => u.StudentId)));
        return new PlanDto(
            plan.Groups.Select(g => new PlanGroupDto(person(g.MentorId), g.NewStudentIds.Select(person).ToList(), g.GroupSize, g.TotalExperience, g.AverageExperience)).ToList(),
            plan.Makespan, plan.LowerBound, plan.Ratio, plan.Unplaced.Select(u => new UnplacedDto(person(u.StudentId), u.Reason)).ToList());
    }
}
