using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Admin;

public partial class Deliveries
{
    private static readonly SortableColumns<OutboxMessage> Columns = new SortableColumns<OutboxMessage>("queued", defaultDescending: true)
        .Add("queued", m => m.CreatedUtc)
        .Add("to", m => m.Recipient)
        .Add("subject", m => m.Subject)
        .Add("status", m => m.Status)
        .Add("attempts", m => m.Attempts)
        .ThenBy(m => m.Id);

    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private MudTable<DeliveryRow>? table;
    private string search = "";
    private DeliveryStatus? status;
    private long? retrying;

    private async Task<TableData<DeliveryRow>> LoadAsync(TableState state, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = db.Outbox.AsNoTracking();
        if (status is { } wanted) query = query.Where(m => m.Status == wanted);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(m => m.Recipient.ToUpper().Contains(term) || m.Subject.ToUpper().Contains(term));
        }
        return await Columns.ToTableDataAsync(query, state, m => new DeliveryRow(m.Id, m.CreatedUtc, m.Channel, m.Topic, m.Recipient,
            m.Subject, m.Kind, m.ReminderMinutes, m.CalendarMethod, m.Status, m.SentUtc, m.NextAttemptUtc, m.Attempts,
            m.SkipReason, m.LastError), cancellation);
    }

    private Task SearchAsync(string value)
    {
        search = value;
        return table!.ReloadServerData();
    }

    private Task FilterAsync(DeliveryStatus? value)
    {
        status = value;
        return table!.ReloadServerData();
    }

    private async Task RetryAsync(long id)
    {
        retrying = id;
        try
        {
            await using (var db = await Contexts.CreateDbContextAsync())
            {
                var message = await db.Outbox.SingleAsync(m => m.Id == id);
                message.Retry(Clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync();
                Snackbar.Add($"“{message.Subject}” is queued again.", Severity.Success);
            }
            await table!.ReloadServerData();
        }
        finally
        {
            retrying = null;
        }
    }

    private static string State(DeliveryRow message) => message.Status switch
    {
        DeliveryStatus.Sent => $"Sent {message.SentUtc:HH:mm:ss}",
        DeliveryStatus.Queued when message.Attempts > 0 => $"Retrying at {message.NextAttemptUtc:HH:mm:ss}",
        DeliveryStatus.Queued when message.NextAttemptUtc > message.CreatedUtc => $"Due {message.NextAttemptUtc:yyyy-MM-dd HH:mm}",
        _ => message.Status.ToString(),
    };

    private static string Kind(DeliveryRow message) => message.Kind switch
    {
        OutboxKind.Reminder when message.ReminderMinutes is { } m => $"Reminder, {(m % 60 == 0 ? $"{m / 60} h" : $"{m} min")} before",
        _ when message.CalendarMethod is { } method => $"Notice with invite ({method})",
        _ => message.Kind.ToString(),
    };

    private sealed record DeliveryRow(long Id, DateTime CreatedUtc, OutboxChannel Channel, NotificationTopic? Topic, string Recipient,
        string Subject, OutboxKind Kind, int? ReminderMinutes, string? CalendarMethod, DeliveryStatus Status, DateTime? SentUtc,
        DateTime NextAttemptUtc, int Attempts, string? SkipReason, string? LastError);
}
