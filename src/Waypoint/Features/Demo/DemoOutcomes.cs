using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Features.Demo;

/// <summary>
/// Two years of Anytown's outcomes, indicators and measurements, shaped so that every state and status can be
/// seen: achieved, missed, on track, at risk, off track, overdue, a draft, and one outcome carried into a second
/// period by a re-baseline. Dates are relative to the day of seeding; values come from a fixed random seed.
/// </summary>
internal static class DemoOutcomes
{
    /// <summary>How a target's measurements move, relative to the straight line from baseline to target.</summary>
    private enum Path
    {
        Ahead,
        SlightlyBehind,
        FarBehind,
        InBand,
        Stalled,
    }

    private sealed record IndicatorSpec(string Name, string Unit, Direction Direction, IndicatorKind Kind, Cadence Cadence, string Source, string Owner, bool OwnerIsTeam);

    private sealed record TargetSpec(string Indicator, decimal Baseline, decimal Goal, int StartMonthsAgo, int EndMonthsFromNow, Path Path, decimal Tolerance = 0);

    /// <param name="Reason">Why it ended as it did: needed when it was achieved while a target was off track.</param>
    private sealed record OutcomeSpec(string Title, string UserNeed, string DoneMeans, string Team, string? Service, OutcomeState State, int DueMonthsFromNow, TargetSpec[] Targets, string? Parent = null, Visibility Visibility = Visibility.Public, string? Reason = null);

