using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Components.Pages.Scheduling.Booking;

/// <summary>What the student asks for: the slot chosen elsewhere plus their agenda and notes.</summary>
public sealed record BookingRequest(Interval Slot, string Agenda, string Notes);

public partial class BookingRequestForm
{
    private MudForm form = default!;
    private string agenda = "", notes = "";

    [Parameter, EditorRequired] public Interval Slot { get; set; }
    [Parameter, EditorRequired] public string Zone { get; set; } = "UTC";
    [Parameter, EditorRequired] public string MentorZone { get; set; } = "UTC";
    [Parameter, EditorRequired] public string MentorName { get; set; } = "";
    [Parameter] public bool AutoAccept { get; set; }
    [Parameter] public bool Busy { get; set; }

    /// <summary>What the domain refused last time; field errors show next to their field.</summary>
    [Parameter] public Result? Errors { get; set; }

    [Parameter] public EventCallback<BookingRequest> OnRequest { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    // The domain checks the same rules (SessionService.CheckText); checking here first saves a round trip.
    private static string? CheckAgenda(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Say what you would like to work on."
        : text.Length > Session.MaxAgendaLength ? $"Use at most {Session.MaxAgendaLength} characters." : null;

    private static string? CheckNotes(string? text) =>
        text?.Length > Session.MaxAgendaLength ? $"Use at most {Session.MaxAgendaLength} characters." : null;

    private async Task SubmitAsync()
    {
        await form.ValidateAsync();
        if (form.IsValid) await OnRequest.InvokeAsync(new BookingRequest(Slot, agenda ?? "", notes ?? ""));
    }
}

internal static class ResultFields
{
    public static bool Has(this Result? result, string field) => result?.For(field).Any() == true;
    public static string? First(this Result? result, string field) => result?.For(field).FirstOrDefault();
}
