using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Features.Outcomes;
using Waypoint.Features.People;

namespace Waypoint.Features.CheckIns;

/// <summary>What a person gives to check in. Set <see cref="Edit"/> to change this period's check-in.</summary>
public sealed record CheckInInput(decimal? Confidence, string? Progress, string? Blockers, string? Asks, bool Edit = false);

/// <summary>A check-in with its author's name, and whether a later edit replaced it.</summary>
public sealed record CheckInView(CheckIn CheckIn, string Author, bool Superseded);

/// <summary>One of a team's open outcomes, and whether this person has checked in on it this period.</summary>
public sealed record TeamOutcome(Guid OutcomeId, string Title, bool CheckedInThisPeriod);

/// <summary>An outcome that has no check-in from this person in the current period.</summary>
public sealed record DueCheckIn(Guid OutcomeId, string Title, DateOnly PeriodStart);

/// <summary>
/// Who to score: a person, a team's outcomes, or the whole organisation; over check-ins given between two dates; with
/// each outcome weighing the same (the default) or every forecast (pooled).
/// </summary>
public sealed record CalibrationQuery(Guid? TeamId, Guid? PersonId, DateOnly? From, DateOnly? To, CalibrationWeighting Weighting = CalibrationWeighting.PerOutcome);

/// <summary>
/// Check-ins on the organisation's outcomes, and how well-calibrated their confidences were once outcomes
/// resolved. Check-ins record progress and confidence, never hours.
/// </summary>
public sealed class CheckInService(WaypointDb db, OrganisationContext organisation, TimeProvider clock)
{
    /// <summary>Who is looking, read when needed: a service may be built before a request has an organisation.</summary>
    private Viewer Viewer => organisation.Viewer;

    /// <summary>Every organisation checks in weekly until its own cadence is a setting.</summary>
    public const CheckInCadence Cadence = CheckInCadence.Weekly;

    public async Task<List<CheckInView>?> HistoryAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        if (!await Visible().AnyAsync(o => o.Id == outcomeId, cancellationToken))
        {
            return null;
        }