    private static readonly IndicatorSpec[] Indicators =
    [
        new("Missed-bin reports made online", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Customer relationship system, monthly report", "Waste and recycling collection", false),
        new("Missed collections per 100,000", "collections", Direction.Decrease, IndicatorKind.HowWell, Cadence.Weekly, "Crew tablets", "Waste and recycling collection", false),
        new("Household waste recycled", "%", Direction.Increase, IndicatorKind.BetterOff, Cadence.Quarterly, "WasteDataFlow return", "Waste and recycling collection", false),
        new("Missed bins put right within 2 working days", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Crew tablets", "Waste and recycling collection", false),
        new("Days to complete a routine repair", "days", Direction.Decrease, IndicatorKind.HowWell, Cadence.Monthly, "Repairs system", "Housing repairs", false),
        new("Repairs fixed at the first visit", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Repairs system", "Housing repairs", false),
        new("Tenants satisfied with their repair", "%", Direction.Maintain, IndicatorKind.BetterOff, Cadence.Quarterly, "Tenant survey", "Housing repairs", false),
        new("Parking permits issued without a phone call", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Permit system", "Parking permits", false),
        new("Days to receive a parking permit", "days", Direction.Decrease, IndicatorKind.HowWell, Cadence.Monthly, "Permit system", "Parking permits", false),
        new("Council Tax payers on Direct Debit", "%", Direction.Increase, IndicatorKind.HowMuch, Cadence.Monthly, "Revenues system", "Council Tax", false),
        new("Council Tax collected in year", "%", Direction.Maintain, IndicatorKind.BetterOff, Cadence.Quarterly, "Revenues system", "Council Tax", false),
        new("Calls about Council Tax", "calls", Direction.Decrease, IndicatorKind.HowMuch, Cadence.Monthly, "Telephony reports", "Council Tax", false),
        new("Library e-loans a month", "loans", Direction.Increase, IndicatorKind.HowMuch, Cadence.Monthly, "Library management system", "Libraries", false),
        new("Active library members", "members", Direction.Increase, IndicatorKind.HowMuch, Cadence.Quarterly, "Library management system", "Libraries", false),
        new("Planning applications decided in time", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Planning system", "Planning applications", false),
        new("Planning applications invalid on arrival", "%", Direction.Decrease, IndicatorKind.HowWell, Cadence.Monthly, "Planning system", "Planning applications", false),
        new("Calls answered within 60 seconds", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Weekly, "Telephony reports", "Customer Contact", true),
        new("Web chat satisfaction", "%", Direction.Maintain, IndicatorKind.HowWell, Cadence.Monthly, "Chat exit survey", "Customer Contact", true),
        new("Services with a user-tested online route", "services", Direction.Increase, IndicatorKind.HowMuch, Cadence.Quarterly, "Service assessments", "Digital Services", true),
        new("Open accessibility issues on the website", "issues", Direction.Decrease, IndicatorKind.HowWell, Cadence.Monthly, "Accessibility audit log", "Digital Services", true),
        new("Garden waste subscriptions made online", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Garden waste system", "Waste and recycling collection", false),
        new("Bulky waste collections booked online", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Customer relationship system, monthly report", "Waste and recycling collection", false),
        new("Repair appointments booked online", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Repairs system", "Housing repairs", false),
        new("Repair appointments kept first time", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Repairs system", "Housing repairs", false),
        new("Pre-application advice given within 20 days", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "Planning system", "Planning applications", false),
    ];

    private static readonly OutcomeSpec[] Outcomes =
    [
        new("Every service has a tested online route", "As a resident I need to do what I came for online, first time, at any hour", "Every one of our six services has an online route tested with residents", "Digital Services", null, OutcomeState.Active, 6,
            [new("Services with a user-tested online route", 1, 6, 18, 6, Path.Ahead), new("Open accessibility issues on the website", 140, 20, 18, 6, Path.Ahead)]),
        new("Most missed-bin reports are made online", "As a resident whose bin was missed I need to report it in a minute, without waiting on the phone", "Seven in ten missed-bin reports arrive online", "Waste Transformation", "Waste and recycling collection", OutcomeState.Active, 5,
            [new("Missed-bin reports made online", 38, 70, 12, 5, Path.Ahead), new("Missed bins put right within 2 working days", 72, 90, 12, 5, Path.Ahead)], Parent: "Every service has a tested online route"),
        new("Fewer missed collections", "As a resident I need my bins emptied on the day I was told", "Fewer than 40 missed collections per 100,000", "Waste Transformation", "Waste and recycling collection", OutcomeState.Active, 4,
            [new("Missed collections per 100,000", 75, 40, 11, 4, Path.SlightlyBehind)]),
        new("Recycle half of household waste", "As a resident I need recycling to be easy enough that I do it", "Half of household waste is recycled, composted or reused", "Waste Transformation", "Waste and recycling collection", OutcomeState.Achieved, -3,
            [new("Household waste recycled", 41, 50, 24, -3, Path.Ahead)]),
        new("Routine repairs done within 20 days", "As a tenant I need a repair done while it is still a small problem", "Routine repairs take 20 days or fewer on average", "Digital Services", "Housing repairs", OutcomeState.Active, 6,
            [new("Days to complete a routine repair", 34, 20, 12, 6, Path.FarBehind), new("Repairs fixed at the first visit", 61, 80, 12, 6, Path.FarBehind)]),
        new("Tenants stay satisfied with repairs", "As a tenant I need to trust that repairs are done well", "At least 8 in 10 tenants stay satisfied while we change how repairs are booked", "Customer Contact", "Housing repairs", OutcomeState.Active, 8,
            [new("Tenants satisfied with their repair", 82, 82, 12, 8, Path.InBand, Tolerance: 3)]),
        new("Parking permits online from start to finish", "As a resident I need a permit the day I move in, without phoning", "Nine in ten permits are issued online, in three days or fewer", "Digital Services", "Parking permits", OutcomeState.Active, 4,
            [new("Parking permits issued without a phone call", 30, 90, 20, 4, Path.Ahead), new("Days to receive a parking permit", 12, 3, 20, 4, Path.Ahead)], Parent: "Every service has a tested online route"),
        new("More Council Tax payers on Direct Debit", "As a resident I need to pay without remembering to", "Eight in ten payers use Direct Debit", "Customer Contact", "Council Tax", OutcomeState.Active, 7,
            [new("Council Tax payers on Direct Debit", 62, 80, 10, 7, Path.Ahead), new("Calls about Council Tax", 9000, 6000, 10, 7, Path.Ahead)]),
        new("Keep Council Tax collection steady through the change", "As the council we need the income that pays for services", "Collection stays within a point of 97 % while payment moves online", "Customer Contact", "Council Tax", OutcomeState.Active, 7,
            [new("Council Tax collected in year", 97, 97, 10, 7, Path.InBand, Tolerance: 1)]),
        new("Double library e-loans", "As a library member I need to borrow without travelling to a branch", "Twice as many e-loans a month as two years ago", "Digital Services", "Libraries", OutcomeState.Missed, -2,
            [new("Library e-loans a month", 4000, 8000, 22, -2, Path.FarBehind)]),
        new("More people use their library", "As a resident I need a warm, free place to learn", "A tenth more active members", "Customer Contact", "Libraries", OutcomeState.Agreed, 12,
            [new("Active library members", 21000, 23100, 0, 12, Path.Ahead)]),
        new("Planning decisions on time", "As an applicant I need a decision when I was told I would get one", "Nine in ten applications decided in time", "Digital Services", "Planning applications", OutcomeState.Active, 5,
            [new("Planning applications decided in time", 71, 90, 12, 5, Path.Stalled), new("Planning applications invalid on arrival", 38, 15, 12, 5, Path.Stalled)], Visibility: Visibility.Organisation),
        new("Calls answered within a minute", "As a resident who phones I need an answer, not a queue", "Eight in ten calls answered within 60 seconds, with web chat as well liked as now", "Customer Contact", null, OutcomeState.Active, 3,
            [new("Calls answered within 60 seconds", 55, 80, 9, 3, Path.SlightlyBehind), new("Web chat satisfaction", 86, 86, 9, 3, Path.InBand, Tolerance: 4)]),
        // Resolved outcomes, so that calibration rests on enough outcomes to be judged: three achieved and three missed.
        new("Garden waste subscriptions online", "As a resident I need to renew my garden waste bin without phoning", "Eight in ten garden waste subscriptions are made online", "Waste Transformation", "Waste and recycling collection", OutcomeState.Achieved, -8,
            [new("Garden waste subscriptions made online", 45, 80, 20, -8, Path.Ahead)]),
        new("Book a bulky waste collection online", "As a resident I need to book the collection of an old sofa in one go", "Seven in ten bulky waste collections are booked online", "Waste Transformation", "Waste and recycling collection", OutcomeState.Missed, -6,
            [new("Bulky waste collections booked online", 20, 70, 18, -6, Path.FarBehind)]),
        new("Repairs booked online", "As a tenant I need to book a repair at a time that suits me, without waiting on the phone", "Six in ten repair appointments are booked online, and appointments are kept", "Digital Services", "Housing repairs", OutcomeState.Achieved, -4,
            [new("Repair appointments booked online", 10, 60, 16, -4, Path.Ahead), new("Repair appointments kept first time", 80, 95, 16, -4, Path.FarBehind)],
            Reason: "Online booking was the end-goal and it is met: six in ten repairs are booked online. Appointments kept fell while the new scheduling system bedded in; that is now an outcome of its own."),
        new("Pre-application advice within 20 days", "As an applicant I need advice before I apply, while my plans can still change", "Nine in ten pre-application requests are answered within 20 days", "Digital Services", "Planning applications", OutcomeState.Missed, -5,
            [new("Pre-application advice given within 20 days", 55, 90, 17, -5, Path.FarBehind)], Visibility: Visibility.Organisation),
        new("One account for every council service", "As a resident I need to tell the council things once", "Residents sign in once to use any of our online services", "Digital Services", null, OutcomeState.Draft, 18, [], Visibility: Visibility.Private),
    ];

    public static IEnumerable<object> Create(Guid organisationId, Func<string, Guid> idFor, DateTimeOffset now)
    {
        // The demo councils keep the default time zone, so their today is London's.
        var today = OrganisationTime.Today(Organisation.DefaultTimeZone, now);
        var random = new Random(20261128);
        var records = new List<object>();
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var spec in Indicators)
        {
            var owner = idFor(spec.OwnerIsTeam ? $"anytown/team/{spec.Owner}" : $"anytown/service/{spec.Owner}");
            var indicator = new Indicator(idFor($"anytown/indicator/{spec.Name}"), organisationId, spec.Name, spec.Unit, spec.Direction, spec.Kind, spec.Cadence, spec.Source,
                spec.OwnerIsTeam ? owner : null, spec.OwnerIsTeam ? null : owner);
            indicators[spec.Name] = indicator;
            records.Add(indicator);
        }

        var outcomeIds = Outcomes.ToDictionary(o => o.Title, o => idFor($"anytown/outcome/{o.Title}"), StringComparer.Ordinal);
        // The head of digital moves the demo's outcomes from state to state.
        var leader = idFor("leader@anytown.example");
        foreach (var spec in Outcomes)
        {
            var outcome = new Outcome(outcomeIds[spec.Title], organisationId, idFor($"anytown/team/{spec.Team}"), spec.Title, spec.UserNeed, spec.DoneMeans,
                today.AddMonths(spec.DueMonthsFromNow), spec.Service is null ? null : idFor($"anytown/service/{spec.Service}"), spec.Visibility, now);
            if (spec.Parent is { } parent)
            {
                outcome.AlignUnder(outcomeIds[parent], _ => null);
            }

            // Agreed when its first target's baseline was set, active a fortnight later, resolved on its due date.
            var agreedOn = today.AddMonths(-Math.Max(1, spec.Targets.Select(t => t.StartMonthsAgo).DefaultIfEmpty(1).Max()));
            var movedOn = new Dictionary<OutcomeState, DateOnly>
            {
                [OutcomeState.Agreed] = agreedOn,
                [OutcomeState.Active] = agreedOn.AddDays(14),
            };
            var path = PathTo(spec.State).ToList();
            foreach (var state in path.Where(s => s is OutcomeState.Agreed or OutcomeState.Active))
            {
                records.Add(outcome.MoveTo(state, [], null, leader, At(movedOn[state])));
            }

            // Check-ins are given while the outcome is open; then it resolves.
            if (outcome.State == OutcomeState.Active && spec.Targets.Length > 0)
            {
                var from = today.AddMonths(-spec.Targets.Max(t => t.StartMonthsAgo));
                var until = spec.DueMonthsFromNow < 0 ? today.AddMonths(spec.DueMonthsFromNow) : today;
                records.AddRange(DemoCheckIns.Create(outcome, spec.State, Expected(spec), from, until, idFor, random));
            }

            // A resolved outcome was judged against how its targets stood on the day it resolved, as the rules would.
            var resolvedOn = spec.DueMonthsFromNow < 0 ? today.AddMonths(spec.DueMonthsFromNow) : today;
            var standings = new List<TargetStanding>();
            foreach (var targetSpec in spec.Targets)
            {
                var indicator = indicators[targetSpec.Indicator];
                var (target, standing) = TargetWithHistory(organisationId, outcome, indicator, targetSpec, idFor, today, now, random, resolvedOn);
                records.AddRange(target);
                standings.Add(standing);
            }

            foreach (var state in path.Where(s => s is not (OutcomeState.Agreed or OutcomeState.Active)))
            {
                records.Add(outcome.MoveTo(state, standings, spec.Reason, leader, At(resolvedOn)));
            }

            records.Add(outcome);
        }

        return records;
    }

    /// <summary>How likely a well-calibrated person would have judged the outcome, from the way its targets were going.</summary>
    private static double Expected(OutcomeSpec spec) => spec.State switch
    {
        OutcomeState.Achieved => 0.85,
        OutcomeState.Missed => 0.2,
        _ => spec.Targets.Select(t => t.Path).DefaultIfEmpty(Path.Ahead).Max() switch
        {
            Path.Ahead or Path.InBand => 0.75,
            Path.SlightlyBehind => 0.5,
            Path.Stalled => 0.4,
            _ => 0.25,
        },
    };

    private static IEnumerable<OutcomeState> PathTo(OutcomeState state) => state switch
    {
        OutcomeState.Draft => [],
        OutcomeState.Agreed => [OutcomeState.Agreed],
        OutcomeState.Active => [OutcomeState.Agreed, OutcomeState.Active],
        _ => [OutcomeState.Agreed, OutcomeState.Active, state],
    };

    /// <summary>Ten in the morning, London time in winter, on a day.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    /// <summary>A target with its measurements, and how it stood on <paramref name="judgedOn"/> by the status rules.</summary>
    private static (List<object> Records, TargetStanding Standing) TargetWithHistory(Guid organisationId, Outcome outcome, Indicator indicator, TargetSpec spec, Func<string, Guid> idFor, DateOnly today, DateTimeOffset now, Random random, DateOnly judgedOn)
    {
        var start = today.AddMonths(-spec.StartMonthsAgo);
        var end = today.AddMonths(spec.EndMonthsFromNow);
        // Parking permits were carried into a second period: the first goal was missed, then moved with a reason.
        var rebaselined = outcome.Title.StartsWith("Parking permits", StringComparison.Ordinal);

        // A re-baselined target first ran to a goal that was missed, half-way through its history.
        var firstEnd = rebaselined ? start.AddDays((today.DayNumber - start.DayNumber) / 2) : end;
        var first = new Plan(new Point(start, spec.Baseline), new Point(firstEnd, spec.Goal), indicator.Direction, spec.Tolerance);
        var target = new Target(idFor($"anytown/target/{outcome.Title}/{indicator.Name}"), organisationId, outcome.Id, indicator, first.Baseline, first.Target, spec.Tolerance);
        var records = new List<object> { target };

        var restart = firstEnd;
        var restartValue = spec.Baseline + ((spec.Goal - spec.Baseline) * 0.45m);
        var second = new Plan(new Point(restart, Math.Round(restartValue, 1)), new Point(end, spec.Goal), indicator.Direction, spec.Tolerance);
        if (rebaselined)
        {
            records.Add(target.Rebaseline(indicator.Direction, second.Baseline, second.Target, spec.Tolerance,
                "The first year's goal was missed while the permit system was replaced; carried into a second period from where we are.", now));
        }

        var history = today.AddYears(-2);
        var stopped = spec.Path == Path.Stalled ? today.AddDays(-(indicator.Cadence.AllowedGapInDays() + 30)) : today;
        foreach (var date in Dates(indicator.Cadence, history, stopped))
        {
            var plan = rebaselined && date >= restart ? second : first;
            var path = rebaselined && date < restart ? Path.FarBehind : spec.Path;
            var value = ValueOn(plan, path, date, random);
            records.Add(Measurement.Record(indicator, date, (double)value, MeasurementSource.Import, null, false, null, today, now));
        }

        var points = records.OfType<Measurement>().Select(m => new Point(m.Date, m.Value));
        var status = ProgressRules.Status(target.PlanFor(indicator.Direction), indicator.Cadence, points, judgedOn);
        return (records, new TargetStanding(indicator.Name, status));
    }

    private static IEnumerable<DateOnly> Dates(Cadence cadence, DateOnly from, DateOnly to)
    {
        var step = cadence switch { Cadence.Weekly => 0, Cadence.Monthly => 1, _ => 3 };
        for (var date = from; date <= to; date = step == 0 ? date.AddDays(7) : date.AddMonths(step))
        {
            yield return date;
        }
    }

    /// <summary>A value on the path's side of the straight line, with a little noise that never changes the status.</summary>
    private static decimal ValueOn(Plan plan, Path path, DateOnly date, Random random)
    {
        var noise = (decimal)(random.NextDouble() - 0.5) * 0.02m;
        if (path == Path.InBand)
        {
            return Math.Round(plan.Target.Value + (plan.Tolerance * 0.5m * (decimal)(random.NextDouble() - 0.5)), 1);
        }

        if (date < plan.Baseline.Date)
        {
            return Math.Round(plan.Baseline.Value - (plan.Distance * (0.05m + noise)), 1);
        }

        var elapsed = Math.Min(1m, (decimal)(date.DayNumber - plan.Baseline.Date.DayNumber) / plan.Days);
        var share = path switch
        {
            Path.Ahead => Math.Min(1.04m, (elapsed * 1.08m) + 0.02m),
            Path.SlightlyBehind => elapsed - 0.05m,
            Path.FarBehind => elapsed * 0.55m,
            _ => elapsed * 0.6m,
        };
        return Math.Round(plan.Baseline.Value + (plan.Distance * (share + noise)), 1);
    }
}
