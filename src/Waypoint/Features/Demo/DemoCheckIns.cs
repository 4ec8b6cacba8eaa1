using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;

namespace Waypoint.Features.Demo;

/// <summary>
/// Weekly check-ins on Anytown's open outcomes. Casey and Mei are well calibrated: their confidence drifts toward
/// how things turned out. Jordan, the head of digital, is persistently over-confident, so the calibration pages
/// have a story to tell.
/// </summary>
internal static class DemoCheckIns
{
    private static readonly (string Email, bool OverConfident)[] People =
    [
        ("member@anytown.example", false),
        ("designer@anytown.example", false),
        ("leader@anytown.example", true),
    ];

    private static readonly string[] Notes =
    [
        "Tested the new form with six residents; two changes to the wording.",
        "Shipped the change to live on Tuesday.",
        "Waiting on the supplier for the data feed.",
        "Service manager reviewed the journey with us.",
        "Fewer calls this week; checking whether that is the change or the weather.",
        "Paired with the contact centre to hear what residents ask for.",
    ];

    /// <param name="likely">How likely a well-calibrated person would have thought success was, at the end.</param>
    public static IEnumerable<CheckIn> Create(Outcome outcome, OutcomeState resolution, double likely, DateOnly from, DateOnly until, Func<string, Guid> idFor, Random random)
    {
        // Open outcomes get the last twelve weeks; resolved ones their whole life, so that calibration can be judged.
        var start = resolution is OutcomeState.Achieved or OutcomeState.Missed ? from : until.AddDays(-7 * 12);
        var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        var weeks = Math.Max(1, (until.DayNumber - monday.DayNumber) / 7);
        for (var week = 0; week < weeks; week++)
        {
            var date = monday.AddDays((7 * week) + 2);
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var share = (double)week / weeks;
            foreach (var (email, overConfident) in People)
            {
                var confidence = overConfident
                    ? 85 + random.Next(0, 11)
                    : Math.Clamp((int)Math.Round(100 * (0.55 + ((likely - 0.55) * share)) + random.Next(-6, 7)), 1, 99);
                yield return CheckIn.Post(outcome, idFor(email), CheckInCadence.Weekly, confidence, Notes[(week + email.Length) % Notes.Length],
                    null, week % 9 == 4 ? "Someone from finance to check the savings figures" : null, false, null, date, at);
            }
        }
    }
}