        return await (
                from c in db.CheckIns.AsNoTracking()
                join n in PersonNames.InScope(db) on c.AuthorId equals n.UserId into names
                from n in names.DefaultIfEmpty()
                where c.OutcomeId == outcomeId
                orderby c.At descending
                select new CheckInView(c, n == null ? PersonNames.FormerMember : n.Name, db.CheckIns.Any(e => e.SupersedesId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CheckIn?> PostAsync(Guid outcomeId, CheckInInput input, CancellationToken cancellationToken)
    {
        var outcome = await Visible().SingleOrDefaultAsync(o => o.Id == outcomeId, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var period = CurrentPeriod;
        var authorId = Viewer.Person;
        var current = await db.CheckIns
            .Where(c => c.OutcomeId == outcomeId && c.AuthorId == authorId && c.PeriodStart == period && !db.CheckIns.Any(e => e.SupersedesId == c.Id))
            .SingleOrDefaultAsync(cancellationToken);
        var checkIn = CheckIn.Post(outcome, authorId, Cadence, input.Confidence, input.Progress, input.Blockers, input.Asks, input.Edit, current, Viewer.Today, now);
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return checkIn;
    }

    /// <summary>A team's open outcomes (agreed or active), for one person to update them all in one form.</summary>
    public async Task<List<TeamOutcome>> TeamOutcomesAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var period = CurrentPeriod;
        var personId = Viewer.Person;
        return await Visible()
            .Where(OutcomeRules.UnderWay.Expression)
            .Where(o => o.TeamId == teamId)
            .OrderBy(o => o.Title)
            .Select(o => new TeamOutcome(o.Id, o.Title, db.CheckIns.Any(c => c.OutcomeId == o.Id && c.AuthorId == personId && c.PeriodStart == period)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Posts several check-ins at once, all or nothing: one that breaks a rule refuses them all, and every broken
    /// rule is named with its row's prefix (<c>row-2-confidence</c>). A check-in on an outcome already checked in on
    /// this period is an edit of that one.
    /// </summary>
    public async Task<int> PostManyAsync(IReadOnlyList<(Guid OutcomeId, string Prefix, CheckInInput Input)> rows, CancellationToken cancellationToken)
    {
        var authorId = Viewer.Person;
        var ids = rows.Select(r => r.OutcomeId).ToList();
        var outcomes = await Visible().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var period = CurrentPeriod;
        var current = await db.CheckIns
            .Where(c => ids.Contains(c.OutcomeId) && c.AuthorId == authorId && c.PeriodStart == period && !db.CheckIns.Any(e => e.SupersedesId == c.Id))
            .ToDictionaryAsync(c => c.OutcomeId, cancellationToken);

        var posted = new List<CheckIn>();
        var problems = new List<RuleViolation>();
        foreach (var (outcomeId, prefix, input) in rows)
        {
            try
            {
                var outcome = outcomes.GetValueOrDefault(outcomeId) ?? throw new RuleViolation("outcomeId", "Choose an outcome you can see");
                var standing = current.GetValueOrDefault(outcomeId);
                posted.Add(CheckIn.Post(outcome, authorId, Cadence, input.Confidence, input.Progress, input.Blockers, input.Asks, standing is not null, standing, Viewer.Today, now));
            }
            catch (RuleViolation violation)
            {
                problems.Add(new RuleViolation($"{prefix}-{violation.Field}", violation.Message));
            }
        }

        if (problems.Count > 0)
        {
            throw new RuleViolations($"{problems.Count} check-ins need changing; none was saved", problems);
        }

        db.CheckIns.AddRange(posted);
        await db.SaveChangesAsync(cancellationToken);
        return posted.Count;
    }

    /// <summary>Open outcomes (agreed or active) that this person has not checked in on this period.</summary>
    public async Task<List<DueCheckIn>> DueAsync(CancellationToken cancellationToken)
    {
        var period = CurrentPeriod;
        var personId = Viewer.Person;
        return await Visible()
            .Where(OutcomeRules.UnderWay.Expression)
            .Where(o => !db.CheckIns.Any(c => c.OutcomeId == o.Id && c.AuthorId == personId && c.PeriodStart == period))
            .OrderBy(o => o.Title)
            .Select(o => new DueCheckIn(o.Id, o.Title, period))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Scores the confidences given on outcomes that have resolved (achieved or missed). Each check-in standing at the
    /// end of its period is one forecast; an edited one counts once, as edited. Per outcome, a forecast weighs
    /// 1 / (outcomes × forecasts on its outcome) among the forecasts chosen (that person's, in those dates).
    /// </summary>
    public async Task<CalibrationResult> CalibrationAsync(CalibrationQuery query, CancellationToken cancellationToken)
    {
        var resolved = Visible().Where(OutcomeRules.Resolved.Expression);
        if (query.TeamId is { } team)
        {
            resolved = resolved.Where(o => o.TeamId == team);
        }

        var forecasts = from c in db.CheckIns.AsNoTracking()
                        join o in resolved on c.OutcomeId equals o.Id
                        where !db.CheckIns.Any(e => e.SupersedesId == c.Id)
                        select new { c.Confidence, c.AuthorId, c.PeriodStart, c.OutcomeId, Happened = o.State == OutcomeState.Achieved };
        if (query.PersonId is { } person)
        {
            forecasts = forecasts.Where(f => f.AuthorId == person);
        }

        if (query.From is { } from)
        {
            forecasts = forecasts.Where(f => f.PeriodStart >= from);
        }

        if (query.To is { } to)
        {
            forecasts = forecasts.Where(f => f.PeriodStart <= to);
        }

        if (query.From > query.To)
        {
            throw new RuleViolation("from", "The start of the period must be on or before its end");
        }

        var list = await forecasts.Select(f => new { f.Confidence, f.Happened, f.OutcomeId }).ToListAsync(cancellationToken);
        return Calibration.Score(list.Select(f => new Forecast(f.Confidence / 100.0, f.Happened, f.OutcomeId)).ToList(), query.Weighting);
    }

    private IQueryable<Outcome> Visible() => db.VisibleOutcomes(Viewer);

    /// <summary>The first day of the period that contains the organisation's today.</summary>
    private DateOnly CurrentPeriod => CheckInPeriods.StartOf(Viewer.Today, Cadence);
}
