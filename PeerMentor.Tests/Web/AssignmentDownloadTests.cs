using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web.Api;
using PeerMentor.Web.Adapters;

namespace PeerMentor.Tests.Web;

public class AssignmentDownloadTests
{
    /// <summary>A program with one mentor and two students in their group; the first student hands in a PDF.</summary>
    private static async Task<(AppFactory App, TestUser Submitter, TestUser Classmate, TestUser Mentor, Guid SubmissionId)> CreateAsync()
    {
        var app = await AppFactory.CreateAsync(smtp: false);
        var mentor = await app.CreateAsync(Roles.Mentor, "Mia Mentor");
        var submitter = await app.CreateAsync(Roles.Student, "Sam Submitter");
        var classmate = await app.CreateAsync(Roles.Student, "Cleo Classmate");
        var submissionId = await app.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var (_, programId) = await programs.CreateAsync(new ProgramInput("Download cohort", today, today.AddDays(60), 5));
            foreach (var person in new[] { mentor, submitter, classmate }) await programs.AddMemberAsync(programId!.Value, person.Id);
            await programs.AssignAsync(programId!.Value);
            var assignments = s.GetRequiredService<AssignmentService>();
            var (_, assignmentId) = await assignments.PostAsync(mentor.Id, false, programId.Value, new AssignmentInput("Essay", "", DateTime.UtcNow.AddDays(3)));
            var (_, stored) = await s.GetRequiredService<FileStorage>().SaveAsync(new MemoryStream(SampleFiles.Pdf), "essay.pdf");
            await assignments.SubmitAsync(submitter.Id, assignmentId!.Value, stored, null);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>().Set<Submission>(), x => x.StudentId == submitter.Id);
        });
        return (app, submitter, classmate, mentor, submissionId.Id);
    }

    [Fact]
    public async Task The_student_who_handed_in_the_file_downloads_it_as_an_attachment()
    {
        var (app, submitter, _, _, id) = await CreateAsync();
        await using var _ = app;
        var client = await app.SignedInClientAsync(submitter);

        var response = await client.GetAsync($"/files/submissions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("attachment", "application/pdf", "nosniff"),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentType?.MediaType,
                string.Join(",", response.Headers.GetValues("X-Content-Type-Options"))));
        Assert.Equal(SampleFiles.Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_students_mentor_can_download_the_file()
    {
        var (app, _, _, mentor, id) = await CreateAsync();
        await using var _ = app;
        var client = await app.SignedInClientAsync(mentor);

        var response = await client.GetAsync($"/files/submissions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_student_gets_not_found()
    {
        var (app, _, classmate, _, id) = await CreateAsync();
        await using var _ = app;
        var client = await app.SignedInClientAsync(classmate);

        var response = await client.GetAsync($"/files/submissions/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_api_client_downloads_the_file_with_its_bearer_token()
    {
        var (app, submitter, _, _, id) = await CreateAsync();
        await using var _ = app;
        var client = await app.BearerClientAsync(submitter);

        var response = await client.GetAsync($"/files/submissions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleFiles.Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_bad_bearer_token_gets_401_not_a_redirect_to_sign_in()
    {
        var (app, _, _, _, id) = await CreateAsync();
        await using var _ = app;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var response = await client.GetAsync($"/files/submissions/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
