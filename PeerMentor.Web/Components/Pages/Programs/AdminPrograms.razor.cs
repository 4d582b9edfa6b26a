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
    private static readonly SortableColumns<MentoringProgram> Sorts = new SortableColumns<MentoringProgram>("starts", defaultDescending: true)
        .Add("name", p => p.Name)
        .Add("starts", p => p.StartsOn)
        .Add("students", p => p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student))
        .Add("mentors", p => p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Mentor))
        .ThenBy(p => p.Id);

    private static readonly ListColumn[] Columns =
        [new("Name", "name"), new("Dates", "starts"), new("Students", "students"), new("Mentors", "mentors"), new("Status")];

    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private static readonly MarkupString AddIcon = MudMarkup.Icon(Icons.Material.Filled.Add);

    private ListTable<MarkupString>? list;
    private bool creating;
    private bool currentOnly;
    private ProgramInput input = default!;
    private Result? errors;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void OnInitialized() => input = new ProgramInput("", Today.AddDays(14), Today.AddDays(104), 30);

    private async Task<ListPage<MarkupString>> LoadAsync(ListQuery list, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = db.Programs.AsNoTracking();
        var today = Today;
        if (currentOnly) query = query.Where(p => p.EndsOn >= today);
        if (list.Search.Length > 0)
        {
            var term = list.Search.ToUpperInvariant();
            query = query.Where(p => p.Name.ToUpper().Contains(term));
        }
        var page = await Sorts.ToPageAsync(query, list, p => new ProgramRow(p.Id, p.Name, p.StartsOn, p.EndsOn, p.Capacity,
            p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student),
            p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Mentor)), cancellation);
        return page.Map(p => new RowCells()
            .LinkCell("Name", $"admin/programs/{p.Id}", p.Name, "wrap-anywhere")
            .Cell("Dates", $"{Day(p.StartsOn)} – {Day(p.EndsOn)}")
            .Cell("Students", $"{p.Students} of {p.Capacity}")
            .Cell("Mentors", p.Mentors.ToString(CultureInfo.InvariantCulture))
            .Open("Status").Span(StatusChip(p), StatusText(p)).Close()
            .ToMarkup());
    }

    private Task CurrentAsync(ChangeEventArgs change)
    {
        currentOnly = change.Value is true;
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private async Task CreateAsync()
    {
        var creating = input;
        var (result, id) = await Actions.RunAsync<ProgramService, (Result, Guid?)>(s => s.CreateAsync(creating));
        errors = result;
        if (id is not null) Navigation.NavigateTo($"admin/programs/{id}");
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private string StatusText(ProgramRow row) => row.EndsOn < Today ? "Ended" : row.StartsOn > Today ? "Upcoming" : "Running";

    /// <summary>MudChip's look (outlined, small) in the status's colour.</summary>
    private string StatusChip(ProgramRow row) => "mud-chip mud-chip-outlined mud-chip-size-small list-chip mud-chip-color-"
        + (row.EndsOn < Today ? "default" : row.StartsOn > Today ? "info" : "success");

    private sealed record ProgramRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int Capacity, int Students, int Mentors);
}
