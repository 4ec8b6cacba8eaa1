using System.Globalization;
using System.Text.Json;
using Waypoint.Core;
using Waypoint.Core.Steps;
using Waypoint.Features.Outcomes;

namespace Waypoint.Features.Steps;

/// <summary>A zone of the risk heat map, by score (likelihood × impact).</summary>
public enum HeatZone
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>How the flow figures, the risk report and the step rules read on the pages.</summary>
public static class ReportWords
{
    /// <summary>The highest score in the low zone of the heat map; scores above it up to <see cref="MediumUpTo"/> are medium.</summary>
    public const int LowUpTo = 4;

    /// <summary>The highest score in the medium zone; anything above is high.</summary>
    public const int MediumUpTo = 12;

    /// <summary>How many weeks of throughput the flow page shows.</summary>
    public const int ThroughputWeeks = 26;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Likelihood(int likelihood) => likelihood switch
    {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        5 => "Almost certain",
        _ => throw new ArgumentOutOfRangeException(nameof(likelihood)),
    };

    public static string Impact(int impact) => impact switch
    {
        1 => "Negligible",
        2 => "Minor",
        3 => "Moderate",
        4 => "Major",
        5 => "Severe",
        _ => throw new ArgumentOutOfRangeException(nameof(impact)),
    };

    public static string Level(AppetiteLevel level) => level.ToString();

    /// <summary>What each appetite level means, in a few words.</summary>
    public static string LevelMeaning(AppetiteLevel level) => level switch
    {
        AppetiteLevel.Averse => "Avoid risk: only the smallest risks go ahead without asking",
        AppetiteLevel.Minimal => "Prefer the safest options",
        AppetiteLevel.Cautious => "Accept some risk where the benefit is clear",
        AppetiteLevel.Open => "Willing to try things, accepting a fair chance of something going wrong",
        AppetiteLevel.Eager => "Keen to innovate, accepting larger risks for larger rewards",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static HeatZone Zone(int likelihood, int impact) => (likelihood * impact) switch
    {
        <= LowUpTo => HeatZone.Low,
        <= MediumUpTo => HeatZone.Medium,
        _ => HeatZone.High,
    };

    public static string ZoneClass(HeatZone zone) => zone switch
    {
        HeatZone.Low => "waypoint-heat--low",
        HeatZone.Medium => "waypoint-heat--medium",
        _ => "waypoint-heat--high",
    };

    public static string ZoneName(HeatZone zone) => zone switch
    {
        HeatZone.Low => "low",
        HeatZone.Medium => "medium",
        _ => "high",
    };

    /// <summary>The signal in words, for the risk report.</summary>
    public static string Signal(AppetiteSignal signal) => signal switch
    {
        AppetiteSignal.MayBeTooTimid => "Appetite may be too timid: risks happened less often than you expected",
        AppetiteSignal.MayBeTooBold => "Appetite may be too bold: risks happened more often than you expected",
        AppetiteSignal.AsExpected => "About right: risks happened about as often as you expected",
        _ => "Too few ended steps to say",
    };

    public static string SignalTagClass(AppetiteSignal signal) => signal switch
    {
        AppetiteSignal.MayBeTooTimid => "govuk-tag govuk-tag--blue",
        AppetiteSignal.MayBeTooBold => "govuk-tag govuk-tag--red",
        AppetiteSignal.AsExpected => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>A share as a whole percentage, halves away from zero (<see cref="Figures"/>): 1 in 8 is 13%.</summary>
    public static string Percent(double share) => Figures.PercentText(share);

    /// <summary>Days to at most one decimal place, halves away from zero: 2.25 days is 2.3 days.</summary>
    public static string Days(double days) => Figures.Round(days, 1) is var shown && shown == 1m ? "1 day" : $"{shown.ToString("0.#", CultureInfo.InvariantCulture)} days";

    public static string Steps(int count) => count == 1 ? "1 step" : $"{count.ToString(CultureInfo.InvariantCulture)} steps";

    public static string Impact(double mean) => Figures.Text(mean, 1);

    /// <summary>The indicator's movement over a step: "from 40 to 46", or what is known of it.</summary>
    public static string Movement(decimal? from, decimal? to) => (from, to) switch
    {
        ({ } f, { } t) => $"From {OutcomeWords.Number(f)} to {OutcomeWords.Number(t)}",
        (null, { } t) => $"No value before the step; {OutcomeWords.Number(t)} after it",
        ({ } f, null) => $"{OutcomeWords.Number(f)} before the step; no value after it",
        _ => "No values recorded around the step",
    };

    /// <summary>The last <paramref name="weeks"/> weeks up to the week of <paramref name="today"/>, with weeks without finished steps as 0.</summary>
    public static IReadOnlyList<(DateOnly Week, int Done)> LastWeeks(IReadOnlyList<(DateOnly Week, int Done)> throughput, DateOnly today, int weeks = ThroughputWeeks)
    {
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var done = throughput.ToDictionary(t => t.Week, t => t.Done);
        return Enumerable.Range(0, weeks)
            .Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i)))
            .Select(week => (week, done.GetValueOrDefault(week)))
            .ToList();
    }

    /// <summary>Throughput for the bar chart script. System.Text.Json escapes &lt; and &gt;, so it cannot end its script block.</summary>
    public static string ThroughputJson(IReadOnlyList<(DateOnly Week, int Done)> weeks) =>
        JsonSerializer.Serialize(new
        {
            label = "Steps done",
            labels = weeks.Select(w => w.Week.ToString("d MMM", British)),
            values = weeks.Select(w => w.Done),
        });

    /// <summary>A sentence that says what the throughput chart shows, as its text alternative.</summary>
    public static string ThroughputSummary(IReadOnlyList<(DateOnly Week, int Done)> weeks)
    {
        if (weeks.Count == 0)
        {
            return "No weeks to show.";
        }

        var total = weeks.Sum(w => w.Done);
        var busiest = weeks.MaxBy(w => w.Done);
        return total == 0
            ? $"No steps were finished in the {weeks.Count} weeks from {OutcomeWords.Date(weeks[0].Week)}."
            : $"{Steps(total)} finished in the {weeks.Count} weeks from the week of {OutcomeWords.Date(weeks[0].Week)}, " +
              $"{Figures.Text(total / (double)weeks.Count, 1)} a week on average; " +
              $"the most in one week was {busiest.Done.ToString(CultureInfo.InvariantCulture)}, in the week of {OutcomeWords.Date(busiest.Week)}.";
    }

    /// <summary>Holidays as the form shows them: one a line, as 2026-12-25.</summary>
    public static string HolidayLines(IEnumerable<DateOnly> holidays) =>
        string.Join('\n', holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads holidays typed one a line, as 2026-12-25 or 25 December 2026 (or 25 Dec 2026). Blank lines are skipped;
    /// a line that is not a date is refused, naming the line.
    /// </summary>
    public static List<DateOnly> ReadHolidays(string? text, string field = "holidays")
    {
        var dates = new List<DateOnly>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (DateOnly.TryParseExact(line, ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"], British, DateTimeStyles.AllowInnerWhite, out var date))
            {
                dates.Add(date);
                continue;
            }

            var shown = line.Length > 40 ? line[..40] + "…" : line;
            throw new RuleViolation(field, $"Line {i + 1} (“{shown}”) is not a date: write one date a line, such as 2026-12-25 or 25 December 2026");
        }

        return dates;
    }

    /// <summary>A whole number typed in a form, or a message naming the field.</summary>
    public static int WholeNumber(string? text, string field, string message) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RuleViolation(field, message);
}
