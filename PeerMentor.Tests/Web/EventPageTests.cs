using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class EventPageTests
{
    private sealed record World(AppFactory App, TestUser Author, TestUser OtherMentor, TestUser Student, TestUser Outsider, Guid EventId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public async Task<string> PageAsync(TestUser user) => await (await ResponseAsync(user)).Content.ReadAsStringAsync();

        public async Task<HttpResponseMessage> ResponseAsync(TestUser user) => await (await App.SignedInClientAsync(user)).GetAsync($"/events/{EventId}");
    }

    /// <summary>A program with two mentors and a student; the first mentor created a whole-program masterclass. Plus a student of another program.</summary>
    private static async Task<World> CreateAsync()
    {
        var app = await AppFactory.CreateAsync(smtp: false);
        var author = await app.CreateAsync(Roles.Mentor, "Ada Author");
        var other = await app.CreateAsync(Roles.Mentor, "Olga Other");
        var student = await app.CreateAsync(Roles.Student, "Sid Student");
        var outsider = await app.CreateAsync(Roles.Student, "Otis Outsider");
        var programId = await app.CreateProgramAsync("Page cohort", assign: true, author, other, student);
        await app.CreateProgramAsync("Other cohort", assign: false, outsider);
        var eventId = await app.RunAsync(async s =>
        {
            var (result, id) = await s.GetRequiredService<ProgramEventService>().CreateAsync(author.Id, false, programId,
                new EventInput("Page masterclass", "", DateTime.UtcNow.AddDays(2), 60, "https://meet.example/page", null));
            Assert.True(result.Succeeded, result.Summary);
            return id!.Value;
        });
        return new World(app, author, other, student, outsider, eventId);
    }

    [Fact]
    public async Task A_cancelled_event_tells_its_students_so_with_the_reason_and_offers_no_meeting_link()
    {
        await using var world = await CreateAsync();
        await world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CancelAsync(world.Author.Id, false, world.EventId, "Speaker is ill"));

        var page = await world.PageAsync(world.Student);

        Assert.Contains("This event was cancelled. Reason: Speaker is ill", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Join the meeting", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_gets_the_editing_tools()
    {
        await using var world = await CreateAsync();

        Assert.Contains("Cancel event", await world.PageAsync(world.Author), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_mentor_of_the_program_sees_the_event_but_no_editing_tools()
    {
        await using var world = await CreateAsync();

        var page = await world.PageAsync(world.OtherMentor);

        Assert.Contains("Page masterclass", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel event", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_sees_the_event_but_no_editing_tools()
    {
        await using var world = await CreateAsync();

        var page = await world.PageAsync(world.Student);

        Assert.Contains("Page masterclass", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel event", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_of_another_program_is_told_the_event_cannot_be_found()
    {
        await using var world = await CreateAsync();

        Assert.Contains("We can't find that event", await world.PageAsync(world.Outsider), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_the_reader_may_not_see_answers_404_and_one_they_may_see_200()
    {
        await using var world = await CreateAsync();

        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.OK),
            ((await world.ResponseAsync(world.Outsider)).StatusCode, (await world.ResponseAsync(world.Student)).StatusCode));
    }
}
