using Waypoint.Core.Organisations;

namespace Waypoint.Core.Outcomes;

public enum MeasurementSource
{
    Manual = 0,
    Import = 1,
    Api = 2,
}

/// <summary>
/// A value of an indicator for a date. Append-only: a correction is a new measurement that supersedes the
/// current one for that date, so the history of corrections stays readable.
/// </summary>
public sealed class Measurement : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    /// <summary>No value is accepted for a date before this.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    private Measurement()
    {
    }

    private Measurement(Guid id, Guid organisationId, Guid indicatorId, DateOnly date, decimal value, MeasurementSource source, string? note, DateTimeOffset recordedAt, Guid? supersedes)
    {
        Id = id;
        OrganisationId = organisationId;
        IndicatorId = indicatorId;
        Date = date;
        Value = value;
        Source = source;
        Note = note;
        RecordedAt = recordedAt;
        SupersedesId = supersedes;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Value { get; private set; }

    public MeasurementSource Source { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The measurement this one corrects, if it is a correction.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>
    /// Records a value. <paramref name="current"/> is the measurement now standing for that date, if any: a new
    /// value for a date that has one must say it is a correction, and a correction needs something to correct.
    /// </summary>
    /// <param name="today">The organisation's local date: a value for a later date is refused, since it cannot have been measured yet.</param>
    public static Measurement Record(Indicator indicator, DateOnly date, double value, MeasurementSource source, string? note, bool isCorrection, Measurement? current, DateOnly today, DateTimeOffset now, string field = "")
    {
        var prefix = field.Length == 0 ? string.Empty : field + ".";
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e15)
        {
            throw new RuleViolation(prefix + "value", "Enter the value as a number");
        }

        if (date < Earliest)
        {
            throw new RuleViolation(prefix + "date", "The date must be 1 January 1900 or later");
        }

        // A value is what was measured, so its date has come; one dated later would stand as the latest value
        // before anyone could have measured it.
        if (date > today)
        {
            throw new RuleViolation(prefix + "date", $"The date must be today or in the past: a value for {date:d MMMM yyyy} can be recorded from that day");
        }

        if (current is not null && !isCorrection)
        {
            throw new RecordConflict(prefix + "date", $"There is already a value for {date:d MMMM yyyy}. To change it, record a correction");
        }

        if (current is null && isCorrection)
        {
            throw new RuleViolation(prefix + "date", $"There is no value for {date:d MMMM yyyy} to correct");
        }

        var measurement = new Measurement(Guid.NewGuid(), indicator.OrganisationId, indicator.Id, date, (decimal)value, source,
            Text.Optional(note, NoteMaxLength, prefix + "note", "note"), now, current?.Id);
        indicator.Record(date, measurement.Value);
        return measurement;
    }
}
