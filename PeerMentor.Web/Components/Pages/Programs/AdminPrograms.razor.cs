using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class AdminPrograms
{
    private static readonly SortableColumns<MentoringProgram> Columns = new SortableColumns<MentoringProgram>("starts", defaultDescending: true)
        .Add("name", p => p.Name)
        .Add("starts", p => p.StartsOn)
        .Add("students", p => p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student))
        .Add("mentors", p => p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Mentor))
        .ThenBy(p => p.Id);

    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private MudTable<ProgramRow>? table;
    private string search = "";
    private bool currentOnly;
    private ProgramInput input = default!;
    private Result? errors;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void OnInitialized() => input = new ProgramInput("", Today.AddDays(14), Today.AddDays(104), 30);

    private async Task<TableData<ProgramRow>> LoadAsync(TableState state, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = db.Programs.AsNoTracking();
        var today = Today;
        if (currentOnly) query = query.Where(p => p.EndsOn >= today);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(p => p.Name.ToUpper().Contains(term));
        }
        return await Columns.ToTableDataAsync(query, state, p => new ProgramRow(p.Id, p.Name, p.StartsOn, p.EndsOn, p.Capacity,
            p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student),
            p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Mentor)), cancellation);
    }

    private Task SearchAsync(string value) { search = value; return table!.ReloadServerData(); }

    private Task CurrentAsync(bool value) { currentOnly = value; return table!.ReloadServerData(); }

    private async Task CreateAsync()
    {
        var creating = input;
        var (result, id) = await Actions.RunAsync<ProgramService, (Result, Guid?)>(s => s.CreateAsync(creating));
        errors = result;
        if (id is not null) Navigation.NavigateTo($"admin/programs/{id}");
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private string StatusText(ProgramRow row) => row.EndsOn < Today ? "Ended" : row.StartsOn > Today ? "Upcoming" : "Running";

    private MudBlazor.Color StatusColor(ProgramRow row) => row.EndsOn < Today ? MudBlazor.Color.Default : row.StartsOn > Today ? MudBlazor.Color.Info : MudBlazor.Color.Success;

    private sealed record ProgramRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int Capacity, int Students, int Mentors);
}
