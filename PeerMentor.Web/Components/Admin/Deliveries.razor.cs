using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Admin;

public partial class Deliveries
{
    private static readonly SortableColumns<OutboxMessage> Sorts = new SortableColumns<OutboxMessage>("queued", defaultDescending: true)
        .Add("queued", m => m.CreatedUtc)
        .Add("to", m => m.Recipient)
        .Add("subject", m => m.Subject)
        .Add("status", m => m.Status)
        .ThenBy(m => m.Id);

    private static readonly ListColumn[] Columns =
    [
        new("Queued (UTC)", "queued"), new("To", "to"), new("Subject", "subject"), new("Status", "status"), new("Action", Hidden: true),
    ];

    private static readonly (string, string)[] StatusOptions = ListSelect.EnumOptions<DeliveryStatus>();

    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private ListTable<DeliveryRow>? list;
    private DeliveryStatus? status;

    private async Task<ListPage<DeliveryRow>> LoadAsync(ListQuery list, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = db.Outbox.AsNoTracking();
        if (status is { } wanted) query = query.Where(m => m.Status == wanted);
        if (list.Search.Length > 0)
        {
            var term = list.Search.ToUpperInvariant();
            query = query.Where(m => m.Recipient.ToUpper().Contains(term) || m.Subject.ToUpper().Contains(term));
        }
        var page = await Sorts.ToPageAsync(query, list, m => new Delivery(m.Id, m.CreatedUtc, m.Channel, m.Topic, m.Recipient,
            m.Subject, m.Kind, m.ReminderMinutes, m.CalendarMethod, m.Status, m.SentUtc, m.NextAttemptUtc, m.Attempts,
            m.SkipReason, m.LastError), cancellation);
        // Four columns read at 1280 px with the menu open: who (with channel and topic under it), what (with its kind),
        // when it went out or why not (with attempts and the reason under it).
        return page.Map(m => new DeliveryRow(m.Id, m.Status == DeliveryStatus.Dead, new RowCells()
            .Open("Queued").OpenSpan("cell-stack").Span("nowrap", m.CreatedUtc.ToString("yyyy-MM-dd"))
                .Span("cell-detail nowrap", m.CreatedUtc.ToString("HH:mm:ss")).CloseSpan().Close()
            .Open("To", "wrap-anywhere address-cell").OpenSpan("cell-stack").Address(m.Recipient)
                .OpenSpan("cell-detail").Text(m.Channel == OutboxChannel.Sms ? "SMS" : "Email").Text(m.Topic is null ? "" : " · ")
                .Span("", m.Topic is { } topic ? NotificationTopics.Of(topic).Label : null, ("data-testid", "topic")).CloseSpan().CloseSpan().Close()
            .Open("Subject", "wrap-anywhere").OpenSpan("cell-stack").Span("", m.Subject, ("data-testid", "subject")).Span("cell-detail", Kind(m)).CloseSpan().Close()
            .Open("Status").OpenSpan("cell-stack").Span("nowrap", State(m)).Span("cell-detail", AttemptsText(m))
                .Span("cell-detail", m.SkipReason ?? m.LastError, ("data-testid", "reason")).CloseSpan().Close()
            .ToMarkup()));
    }

    private Task FilterAsync(ChangeEventArgs change)
    {
        status = ListSelect.Chosen<DeliveryStatus>(change);
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private static readonly string RetryButtonClass = MudMarkup.ButtonClass(false, Size.Small);

    /// <summary>A message that stopped after its last attempt can be sent again.</summary>
    private static RowButton? RetryButton(DeliveryRow row) => row.Dead ? new RowButton(row.Id.ToString(CultureInfo.InvariantCulture), "Retry", RetryButtonClass) : null;

    private async Task RetryAsync(string key)
    {
        var id = long.Parse(key, CultureInfo.InvariantCulture);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id);
            if (message is null) Snackbar.Add("This message is no longer in the log; the list is up to date again.", Severity.Warning);
            else
            {
                message.Retry(Clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync();
                Snackbar.Add($"“{message.Subject}” is queued again.", Severity.Success);
            }
        }
        await list!.ReloadAsync();
    }

    private static string State(Delivery message) => message.Status switch
    {
        DeliveryStatus.Sent => $"Sent {message.SentUtc:HH:mm:ss}",
        DeliveryStatus.Queued when message.Attempts > 0 => $"Retrying at {message.NextAttemptUtc:HH:mm:ss}",
        DeliveryStatus.Queued when message.NextAttemptUtc > message.CreatedUtc => $"Due {message.NextAttemptUtc:yyyy-MM-dd HH:mm}",
        _ => message.Status.ToString(),
    };

    /// <summary>How often it was tried, when that says something (not for mail sent at the first try).</summary>
    private static string? AttemptsText(Delivery message) => message.Attempts switch
    {
        0 => null,
        1 when message.Status == DeliveryStatus.Sent => null,
        1 => "1 attempt",
        var n => $"{n} attempts",
    };

    private static string Kind(Delivery message) => message.Kind switch
    {
        OutboxKind.Reminder when message.ReminderMinutes is { } m => $"Reminder, {(m % 60 == 0 ? $"{m / 60} h" : $"{m} min")} before",
        _ when message.CalendarMethod is { } method => $"Notice with invite ({method})",
        _ => message.Kind.ToString(),
    };

    /// <summary>A loaded delivery: its id, whether it can be retried and its cells as markup.</summary>
    private sealed record DeliveryRow(long Id, bool Dead, MarkupString Cells);

    private sealed record Delivery(long Id, DateTime CreatedUtc, OutboxChannel Channel, NotificationTopic? Topic, string Recipient,
        string Subject, OutboxKind Kind, int? ReminderMinutes, string? CalendarMethod, DeliveryStatus Status, DateTime? SentUtc,
        DateTime NextAttemptUtc, int Attempts, string? SkipReason, string? LastError);
}
