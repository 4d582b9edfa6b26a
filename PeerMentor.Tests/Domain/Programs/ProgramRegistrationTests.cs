using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

/// <summary>People register into a program and are approved into it with a role, within its capacity.</summary>
public class ProgramRegistrationTests
{
    private static readonly AccountLinks Links = new(new Uri("http://peermentor.test/"));

    private static RegistrationInput Registration(string email, Guid? programId) => new()
    {
        Email = email, Password = TestUsers.Password, DisplayName = "Ines Newcomer", TimeZoneId = "Europe/Madrid",
        Role = Roles.Student, YearsOfExperience = 2, ProgramId = programId,
    };

    private static Task<Guid> ProgramAsync(AppFactory app, string name, int capacity, DateOnly endsOn) => app.RunAsync(async s =>
    {
        var (result, id) = await s.GetRequiredService<ProgramService>().CreateAsync(new ProgramInput(name, endsOn.AddDays(-60), endsOn, capacity));
        return id ?? throw new InvalidOperationException(result.Summary);
    });

    private static Task<List<(string UserId, string Role, int Capacity)>> MembersAsync(AppFactory app, Guid programId) => app.RunAsync(async s =>
        (await s.GetRequiredService<AppDbContext>().ProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId)
            .Select(m => new { m.UserId, m.Role, m.MentorCapacity }).ToListAsync()).Select(m => (m.UserId, m.Role, m.MentorCapacity)).ToList());

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_registration_names_its_program_and_approval_places_the_person_in_it(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var programId = await ProgramAsync(app, "Spring cohort", 5, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var email = TestUsers.NewEmail();

        var registered = await app.RunAsync(s => s.GetRequiredService<RegistrationService>().RegisterAsync(Registration(email, programId), Links));
        Assert.True(registered.Succeeded, registered.Summary);
        var person = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(programId, person.RequestedProgramId);
        await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));

        var approved = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>()
            .ApproveAsync(person.Id, Roles.Mentor, Links, new ProgramPlacement(programId, MentorCapacity: 7)));

        Assert.True(approved.Succeeded, approved.Summary);
        Assert.Equal([(person.Id, Roles.Mentor, 7)], await MembersAsync(app, programId));
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(email, m => m.Subject.Contains("approved"));
        Assert.Contains("sign in as a mentor in Spring cohort.", mail.Text);
    }

    [Fact]
    public async Task A_program_that_has_ended_cannot_be_registered_into_and_nothing_is_stored()
    {
        await using var app = await AppFactory.CreateAsync();
        var ended = await ProgramAsync(app, "Last year", 5, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var email = TestUsers.NewEmail();

        var result = await app.RunAsync(s => s.GetRequiredService<RegistrationService>().RegisterAsync(Registration(email, ended), Links));

        Assert.Contains("closed", Assert.Single(result.For("ProgramId")));
        Assert.False(await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email)));
        var open = await app.RunAsync(s => s.GetRequiredService<RegistrationService>().OpenProgramsAsync());
        Assert.DoesNotContain(open, p => p.Id == ended);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Approving_into_a_full_program_is_refused_and_the_person_stays_pending(DatabaseKind kind)
    {
        await using var app = await AppFactory.CreateAsync(kind);
        var programId = await ProgramAsync(app, "Tiny cohort", 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var first = await app.CreateAsync(Roles.Student);
        await app.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId, first.Id));
        var person = await app.CreateAsync(role: null);

        var result = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>()
            .ApproveAsync(person.Id, Roles.Student, Links, new ProgramPlacement(programId)));

        Assert.Contains("The program is full (1 students).", Assert.Single(result.For("Program")));
        var stored = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        Assert.Equal(ApprovalStatus.Pending, stored.Approval);
        Assert.Equal([first.Id], (await MembersAsync(app, programId)).Select(m => m.UserId));
    }

    [Fact]
    public async Task A_student_approved_into_a_program_gets_its_upcoming_masterclass_with_the_invite()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.CreateAsync(Roles.Admin);
        var programId = await ProgramAsync(app, "Running cohort", 5, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var (created, _) = await app.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(admin.Id, true, programId,
            new EventInput("Kick-off masterclass", "", DateTime.UtcNow.AddDays(2), 60, null, null)));
        Assert.True(created.Succeeded, created.Summary);
        var person = await app.CreateAsync(role: null);

        var approved = await app.RunAsync(s => s.GetRequiredService<AccountAdminService>()
            .ApproveAsync(person.Id, Roles.Student, Links, new ProgramPlacement(programId)));

        Assert.True(approved.Succeeded, approved.Summary);
        var invites = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .Where(m => m.UserId == person.Id && m.CalendarMethod == "REQUEST").Select(m => m.Subject).ToListAsync());
        Assert.StartsWith("[Running cohort] Kick-off masterclass", Assert.Single(invites));
    }
}
