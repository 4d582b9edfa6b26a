using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// MudBlazor's outlined input (border, floating label, helper or error text under it) drawn as plain markup inside the
/// component that renders it. A MudTextField or MudNumericField is five to nine components, and each keeps two render
/// buffers for as long as its page is open: a form with many inputs (a week of hours) costs a fraction of that this way,
/// and looks and reads the same. The value is taken on "change", as MudTextField does by default.
/// </summary>
public sealed record OutlinedInput(string Id, string Label, string Type, string? Value, EventCallback<ChangeEventArgs> Changed)
{
    public bool Dense { get; init; }
    public bool Disabled { get; init; }
    public bool Error { get; init; }
    /// <summary>Shown under the input; <see cref="ErrorText"/> takes its place when there is an error.</summary>
    public string? HelperText { get; init; }
    public string? ErrorText { get; init; }
    /// <summary>A name that says more than the visible label ("Monday from" for "From").</summary>
    public string? AriaLabel { get; init; }
    public string? Class { get; init; }
    /// <summary>Native attributes of the input such as min, max and step.</summary>
    public IReadOnlyDictionary<string, object>? InputAttributes { get; init; }
    /// <summary>When set, a native select of these values (shown as they are) instead of an input: a MudSelect is a dozen components with its popover.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    private string? Under => Error && !string.IsNullOrEmpty(ErrorText) ? ErrorText : HelperText;

    public RenderFragment Render() => builder =>
    {
        var margin = Dense ? " mud-input-control-margin-dense" : "";
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-input-control{margin} mud-input-outlined-with-label mud-input-input-control mud-input-sizing-fixed{If(Error, "mud-input-error")}{If(Class is not null, Class)}");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "div");
        builder.AddAttribute(5, "class", $"mud-input mud-input-outlined mud-input-outlined-with-label{If(Dense, "mud-input-margin-dense")} mud-shrink mud-typography-subtitle1 mud-input-sizing-fixed{If(Disabled, "mud-disabled")}{If(Error, "mud-input-error")}");
        Input(builder);
        builder.OpenElement(20, "fieldset");
        builder.AddAttribute(21, "class", "mud-input-outlined-border");
        builder.OpenElement(22, "legend");
        builder.AddContent(23, Label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(24, "label");
        builder.AddAttribute(25, "class", $"mud-input-label mud-input-label-animated mud-input-label-outlined{If(Dense, "mud-input-label-margin-dense")} mud-input-label-inputcontrol{If(Disabled, "mud-disabled")}{If(Error, "mud-input-error")}");
        builder.AddAttribute(26, "for", Id);
        builder.AddContent(27, Label);
        builder.CloseElement();
        builder.CloseElement();
        if (!string.IsNullOrEmpty(Under))
        {
            builder.OpenElement(28, "div");
            builder.AddAttribute(29, "class", "mud-input-control-helper-container px-2");
            builder.OpenElement(30, "div");
            builder.AddAttribute(31, "class", $"d-flex mud-input-helper-text{If(Error, "mud-input-error")}");
            builder.OpenElement(32, "div");
            builder.AddAttribute(33, "class", "me-auto");
            builder.AddAttribute(34, "id", $"{Id}-helper");
            builder.AddContent(35, Under);
            builder.CloseElement();
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
    };

    private void Input(RenderTreeBuilder builder)
    {
        if (Options is not null)
        {
            Select(builder, Options);
            return;
        }
        builder.OpenElement(6, "input");
        builder.AddAttribute(7, "class", $"mud-input-slot mud-input-root mud-input-root-outlined{If(Dense, "mud-input-root-margin-dense")}");
        builder.AddAttribute(8, "id", Id);
        builder.AddAttribute(9, "type", Type);
        builder.AddAttribute(10, "aria-label", AriaLabel);
        builder.AddAttribute(11, "aria-invalid", Error ? "true" : "false");
        builder.AddAttribute(12, "aria-describedby", string.IsNullOrEmpty(Under) ? null : $"{Id}-helper");
        builder.AddAttribute(13, "disabled", Disabled);
        builder.AddMultipleAttributes(14, InputAttributes);
        builder.AddAttribute(15, "value", Value);
        builder.AddAttribute(16, "onchange", Changed);
        builder.CloseElement();
    }

    private void Select(RenderTreeBuilder builder, IReadOnlyList<string> options)
    {
        builder.OpenElement(40, "select");
        builder.AddAttribute(41, "class", $"mud-input-slot mud-input-root mud-input-root-outlined outlined-select{If(Dense, "mud-input-root-margin-dense")}");
        builder.AddAttribute(42, "id", Id);
        builder.AddAttribute(43, "aria-label", AriaLabel);
        builder.AddAttribute(44, "aria-invalid", Error ? "true" : "false");
        builder.AddAttribute(45, "aria-describedby", string.IsNullOrEmpty(Under) ? null : $"{Id}-helper");
        builder.AddAttribute(46, "disabled", Disabled);
        builder.AddAttribute(47, "onchange", Changed);
        foreach (var option in options)
        {
            builder.OpenElement(48, "option");
            builder.AddAttribute(49, "value", option);
            builder.AddAttribute(50, "selected", option == Value);
            builder.AddContent(51, option);
            builder.CloseElement();
        }
        builder.CloseElement();
    }

    private static string If(bool condition, string? css) => condition ? " " + css : "";
}
