using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Jobs;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>
/// An app whose clock the test holds, with a mentor in Berlin who offers 60-minute sessions on
/// weekdays 09:00–17:00 local. "Now" is Monday 23 Nov 2026, 06:00 UTC (07:00 in Berlin) unless a test
/// starts elsewhere. The outbox dispatcher's own loop stays quiet: tests send what is due with <see cref="DispatchAsync"/>.
/// </summary>
public sealed class SchedulingScenario : IAsyncDisposable
{
    public static readonly DateTime Monday0900Berlin = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private SchedulingScenario(AppFactory app, FakeTimeProvider clock, string mentorId) => (App, Clock, MentorId) = (app, clock, mentorId);

    public AppFactory App { get; }
    public FakeTimeProvider Clock { get; }
    public string MentorId { get; }

    public static async Task<SchedulingScenario> CreateAsync(DatabaseKind kind = DatabaseKind.Sqlite, bool autoAccept = false, bool smtp = false,
        DateTime? nowUtc = null, FakeSmsGateway? sms = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(nowUtc ?? new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc)));
        var settings = new Dictionary<string, string?>(sms?.Settings ?? []) { ["Notifications:Dispatcher:PollSeconds"] = "3600", ["Notifications:Dispatcher:WakeOnCommit"] = "false", ["Jobs:Recurring"] = "false" };
        var app = new AppFactory(await TestDatabase.CreateAsync(kind), smtp ? await SmtpSink.InstanceAsync() : null, settings)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var mentorId = await AddPeopleAsync(app, Roles.Mentor, 1, "Europe/Berlin").ContinueWith(t => t.Result[0]);
        var scenario = new SchedulingScenario(app, clock, mentorId);
        await scenario.SetAvailabilityAsync(mentorId, autoAccept);
        return scenario;
    }

    public async Task<string> AddMentorAsync(bool autoAccept = false)
    {
        var id = (await AddPeopleAsync(App, Roles.Mentor, 1, "America/New_York"))[0];
        await SetAvailabilityAsync(id, autoAccept);
        return id;
    }

    public Task<List<string>> AddStudentsAsync(int count, string zone = "Asia/Kolkata") => AddPeopleAsync(App, Roles.Student, count, zone);

    /// <summary>A program running November 2026 to January 2027 with these people; each mentor takes one student, and they are assigned.</summary>
    public Task<Guid> AddProgramAsync(string name, params string[] memberIds) => App.RunAsync(async s =>
    {
        var programs = s.GetRequiredService<PeerMentor.Domain.Programs.ProgramService>();
        var (created, id) = await programs.CreateAsync(new PeerMentor.Domain.Programs.ProgramInput(name, new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10));
        if (id is null) throw new InvalidOperationException(created.Summary);
        foreach (var member in memberIds)
        {
            var added = await programs.AddMemberAsync(id.Value, member, 1);
            if (!added.Succeeded) throw new InvalidOperationException(added.Summary);
        }
        var (assigned, _) = await programs.AssignAsync(id.Value);
        if (!assigned.Succeeded) throw new InvalidOperationException(assigned.Summary);
        return id.Value;
    });

    public Task<T> RunAsync<T>(Func<SessionService, Task<T>> action) => App.RunAsync(s => action(s.GetRequiredService<SessionService>()));

    public Task<(Result Result, Guid? SessionId)> RequestAsync(string studentId, DateTime startUtc, string? mentorId = null, int minutes = 60) =>
        RunAsync(s => s.RequestAsync(studentId, new SessionRequestInput(mentorId ?? MentorId, startUtc, minutes, "Code review of my project", "")));

    /// <summary>Sends every outbox message that is due by the held clock.</summary>
    public async Task DispatchAsync()
    {
        var dispatcher = App.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchBatchAsync() > 0) { }
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Gives a person a number they have proved is theirs (the verification itself is tested through the page).</summary>
    public Task VerifyPhoneAsync(string userId, string phone) => App.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        (user.PhoneNumber, user.PhoneNumberConfirmed) = (phone, true);
        await db.SaveChangesAsync();
    });

    public Task<string> EmailOfAsync(string userId) =>
        App.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    public Task<Session> LoadAsync(Guid id) =>
        App.RunAsync(s => s.GetRequiredService<AppDbContext>().Sessions.AsNoTracking().SingleAsync(x => x.Id == id));

    /// <summary>Pairs of accepted sessions that overlap for one person: must always be empty.</summary>
    public Task<int> OverlapCountAsync() => App.RunAsync(s =>
    {
        var sessions = s.GetRequiredService<AppDbContext>().Sessions;
        return (from a in sessions
                from b in sessions
                where a.Status == SessionStatus.Accepted && b.Status == SessionStatus.Accepted && a.Id != b.Id
                    && (a.MentorId == b.MentorId || a.StudentId == b.StudentId)
                    && a.StartUtc < b.EndUtc && b.StartUtc < a.EndUtc
                select a.Id).CountAsync();
    });

    private Task SetAvailabilityAsync(string mentorId, bool autoAccept) => App.RunAsync(async s =>
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var result = await s.GetRequiredService<AvailabilityService>().SaveAsync(mentorId,
            new AvailabilitySettings([60], 0, 0, 0, 60, autoAccept, "https://meet.example/room"),
            weekdays.Select(d => new WeeklyRange(d, 9 * 60, 17 * 60)).ToArray());
        if (!result.Succeeded) throw new InvalidOperationException(result.Summary);
    });

    /// <summary>Approved people without passwords: hashing 50 passwords would dominate a race test.</summary>
    private static Task<List<string>> AddPeopleAsync(AppFactory app, string role, int count, string zone) => app.RunAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = TestUsers.NewEmail(role.ToLowerInvariant());
            var user = AppUser.Register(email, $"{role} {i + 1}", zone, role, i % 6, role == Roles.Mentor ? "Testing" : "", DateTime.UtcNow);
            user.NormalizedEmail = user.NormalizedUserName = email.ToUpperInvariant();
            user.EmailConfirmed = true;
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.Approve(DateTime.UtcNow);
            db.Users.Add(user);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            ids.Add(user.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    });

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
