using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Pages.Scheduling.Booking;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

/// <summary>
/// A student books a mentor: a month of days with free times, the day's times, then the request. Slots come from
/// the domain one month window at a time (SessionService.FreeSlotsAsync), computed in the zone the student picked.
/// </summary>
public partial class MentorSlots
{
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private MentorProfile? profile;
    private bool loaded, loading, busy, choosingZone;
    private string studentId = "", zone = "UTC";
    private int minutes;
    private BookingMonth? month;
    private IReadOnlyList<Interval> slots = [];
    private HashSet<DateOnly> slotDays = [];
    private DateOnly? day;
    private Interval? chosen;
    private Result? errors;
    private string? slotProblem;

    private bool Interactive => RendererInfo.IsInteractive;

    private IReadOnlyList<Interval> DaySlots => slots.Where(s => LocalDay(s) == day).ToList();

    private string HorizonText => LocalTimes.ToLocal(Clock.GetUtcNow().UtcDateTime.AddDays(profile!.Availability.BookingHorizonDays), zone)
        .ToString("ddd d MMM", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (studentId, zone) = (user.UserId()!, user.TimeZoneId());
        profile = await Actions.RunAsync<SessionService, MentorProfile?>(s => s.FindMentorAsync(Id));
        loaded = true;
        if (profile is null) return;
        minutes = profile.Availability.Lengths[0];
        await ShowMonthAsync(0);
    }

    private async Task ShowMonthAsync(int index)
    {
        month = BookingMonth.For(index, Clock.GetUtcNow().UtcDateTime, zone, profile!.Availability.BookingHorizonDays, minutes);
        await LoadSlotsAsync();
    }

    private async Task LoadSlotsAsync()
    {
        (loading, chosen) = (true, null);
        try
        {
            // The month was cut when it was chosen; the service still drops anything now past or too soon.
            var window = month!.Utc;
            var (result, found) = await Actions.RunAsync<SessionService, (Result, IReadOnlyList<Interval>?)>(async s =>
                await s.FreeSlotsAsync(Id, studentId, minutes, window.StartUtc, window.EndUtc));
            // A refused action (too fast) brings no list: say so and show no times rather than lose the page.
            if (!result.Succeeded) slotProblem = result.Summary;
            // An array of exactly the month's times: an open page keeps it until the next month or length.
            var free = found?.ToArray() ?? [];
            slots = free;
            slotDays = free.Select(LocalDay).ToHashSet();
            if (day is not { } kept || !slotDays.Contains(kept)) day = slotDays.Count == 0 ? null : slotDays.Min();
        }
        finally
        {
            loading = false;
        }
    }

    private DateOnly LocalDay(Interval slot) => DateOnly.FromDateTime(LocalTimes.ToLocal(slot.StartUtc, zone));

    private Task ChangeLengthAsync(int length)
    {
        if (length == minutes) return Task.CompletedTask;
        minutes = length;
        // A longer session may leave the horizon's last day (or month) with nothing that fits.
        return ShowMonthAsync(month!.Index);
    }

    private Task ChangeZoneAsync(string? chosenZone)
    {
        if (chosenZone is null || !TimeZones.IsValidIana(chosenZone)) return Task.CompletedTask;
        choosingZone = false;
        if (chosenZone == zone) return Task.CompletedTask;
        // Days are local dates, so a new zone means a new month window and new day marks.
        (zone, day) = (chosenZone, null);
        return ShowMonthAsync(month!.Index);
    }

    private static Task<IEnumerable<string>> SearchZones(string? text, CancellationToken token) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? TimeZones.All
            : TimeZones.All.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    private void ChooseDay(DateOnly chosenDay) => (day, chosen) = (chosenDay, null);

    private void Choose(Interval slot) => (chosen, errors, slotProblem) = (slot, null, null);

    private async Task RequestAsync(BookingRequest request)
    {
        busy = true;
        try
        {
            var input = new SessionRequestInput(Id, request.Slot.StartUtc, minutes, request.Agenda, request.Notes);
            var (result, sessionId) = await Actions.RunAsync<SessionService, (Result, Guid?)>(s => s.RequestAsync(studentId, input));
            if (result.Succeeded)
            {
                Snackbar.Add(profile!.Availability.AutoAccept ? "Session booked." : $"Request sent to {profile.Mentor.DisplayName}.", Severity.Success);
                Navigation.NavigateTo($"sessions/{sessionId}");
                return;
            }
            if (result.For("Agenda").Any() || result.For("Notes").Any()) { errors = result; return; }
            // Anything else is about the time itself (taken meanwhile, too soon now): show it and the times free now.
            slotProblem = $"{result.Summary} The free times are updated below.";
            Snackbar.Add(result.Summary, Severity.Warning);
            await LoadSlotsAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
