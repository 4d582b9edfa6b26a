using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Account;

public partial class NotificationChoicesEditor
{
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public NotificationChoices Choices { get; set; } = NotificationChoices.Defaults;
    /// <summary>Stores the choices; the page reloads them and passes the saved ones back in.</summary>
    [Parameter, EditorRequired] public Func<IReadOnlyDictionary<NotificationTopic, ChannelChoice>, Task<Result>> OnSave { get; set; } = default!;
    [Parameter] public bool Disabled { get; set; }

    private List<Row> rows = [];
    private NotificationChoices? shown;
    private Result? errors;
    private bool saving, savedOnce;

    private bool Changed => rows.Any(r => r.Email != Choices[r.Topic].Email || r.Sms != Choices[r.Topic].Sms);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(shown, Choices)) return;
        shown = Choices;
        rows = NotificationTopics.All.Select(t => new Row { Topic = t.Topic, Email = Choices[t.Topic].Email, Sms = Choices[t.Topic].Sms }).ToList();
    }

    /// <summary>
    /// A row per topic: what it is and covers, its email switch (or an always-on one for account mail), and its SMS switch
    /// or "No SMS for this". A switch's key is its topic and channel ("Reviews:sms").
    /// </summary>
    private MarkupString Rows()
    {
        var html = new StringBuilder();
        foreach (var row in rows)
        {
            var info = NotificationTopics.Of(row.Topic);
            html.Append("<li class=\"prefs-row\" data-testid=\"topic-").Append(info.Topic).Append("\"><div class=\"prefs-topic\">")
                .Append("<div class=\"mud-typography mud-typography-subtitle2\">").Append(WebUtility.HtmlEncode(info.Label)).Append("</div>")
                .Append("<div class=\"mud-typography mud-typography-caption muted\">").Append(WebUtility.HtmlEncode(info.Covers)).Append("</div></div>")
                .Append("<div class=\"prefs-channel\">");
            var email = info.CanTurnOff
                ? new RowSwitch($"{info.Topic}:{EmailChannel}", "Email", $"{info.Label} by email", row.Email) { Disabled = Disabled }
                : new RowSwitch($"{info.Topic}:{EmailChannel}", "Always", $"{info.Label} by email (always on)", true) { Disabled = true };
            email.AppendTo(html);
            html.Append("</div><div class=\"prefs-channel\">");
            if (info.SmsPossible) new RowSwitch($"{info.Topic}:{SmsChannel}", "SMS", $"{info.Label} by SMS", row.Sms) { Disabled = Disabled }.AppendTo(html);
            else html.Append("<span class=\"mud-typography mud-typography-caption muted prefs-none\">No SMS for this</span>");
            html.Append("</div></li>");
        }
        return new MarkupString(html.ToString());
    }

    private const string EmailChannel = "email", SmsChannel = "sms";

    /// <summary>A switch changed in the browser: the row takes its new state (what cannot change is left as it is).</summary>
    private void Toggle(RowActionEventArgs change)
    {
        if (Disabled || change.Checked is not { } on || change.Key?.Split(':') is not [var topic, var channel]) return;
        var row = rows.FirstOrDefault(r => r.Topic.ToString() == topic);
        if (row is null) return;
        var info = NotificationTopics.Of(row.Topic);
        if (channel == EmailChannel && info.CanTurnOff) row.Email = on;
        else if (channel == SmsChannel && info.SmsPossible) row.Sms = on;
    }

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            errors = await OnSave(rows.ToDictionary(r => r.Topic, r => new ChannelChoice(r.Email, r.Sms)));
        }
        finally
        {
            saving = false;
        }
        if (!errors.Succeeded) return;
        savedOnce = true;
        Snackbar.Add("Your choices are saved.", Severity.Success);
    }

    private sealed class Row
    {
        public NotificationTopic Topic { get; init; }
        public bool Email { get; set; }
        public bool Sms { get; set; }
    }
}
