using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Adapters;

namespace PeerMentor.Tests.Web;

public class EventResourceDownloadTests
{
    private sealed record World(AppFactory App, TestUser Author, TestUser InGroup, TestUser OtherGroup, TestUser OtherMentor, TestUser OtherProgram, Guid ResourceId)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Two mentors with one student each, and a student of another program; the first mentor uploads a recording to a group masterclass.</summary>
    private static async Task<World> CreateAsync()
    {
        var app = await AppFactory.CreateAsync(smtp: false);
        var author = await app.CreateAsync(Roles.Mentor, "Ada Author");
        var otherMentor = await app.CreateAsync(Roles.Mentor, "Olga Other");
        var first = await app.CreateAsync(Roles.Student, "Finn First");
        var second = await app.CreateAsync(Roles.Student, "Sina Second");
        var outsider = await app.CreateAsync(Roles.Student, "Otis Outsider");
        var programId = await app.CreateProgramAsync("Recording cohort", assign: true, author, otherMentor, first, second);
        await app.CreateProgramAsync("Other cohort", assign: false, outsider);
        var resourceId = await app.RunAsync(async s =>
        {
            var groupOfFirst = await s.GetRequiredService<AppDbContext>().ProgramMembers.Where(m => m.UserId == first.Id).Select(m => m.MentorId).SingleAsync();
            var events = s.GetRequiredService<ProgramEventService>();
            var (_, eventId) = await events.CreateAsync(author.Id, false, programId,
                new EventInput("Recorded masterclass", "", DateTime.UtcNow.AddDays(2), 60, null, author.Id));
            var (_, stored) = await s.GetRequiredService<FileStorage>().SaveVideoAsync(new MemoryStream(SampleFiles.Mp4), "session.mp4");
            var (added, id) = await events.AddResourceAsync(author.Id, false, eventId!.Value, new ResourceInput(EventResourceKind.Recording, "Session video", null), stored);
            Assert.True(added.Succeeded, added.Summary);
            return (id!.Value, groupOfFirst == author.Id);
        });
        var (inGroup, otherGroup) = resourceId.Item2 ? (first, second) : (second, first);
        return new World(app, author, inGroup, otherGroup, otherMentor, outsider, resourceId.Item1);
    }

    private static async Task<HttpResponseMessage> GetAsync(World world, TestUser user, RangeHeaderValue? range = null)
    {
        var client = await world.App.SignedInClientAsync(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/event-resources/{world.ResourceId}");
        request.Headers.Range = range;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_student_of_the_group_gets_the_video_inline_with_its_type()
    {
        await using var world = await CreateAsync();

        var response = await GetAsync(world, world.InGroup);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("inline", "video/mp4"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(SampleFiles.Mp4, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_request_gets_just_that_part_so_players_can_seek()
    {
        await using var world = await CreateAsync();

        var response = await GetAsync(world, world.InGroup, new RangeHeaderValue(4, 7));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("ftyp"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_author_can_get_the_video()
    {
        await using var world = await CreateAsync();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(world, world.Author)).StatusCode);
    }

    [Fact]
    public async Task A_student_of_another_mentors_group_gets_not_found()
    {
        await using var world = await CreateAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(world, world.OtherGroup)).StatusCode);
    }

    [Fact]
    public async Task Another_mentor_of_the_program_gets_not_found_for_a_group_event()
    {
        await using var world = await CreateAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(world, world.OtherMentor)).StatusCode);
    }

    [Fact]
    public async Task A_student_of_another_program_gets_not_found()
    {
        await using var world = await CreateAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(world, world.OtherProgram)).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        await using var world = await CreateAsync();

        var response = await world.App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/files/event-resources/{world.ResourceId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("login", response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
