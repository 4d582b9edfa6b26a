using PeerMentor.Domain;
using PeerMentor.Web;
using PeerMentor.Web.Adapters;
using PeerMentor.Web.Api;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components;
using PeerMentor.Web.Jobs;
using PeerMentor.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPeerMentorDomain(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPeerMentorAuth();
builder.Services.AddPeerMentorAdapters(builder.Configuration);
builder.Services.AddPeerMentorJobs(builder.Configuration);
builder.Services.AddPeerMentorUi();
builder.Services.AddPeerMentorSecurity();
builder.Services.AddPeerMentorRateLimits();
builder.Services.AddPeerMentorHealthChecks();
builder.Services.AddApiReadCache();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.Services.UsePeerMentorJobs();

app.UsePeerMentorSecurity();
app.UsePeerMentorErrorPages();
app.UsePeerMentorStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePeerMentorAntiforgery();

app.MapPeerMentorUi();
app.MapAccountEndpoints();
app.MapSchedulingEndpoints();
app.MapProgramEndpoints();
app.MapAssignmentEndpoints();
app.MapReviewEndpoints();
app.MapHealthEndpoints();
app.MapFileEndpoints();
app.MapBenchEndpoints();

app.PrintStartupBanner();
app.Run();

public partial class Program;
