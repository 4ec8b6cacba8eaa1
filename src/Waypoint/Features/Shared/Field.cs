namespace Waypoint.Features.Shared;

/// <summary>A GOV.UK text input, textarea or select. Its id and name are the field's name, which errors are keyed by.</summary>
public sealed record Field(string Name, string Label, string? Value)
{
    public string? Hint { get; init; }

    public string Type { get; init; } = "text";

    public string? Autocomplete { get; init; }

    /// <summary>Which keyboard a phone shows, such as <c>decimal</c> for a number that may have a point.</summary>
    public string? InputMode { get; init; }

    public bool Multiline { get; init; }

    public string InputClasses { get; init; } = "govuk-input";

    /// <summary>For a select: the options as (value, text).</summary>
    public IReadOnlyList<(string Value, string Text)>? Options { get; init; }

    public bool LabelIsHeading { get; init; }
}
