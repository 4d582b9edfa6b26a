using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PeerMentor.Domain;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

/// <summary>
/// The read endpoints keep each caller's answer until something changes: every test here asks once (so the answer is
/// kept), changes the data or the clock by another path, and asks the same again.
/// </summary>
public class ApiReadCacheTests
{
    private sealed record Slot(DateTime StartUtc, DateTime EndUtc);

    private static async Task<ApiWorld> WorldWithAvailabilityAsync(DatabaseKind kind, bool autoAccept = true)
    {
        var world = await ApiWorld.CreateAsync(kind);
        await world.Run<AvailabilityService, Result>(s => s.SaveAsync(world.Mentor.Id, new AvailabilitySettings([60], 0, 0, 60, 14, autoAccept, null),
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray()));
        return world;
    }

    /// <summary>Three days of the mentor's slots from tomorrow (UTC midnight): a window with a start, so its answer is kept.</summary>
    private static string SlotsUrl(ApiWorld world)
    {
        var from = world.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        return FormattableString.Invariant($"/api/v1/mentors/{world.Mentor.Id}/slots?from={from:yyyy-MM-ddTHH:mm:ssZ}&to={from.AddDays(3):yyyy-MM-ddTHH:mm:ssZ}");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_slot_another_student_booked_is_gone_from_the_next_answer(DatabaseKind kind)
    {
        await using var world = await WorldWithAvailabilityAsync(kind);
        var student = await world.ClientAsync(world.Student);
        var other = await world.App.BearerClientAsync(await world.App.CreateAsync(PeerMentor.Domain.Accounts.Roles.Student));
        var first = (await student.GetFromJsonAsync<List<Slot>>(SlotsUrl(world)))![0];

        (await other.PostAsJsonAsync("/api/v1/sessions", new { MentorId = world.Mentor.Id, first.StartUtc, Minutes = 60, Agenda = "Mine first" })).EnsureSuccessStatusCode();

        Assert.DoesNotContain(first, (await student.GetFromJsonAsync<List<Slot>>(SlotsUrl(world)))!);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_day_off_the_mentor_sets_on_their_page_empties_the_next_answer_for_that_day(DatabaseKind kind)
    {
        await using var world = await WorldWithAvailabilityAsync(kind);
        var student = await world.ClientAsync(world.Student);
        var first = (await student.GetFromJsonAsync<List<Slot>>(SlotsUrl(world)))![0];
        var zone = await world.QueryAsync(db => db.Users.Where(u => u.Id == world.Mentor.Id).Select(u => u.TimeZoneId).FirstAsync());
        DateOnly LocalDate(Slot slot) => DateOnly.FromDateTime(ZonedTime.ToLocal(slot.StartUtc, zone));

        await world.Run<AvailabilityService, Result>(s => s.SetOverrideAsync(world.Mentor.Id, new OverrideInput(LocalDate(first), [])));

        Assert.DoesNotContain((await student.GetFromJsonAsync<List<Slot>>(SlotsUrl(world)))!, s => LocalDate(s) == LocalDate(first));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_slot_is_gone_once_the_clock_brings_it_inside_the_minimum_notice(DatabaseKind kind)
    {
        await using var world = await WorldWithAvailabilityAsync(kind);
        var url = SlotsUrl(world);
        var first = (await (await world.ClientAsync(world.Student)).GetFromJsonAsync<List<Slot>>(url))![0];

        // The notice is an hour: one tick past an hour before the first slot, it can no longer be booked. (A new token: the first expired meanwhile.)
        world.Clock.SetUtcNow(new DateTimeOffset(first.StartUtc.AddHours(-1).AddTicks(1)));

        Assert.NotEqual(first, (await (await world.ClientAsync(world.Student)).GetFromJsonAsync<List<Slot>>(url))![0]);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_session_requested_after_the_mentor_read_their_list_is_in_the_next_answer(DatabaseKind kind)
    {
        await using var world = await WorldWithAvailabilityAsync(kind, autoAccept: false);
        var mentor = await world.ClientAsync(world.Mentor);
        var student = await world.ClientAsync(world.Student);
        Assert.Empty((await mentor.JsonAsync("/api/v1/sessions")).EnumerateArray());
        var slot = (await student.GetFromJsonAsync<List<Slot>>(SlotsUrl(world)))![0];

        (await student.PostAsJsonAsync("/api/v1/sessions", new { MentorId = world.Mentor.Id, slot.StartUtc, Minutes = 60, Agenda = "Please" })).EnsureSuccessStatusCode();

        Assert.Equal("Requested", Assert.Single((await mentor.JsonAsync("/api/v1/sessions")).EnumerateArray()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Two_people_asking_the_same_url_each_get_their_own_answer(DatabaseKind kind)
    {
        await using var world = await ApiWorld.CreateAsync(kind);
        var student = await world.ClientAsync(world.Student);
        var other = await world.ClientAsync(world.OtherStudent);

        var mine = await student.JsonAsync("/api/v1/programs");
        var theirs = await other.JsonAsync("/api/v1/programs");

        Assert.Equal((world.ProgramId, world.OtherProgramId), (Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid(),
            Assert.Single(theirs.EnumerateArray()).GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_assignment_posted_on_the_mentors_page_is_in_the_students_next_answer(DatabaseKind kind)
    {
        await using var world = await ApiWorld.CreateAsync(kind);
        var student = await world.ClientAsync(world.Student);
        Assert.Empty((await student.JsonAsync("/api/v1/assignments")).EnumerateArray());

        await world.Run<AssignmentService, (Result, Guid?)>(s => s.PostAsync(world.Mentor.Id, false, world.ProgramId,
            new AssignmentInput("Essay on caching", "Two pages.", world.Clock.GetUtcNow().UtcDateTime.AddDays(7))));

        Assert.Single((await student.JsonAsync("/api/v1/assignments")).EnumerateArray());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_review_written_on_the_mentors_page_is_in_the_students_next_answer(DatabaseKind kind)
    {
        await using var world = await ApiWorld.CreateAsync(kind);
        var student = await world.ClientAsync(world.Student);
        Assert.Empty((await student.JsonAsync("/api/v1/reviews")).EnumerateArray());

        await world.Run<ReviewService, Result>(s => s.SubmitAsync(world.Mentor.Id, world.ProgramId, world.Student.Id,
            DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime), new Dictionary<string, int> { ["Progress"] = 5, ["Code quality"] = 5, ["Communication"] = 5 }, "Fine."));

        Assert.Single((await student.JsonAsync("/api/v1/reviews")).EnumerateArray());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_change_another_app_instance_committed_is_in_the_next_answer(DatabaseKind kind)
    {
        await using var world = await ApiWorld.CreateAsync(kind);
        var student = await world.ClientAsync(world.Student);
        Assert.Equal("Backend cohort", (await student.JsonAsync("/api/v1/programs"))[0].GetProperty("name").GetString());

        // Written past this app and its EF Core context, as another instance (or process) on the same database would.
        await using (DbConnection other = kind == DatabaseKind.Postgres
                         ? new NpgsqlConnection(world.App.Database.ConnectionString) : new SqliteConnection(world.App.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var rename = other.CreateCommand();
            rename.CommandText = kind == DatabaseKind.Postgres
                ? "UPDATE \"Programs\" SET \"Name\" = 'Backend cohort, renamed' WHERE \"Id\" = @id"
                : "UPDATE \"Programs\" SET \"Name\" = 'Backend cohort, renamed' WHERE \"Id\" = (SELECT \"Id\" FROM \"Programs\" WHERE \"Name\" = 'Backend cohort')";
            if (kind == DatabaseKind.Postgres) ((NpgsqlCommand)rename).Parameters.AddWithValue("id", world.ProgramId);
            Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        }

        Assert.Equal("Backend cohort, renamed", (await student.JsonAsync("/api/v1/programs"))[0].GetProperty("name").GetString());
    }
}
