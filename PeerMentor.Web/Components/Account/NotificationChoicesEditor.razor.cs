using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Notifications;

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
