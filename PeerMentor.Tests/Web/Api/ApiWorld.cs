using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

/// <summary>Talking to the running app's API over HTTP as one person.</summary>
public static class ApiClient
{
    public static async Task<HttpClient> BearerClientAsync(this AppFactory app, TestUser user)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { user.Email, user.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The field names of a validation problem's errors.</summary>
    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response) =>
        (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>
/// An admin and two programs, each with a mentor and the student assigned to them, on a clock the test holds
/// (it starts at the real time, so tokens and cookies behave as usual until the test moves it).
/// </summary>
public sealed record ApiWorld(AppFactory App, FakeTimeProvider Clock, TestUser Admin, TestUser Mentor, TestUser Student, Guid ProgramId,
    TestUser OtherMentor, TestUser OtherStudent, Guid OtherProgramId) : IAsyncDisposable
{
    public static async Task<ApiWorld> CreateAsync(DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new AppFactory(await TestDatabase.CreateAsync(kind), smtp: null) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        var mentor = await app.CreateAsync(Roles.Mentor, "Mara Mentor");
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var otherMentor = await app.CreateAsync(Roles.Mentor, "Otto Othermentor");
        var otherStudent = await app.CreateAsync(Roles.Student, "Olga Otherstudent");
        var programId = await app.CreateProgramAsync("Backend cohort", assign: true, mentor, student);
        var otherProgramId = await app.CreateProgramAsync("Design cohort", assign: true, otherMentor, otherStudent);
        return new ApiWorld(app, clock, admin, mentor, student, programId, otherMentor, otherStudent, otherProgramId);
    }

    public Task<HttpClient> ClientAsync(TestUser user) => App.BearerClientAsync(user);

    public Task<T> Run<TService, T>(Func<TService, Task<T>> action) where TService : notnull =>
        App.RunAsync(s => action(s.GetRequiredService<TService>()));

    public Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => Run(query);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
