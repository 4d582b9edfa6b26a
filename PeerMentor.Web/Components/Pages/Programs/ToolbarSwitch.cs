using Microsoft.AspNetCore.Components;

namespace PeerMentor.Web.Components.Pages.Programs;

/// <summary>
/// A list toolbar's on/off filter as a native checkbox with the switch role in MudSwitch's look (track, thumb, label),
/// drawn inside the component that renders it: a MudSwitch is a component an open page keeps with its own state and
/// render trees, this is a few frames. The browser's checkbox keeps the keyboard (space) and the screen reader's
/// "switch, on/off".
/// </summary>
public sealed record ToolbarSwitch(string Id, string Label, bool Checked, EventCallback<ChangeEventArgs> Changed)
{
    /// <summary>True while the page is prerendered and not yet live.</summary>
    public bool Disabled { get; init; }

    public RenderFragment Render() => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-input-control mud-input-control-boolean-input");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "label");
        builder.AddAttribute(5, "class", Disabled ? "mud-switch mud-input-content-placement-end mud-disabled" : "mud-switch mud-input-content-placement-end");
        builder.AddAttribute(6, "for", Id);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-switch-span mud-switch-span-medium mud-flip-x-rtl");
        builder.OpenElement(9, "span");
        builder.AddAttribute(10, "class", BaseClass);
        builder.OpenElement(11, "span");
        builder.AddAttribute(12, "class", "mud-switch-button");
        builder.OpenElement(13, "input");
        builder.AddAttribute(14, "type", "checkbox");
        builder.AddAttribute(15, "role", "switch");
        builder.AddAttribute(16, "class", "mud-switch-input");
        builder.AddAttribute(17, "id", Id);
        builder.AddAttribute(18, "checked", Checked);
        builder.AddAttribute(19, "disabled", Disabled);
        builder.AddAttribute(20, "onchange", Changed);
        builder.CloseElement();
        builder.AddMarkupContent(21, "<span class=\"mud-switch-thumb-medium\"></span>");
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(22, "span");
        builder.AddAttribute(23, "class", Checked ? "mud-switch-track mud-primary" : "mud-switch-track");
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(24, "span");
        builder.AddAttribute(25, "class", "mud-typography mud-typography-body1");
        builder.AddContent(26, Label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    private string BaseClass => (Checked, Disabled) switch
    {
        (_, true) => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-switch-disabled" + (Checked ? " mud-checked" : ""),
        (true, _) => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-ripple mud-ripple-switch mud-primary-text hover:mud-primary-hover mud-checked",
        _ => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-ripple mud-ripple-switch",
    };
}
