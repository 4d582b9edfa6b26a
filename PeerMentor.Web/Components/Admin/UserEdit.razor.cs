using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Admin;

public partial class UserEdit
{
    private static readonly MarkupString DeleteIcon = MudMarkup.Icon(Icons.Material.Outlined.DeleteForever);
    /// <summary>The zones the time-zone input suggests: one string for every page instead of an option element (a frame) per zone in each.</summary>
    private static readonly MarkupString ZoneList = new(
        "<datalist id=\"zones\">" + string.Concat(TimeZones.All.Select(z => $"<option value=\"{WebUtility.HtmlEncode(z)}\"></option>")) + "</datalist>");
    private static readonly IReadOnlyDictionary<string, object> ZoneInput = new Dictionary<string, object> { ["list"] = "zones", ["autocomplete"] = "off" };
    private static readonly IReadOnlyDictionary<string, object> NameInput = new Dictionary<string, object> { ["maxlength"] = "100" };
    private static readonly IReadOnlyDictionary<string, object> ExpertiseInput = new Dictionary<string, object> { ["maxlength"] = "500" };
    private static readonly IReadOnlyDictionary<string, object> YearsInput =
        new Dictionary<string, object> { ["min"] = "0", ["max"] = RegistrationService.MaxExperienceYears.ToString(CultureInfo.InvariantCulture) };

    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private EditModel? input;
    private string heading = "", email = "", approval = "";
    private bool notFound, busy;
    private Result? errors;

    /// <summary>Controls wait for the circuit (a click before it would be lost) and for the action under way.</summary>
    private bool Locked => busy || !RendererInfo.IsInteractive;

    private bool Has(string field) => errors?.For(field).Any() == true;

    private string? ErrorFor(string field) => errors?.For(field).FirstOrDefault();

    /// <summary>An outlined input whose id is the field's name; its error (or help) shows under it as {id}-helper.</summary>
    private RenderFragment Field(string id, string label, string type, string? value, Action<string> set, string? helper, IReadOnlyDictionary<string, object> attributes) =>
        new OutlinedInput(id, label, type, value, EventCallback.Factory.Create<ChangeEventArgs>(this, e => set(e.Value as string ?? "")))
        {
            Disabled = Locked, Error = Has(id), ErrorText = ErrorFor(id), HelperText = helper, InputAttributes = attributes,
        }.Render();

    protected override async Task OnParametersSetAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id && u.DeletedUtc == null);
        if (user is null) { notFound = true; return; }
        var role = await db.UserRoles.Where(ur => ur.UserId == Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync();
        (heading, email, approval) = (user.DisplayName, user.Email!, user.Approval.ToString());
        input = new EditModel
        {
            DisplayName = user.DisplayName, TimeZoneId = user.TimeZoneId, YearsOfExperience = user.YearsOfExperience,
            Expertise = user.Expertise, Role = role ?? user.RequestedRole,
        };
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            var me = (await AuthenticationState).User.UserId()!;
            var profile = new UserProfileInput(input!.DisplayName ?? "", (input.TimeZoneId ?? "").Trim(), input.YearsOfExperience, input.Expertise ?? "", input.Role);
            errors = await Actions.RunAsync((service, _) => service.UpdateAsync(Id, profile, me));
            if (!errors.Succeeded) return;
            heading = profile.DisplayName.Trim();
            Snackbar.Add("Saved.", Severity.Success);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Delete {heading}?",
            $"Their name and email are erased; their upcoming sessions are cancelled (the other person is told), a mentor's students " +
            $"move to other mentors, and nothing more is sent to them. Past sessions and reviews stay, shown as \"{AppUser.DeletedDisplayName}\".",
            yesText: "Delete", cancelText: "Keep");
        if (confirmed != true) return;
        busy = true;
        try
        {
            var me = (await AuthenticationState).User.UserId()!;
            errors = await Actions.RunAsync((service, _) => service.DeleteAsync(Id, me));
            if (!errors.Succeeded) return;
            Snackbar.Add($"{heading} was deleted.", Severity.Success);
            Navigation.NavigateTo("admin/users");
        }
        finally
        {
            busy = false;
        }
    }

    private sealed class EditModel
    {
        public string DisplayName { get; set; } = "";
        public string TimeZoneId { get; set; } = "";
        public int YearsOfExperience { get; set; }
        public string Expertise { get; set; } = "";
        public string Role { get; set; } = "";
    }
}
