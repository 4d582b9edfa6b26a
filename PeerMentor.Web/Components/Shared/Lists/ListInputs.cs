using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// A list toolbar's choice (a status, a program, the sort order on a phone) as the browser's own select in MudBlazor's
/// standard-input look, drawn inside the component that renders it. A MudSelect with its items and popover is dozens of
/// components an open page keeps; a native select is a few frames, works with the keyboard and is a phone's own picker.
/// </summary>
public sealed record ListSelect(string Id, string Label, string Value, IReadOnlyList<(string Value, string Text)> Options,
    EventCallback<ChangeEventArgs> Changed)
{
    /// <summary>True while the page is prerendered and not yet live.</summary>
    public bool Disabled { get; init; }

    /// <summary>"All" (the empty value) and each value of an enum, for a status filter.</summary>
    public static (string Value, string Text)[] EnumOptions<TEnum>(string all = "All") where TEnum : struct, Enum =>
        [("", all), .. Enum.GetValues<TEnum>().Select(v => (v.ToString(), v.ToString()))];

    /// <summary>The chosen enum value, or null for "All" (or anything that is not one of its names).</summary>
    public static TEnum? Chosen<TEnum>(ChangeEventArgs change) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => v.ToString() == change.Value as string);

    /// <summary>
    /// A select's options as one markup string (one render-tree frame instead of four per option), HTML-encoded here;
    /// the chosen one carries <c>selected</c>, so a new choice from the server replaces the options and shows it.
    /// </summary>
    public static MarkupString OptionsMarkup(IEnumerable<(string Value, string Text)> options, string selected)
    {
        var html = new StringBuilder();
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            if (value == selected) html.Append(" selected");
            html.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</option>");
        }
        return new MarkupString(html.ToString());
    }

    private const string Arrow = "<div class=\"mud-input-adornment mud-input-adornment-end\"><svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-input-adornment-icon\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\"><path d=\"M0 0h24v24H0z\" fill=\"none\"></path><path d=\"M7 10l5 5 5-5z\"></path></svg></div>";

    public RenderFragment Render() => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-input-control mud-input-text-with-label mud-select list-select");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "div");
        builder.AddAttribute(5, "class", "mud-input mud-input-text mud-input-text-with-label mud-input-adorned-end mud-input-underline mud-shrink mud-typography-subtitle1 mud-select-input mud-input-sizing-fixed");
        builder.OpenElement(6, "select");
        builder.AddAttribute(7, "class", "mud-input-slot mud-input-root mud-input-root-text mud-input-root-adorned-end mud-select-input");
        builder.AddAttribute(8, "id", Id);
        builder.AddAttribute(9, "disabled", Disabled);
        builder.AddAttribute(10, "onchange", Changed);
        builder.AddContent(11, OptionsMarkup(Options, Value));
        builder.CloseElement();
        builder.AddMarkupContent(14, Arrow);
        builder.CloseElement();
        builder.OpenElement(15, "label");
        builder.AddAttribute(16, "class", "mud-input-label mud-input-label-animated mud-input-label-text mud-input-label-inputcontrol");
        builder.AddAttribute(17, "for", Id);
        builder.AddContent(18, Label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}

/// <summary>A list toolbar's on/off filter as a native checkbox in MudCheckBox's look (its icon, its ripple, its label).</summary>
public sealed record ListCheckbox(string Id, string Label, bool Checked, EventCallback<ChangeEventArgs> Changed)
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
        builder.AddAttribute(5, "class", "mud-checkbox mud-input-content-placement-end");
        builder.AddAttribute(6, "for", Id);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", Checked
            ? "mud-button-root mud-icon-button mud-primary-text hover:mud-primary-hover mud-ripple mud-ripple-checkbox mud-checkbox-true"
            : "mud-button-root mud-icon-button mud-default-text hover:mud-default-hover mud-ripple mud-ripple-checkbox mud-checkbox-false");
        builder.OpenElement(9, "input");
        builder.AddAttribute(10, "type", "checkbox");
        builder.AddAttribute(11, "class", "mud-checkbox-input");
        builder.AddAttribute(12, "id", Id);
        builder.AddAttribute(13, "checked", Checked);
        builder.AddAttribute(14, "disabled", Disabled);
        builder.AddAttribute(15, "onchange", Changed);
        builder.CloseElement();
        builder.AddContent(16, MudMarkup.Icon(Checked ? Icons.Material.Filled.CheckBox : Icons.Material.Filled.CheckBoxOutlineBlank));
        builder.CloseElement();
        builder.OpenElement(17, "span");
        builder.AddAttribute(18, "class", "mud-typography mud-typography-body1");
        builder.AddContent(19, Label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}

/// <summary>Icons as MudBlazor's buttons draw them.</summary>
public static class ListIcons
{
    /// <summary>An icon inside MudIconButton's label span.</summary>
    public static MarkupString Button(string svg) => new($"<span class=\"mud-icon-button-label\">{MudMarkup.Icon(svg)}</span>");
}

/// <summary>
/// A list toolbar's on/off filter as a native checkbox with the switch role in MudSwitch's look (track, thumb, label),
/// drawn inside the component that renders it: a MudSwitch is a component an open page keeps with its own state and
/// render trees, this is a few frames. The browser's checkbox keeps the keyboard (space) and the screen reader's
/// "switch, on/off".
/// </summary>
public sealed record ListSwitch(string Id, string Label, bool Checked, EventCallback<ChangeEventArgs> Changed)
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
        builder.AddAttribute(10, "class", BaseClass(Checked, Disabled));
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

    /// <summary>The classes of MudSwitch's base (the round thumb's button) for its state.</summary>
    internal static string BaseClass(bool on, bool disabled) => (on, disabled) switch
    {
        (_, true) => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-switch-disabled" + (on ? " mud-checked" : ""),
        (true, _) => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-ripple mud-ripple-switch mud-primary-text hover:mud-primary-hover mud-checked",
        _ => "mud-button-root mud-icon-button mud-switch-base mud-switch-base-medium mud-ripple mud-ripple-switch",
    };
}
