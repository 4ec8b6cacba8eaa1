namespace Waypoint.Features.Shared;

/// <summary>
/// A GOV.UK date input. Errors are keyed by <see cref="Name"/>, which is also the day field's id, so the error
/// summary's link lands in the first field.
/// </summary>
public sealed record DateField(string Name, string Legend, DateParts Value)
{
    public string? Hint { get; init; } = "For example, 31 3 2027";
}

/// <summary>GOV.UK radios: one choice from a few. The first radio's id is the field's name, which errors are keyed by.</summary>
public sealed record RadiosField(string Name, string Legend, string? Value, IReadOnlyList<(string Value, string Text, string? Hint)> Options)
{
    public string? Hint { get; init; }

    /// <summary>Show the options side by side (for two or three short ones).</summary>
    public bool Inline { get; init; }
}
