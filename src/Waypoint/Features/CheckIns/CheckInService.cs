using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Waypoint.Data;

namespace Waypoint.Features.CheckIns;

/// <summary>What a person gives to check in. Set <see cref="Edit"/> to change this period's check-in.</summary>
public sealed record CheckInInput(decimal? Confidence, string? Progress, string? Blockers, string? Asks, bool Edit = false);

/// <summary>A check-in with its author's name, and whether a later edit replaced it.</summary>
public sealed record CheckInView(CheckIn CheckIn, string Author, bool Superseded);

/// <summary>An outcome that has no check-in from this person in the current period.</summary>
public sealed record DueCheckIn(Guid OutcomeId, string Title, DateOnly PeriodStart);

/// <summary>Who to score: a person, a team's outcomes, or the whole organisation; over check-ins given between two dates.</summary>
public sealed record CalibrationQuery(Guid? TeamId, Guid? PersonId, DateOnly? From, DateOnly? To);

/// <summary>
/// Check-ins on the organisation's outcomes, and how well-calibrated their confidences were once outcomes
/// resolved. Check-ins record progress and confidence, never hours.
/// </summary>
public sealed class CheckInService(WaypointDb db, TimeProvider clock)
{
    /// <summary>Every organisation checks in weekly until its own cadence is a setting.</summary>
    public const CheckInCadence Cadence = CheckInCadence.Weekly;

    public async Task<List<CheckInView>?> HistoryAsync(Guid outcomeId, bool seePrivate, CancellationToken cancellationToken)
    {
        if (!await Visible(seePrivate).AnyAsync(o => o.Id == outcomeId, cancellationToken))
        {
            return null;
        }

        return await (
                from c in db.CheckIns.AsNoTracking()
                join u in db.Users on c.AuthorId equals u.Id
                where c.OutcomeId == outcomeId
                orderby c.At descending
                select new CheckInView(c, u.DisplayName, db.CheckIns.Any(e => e.SupersedesId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CheckIn?> PostAsync(Guid outcomeId, Guid authorId, bool seePrivate, CheckInInput input, CancellationToken cancellationToken)
    {
        var outcome = await Visible(seePrivate).SingleOrDefaultAsync(o => o.Id == outcomeId, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var period = CheckInPeriods.StartOf(DateOnly.FromDateTime(now.UtcDateTime), Cadence);
        var current = await db.CheckIns
            .Where(c => c.OutcomeId == outcomeId && c.AuthorId == authorId && c.PeriodStart == period && !db.CheckIns.Any(e => e.SupersedesId == c.Id))
            .SingleOrDefaultAsync(cancellationToken);
        var checkIn = CheckIn.Post(outcome, authorId, Cadence, input.Confidence, input.Progress, input.Blockers, input.Asks, input.Edit, current, now);
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return checkIn;
    }

    /// <summary>Open outcomes (agreed or active) that this person has not checked in on this period.</summary>
    public async Task<List<DueCheckIn>> DueAsync(Guid personId, bool seePrivate, CancellationToken cancellationToken)
    {
        var period = CheckInPeriods.StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Cadence);
        return await Visible(seePrivate)
            .Where(o => o.State == OutcomeState.Agreed || o.State == OutcomeState.Active)
            .Where(o => !db.CheckIns.Any(c => c.OutcomeId == o.Id && c.AuthorId == personId && c.PeriodStart == period))
            .OrderBy(o => o.Title)
            .Select(o => new DueCheckIn(o.Id, o.Title, period))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Scores the confidences given on outcomes that have resolved (achieved or missed). Each check-in standing at the
    /// end of its period is one forecast; an edited one counts once, as edited.
    /// </summary>
    public async Task<CalibrationResult> CalibrationAsync(CalibrationQuery query, bool seePrivate, CancellationToken cancellationToken)
    {
        var resolved = Visible(seePrivate).Where(o => o.State == OutcomeState.Achieved || o.State == OutcomeState.Missed);
        if (query.TeamId is { } team)
        {
            resolved = resolved.Where(o => o.TeamId == team);
        }

        var forecasts = from c in db.CheckIns.AsNoTracking()
                        join o in resolved on c.OutcomeId equals o.Id
                        where !db.CheckIns.Any(e => e.SupersedesId == c.Id)
                        select new { c.Confidence, c.AuthorId, c.PeriodStart, Happened = o.State == OutcomeState.Achieved };
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

        var list = await forecasts.Select(f => new { f.Confidence, f.Happened }).ToListAsync(cancellationToken);
        return Calibration.Score(list.Select(f => new Forecast(f.Confidence / 100.0, f.Happened)).ToList());
    }

    private IQueryable<Outcome> Visible(bool seePrivate) =>
        db.Outcomes.AsNoTracking().Where(o => seePrivate || o.Visibility != Visibility.Private);
}
