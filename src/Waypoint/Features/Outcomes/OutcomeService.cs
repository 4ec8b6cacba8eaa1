using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.People;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Outcomes;

/// <summary>What a person or client gives to define an outcome.</summary>
public sealed record OutcomeInput(Guid? TeamId, string? Title, string? UserNeed, string? DoneMeans, DateOnly? TargetDate, Guid? ServiceId, Visibility? Visibility, Guid? ParentId);

/// <summary>What a person or client gives to set, or move, a target. Moving one needs a reason.</summary>
public sealed record TargetInput(Guid? IndicatorId, DateOnly? BaselineDate, decimal? BaselineValue, DateOnly? TargetDate, decimal? TargetValue, decimal? Tolerance, string? Reason);

/// <summary>
/// What a person or client gives to move an outcome to another state. A reason is needed to mark it achieved while
/// any of its targets is off track, and may be given for any move.
/// </summary>
public sealed record StateChange(OutcomeState? State, string? Reason = null);

/// <summary>A target with its indicator and how it stands today.</summary>
public sealed record TargetView(Target Target, Indicator Indicator, TargetStatus Status, decimal? Progress)
{
    /// <summary>How the target stands, named by its indicator, as <see cref="Outcome.MoveTo"/> judges a move against it.</summary>
    public TargetStanding Standing => new(Indicator.Name, Status);
}

/// <summary>A change of an outcome's state with the name of the person who made it.</summary>
public sealed record StateChangeView(OutcomeStateChange Change, string By);

/// <summary>An outcome with its team, service, targets and overall status.</summary>
public sealed record OutcomeSummary(Outcome Outcome, string TeamName, string? ServiceName, TargetStatus Status, IReadOnlyList<TargetView> Targets);

/// <summary>
/// An outcome in full: its summary, where it sits in the alignment tree, every re-baseline of its targets, and every
/// change of its state, oldest first.
/// </summary>
public sealed record OutcomeDetail(OutcomeSummary Summary, Outcome? Parent, IReadOnlyList<Outcome> Children, IReadOnlyList<TargetRevision> Revisions, IReadOnlyList<StateChangeView> StateChanges);

/// <summary>Filters for the dashboard.</summary>
public sealed record OutcomeFilter(Guid? TeamId = null, Guid? ServiceId = null, OutcomeState? State = null);

/// <summary>
/// Outcomes of the organisation in scope, with their targets. A dashboard costs what it shows: each target's
/// status comes from its indicator's latest value, kept current on write, never from the whole history.
/// </summary>
public sealed class OutcomeService(WaypointDb db, OrganisationContext organisation, TimeProvider clock)
{
    /// <summary>Who is looking, read when needed: a service may be built before a request has an organisation.</summary>
    private Viewer Viewer => organisation.Viewer;

    public async Task<List<OutcomeSummary>> ListAsync(OutcomeFilter filter, CancellationToken cancellationToken)
    {
        var query = Visible();
        if (filter.TeamId is { } team)
        {
            query = query.Where(o => o.TeamId == team);
        }

        if (filter.ServiceId is { } service)
        {
            query = query.Where(o => o.ServiceId == service);
        }

        if (filter.State is { } state)
        {
            query = query.Where(o => o.State == state);
        }

        var outcomes = await query.OrderBy(o => o.TargetDate).ThenBy(o => o.Title).ToListAsync(cancellationToken);
        return await SummariseAsync(outcomes, cancellationToken);
    }

    public async Task<OutcomeDetail?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await Visible().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        var summary = (await SummariseAsync([outcome], cancellationToken)).Single();
        var parent = outcome.ParentId is { } parentId ? await Visible().SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken) : null;
        var children = await Visible().Where(o => o.ParentId == id).OrderBy(o => o.Title).ToListAsync(cancellationToken);
        var targetIds = summary.Targets.Select(t => t.Target.Id).ToList();
        var revisions = await db.TargetRevisions.AsNoTracking().Where(r => targetIds.Contains(r.TargetId)).OrderBy(r => r.At).ToListAsync(cancellationToken);
        var changes = await (
                from c in db.OutcomeStateChanges.AsNoTracking()
                join n in PersonNames.InScope(db) on c.ById equals n.UserId into names
                from n in names.DefaultIfEmpty()
                where c.OutcomeId == id
                orderby c.At
                select new StateChangeView(c, n == null ? PersonNames.FormerMember : n.Name))
            .ToListAsync(cancellationToken);
        return new OutcomeDetail(summary, parent, children, revisions, changes);
    }

    public async Task<Outcome> CreateAsync(OutcomeInput input, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var outcome = new Outcome(Guid.NewGuid(), organisationId, input.TeamId ?? Guid.Empty, input.Title, input.UserNeed, input.DoneMeans,
            input.TargetDate ?? throw new RuleViolation("targetDate", "Enter the date by which the outcome should be reached"),
            input.ServiceId, input.Visibility ?? Visibility.Organisation, clock.GetUtcNow());
        await PlaceAsync(outcome, input.ParentId, cancellationToken);
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public async Task<Outcome?> UpdateAsync(Guid id, OutcomeInput input, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        outcome.Define(input.TeamId ?? Guid.Empty, input.Title, input.UserNeed, input.DoneMeans,
            input.TargetDate ?? throw new RuleViolation("targetDate", "Enter the date by which the outcome should be reached"),
            input.ServiceId, input.Visibility ?? outcome.Visibility);
        await PlaceAsync(outcome, input.ParentId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Moves an outcome to another state, judged against how its targets stand on the organisation's today (the
    /// statuses the dashboard shows), and keeps the change with who made it, when and why.
    /// </summary>
    public async Task<Outcome?> MoveAsync(Guid id, StateChange input, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        var next = input.State ?? throw new RuleViolation("state", "Choose the state to move the outcome to");
        var targets = (await SummariseAsync([outcome], cancellationToken)).Single().Targets;
        db.OutcomeStateChanges.Add(outcome.MoveTo(next, targets.Select(t => t.Standing).ToList(), input.Reason, Viewer.Person, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public async Task<Target?> AddTargetAsync(Guid outcomeId, TargetInput input, CancellationToken cancellationToken)
    {
        if (!await db.Outcomes.AnyAsync(o => o.Id == outcomeId, cancellationToken))
        {
            return null;
        }

        var indicator = await IndicatorAsync(input.IndicatorId, cancellationToken);
        var (baseline, target) = Points(input);
        var created = new Target(Guid.NewGuid(), indicator.OrganisationId, outcomeId, indicator, baseline, target, input.Tolerance ?? 0);
        db.Targets.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Moves a target's baseline or goal, keeping what it was and why in a revision.</summary>
    public async Task<Target?> RebaselineAsync(Guid outcomeId, Guid targetId, TargetInput input, CancellationToken cancellationToken)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == targetId && t.OutcomeId == outcomeId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var indicator = await db.Indicators.SingleAsync(i => i.Id == target.IndicatorId, cancellationToken);
        var (baseline, goal) = Points(input);
        db.TargetRevisions.Add(target.Rebaseline(indicator.Direction, baseline, goal, input.Tolerance ?? 0, input.Reason, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return target;
    }

    /// <summary>The visible outcomes that have set a target on an indicator, soonest target date first.</summary>
    public async Task<List<OutcomeSummary>> TargetingAsync(Guid indicatorId, CancellationToken cancellationToken)
    {
        var outcomes = await Visible()
            .Where(o => db.Targets.Any(t => t.OutcomeId == o.Id && t.IndicatorId == indicatorId))
            .OrderBy(o => o.TargetDate).ThenBy(o => o.Title)
            .ToListAsync(cancellationToken);
        return await SummariseAsync(outcomes, cancellationToken);
    }

    private IQueryable<Outcome> Visible() => db.VisibleOutcomes(Viewer);

    private async Task<List<OutcomeSummary>> SummariseAsync(List<Outcome> outcomes, CancellationToken cancellationToken)
    {
        var ids = outcomes.Select(o => o.Id).ToList();
        var targets = await (
                from t in db.Targets.AsNoTracking()
                join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
                where ids.Contains(t.OutcomeId)
                select new { Target = t, Indicator = i })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var today = Viewer.Today;

        return outcomes.Select(outcome =>
        {
            var views = targets.Where(t => t.Target.OutcomeId == outcome.Id)
                .OrderBy(t => t.Indicator.Name)
                .Select(t => View(t.Target, t.Indicator, today))
                .ToList();
            return new OutcomeSummary(
                outcome,
                teams.GetValueOrDefault(outcome.TeamId, "Unknown team"),
                outcome.ServiceId is { } s ? services.GetValueOrDefault(s) : null,
                ProgressRules.OutcomeStatus(views.Select(v => v.Status)),
                views);
        }).ToList();
    }

    /// <summary>The latest value stands for the whole history: the status rules look only at the newest measurement.</summary>
    private static TargetView View(Target target, Indicator indicator, DateOnly today)
    {
        var plan = target.PlanFor(indicator.Direction);
        Point[] latest = indicator.LatestDate is { } date && indicator.LatestValue is { } value ? [new Point(date, value)] : [];
        var status = ProgressRules.Status(plan, indicator.Cadence, latest, today);
        decimal? progress = latest.Length == 1 && latest[0].Date >= plan.Baseline.Date ? ProgressRules.Progress(plan, latest[0].Value) : null;
        return new TargetView(target, indicator, status, progress);
    }

    private async Task<Indicator> IndicatorAsync(Guid? indicatorId, CancellationToken cancellationToken) =>
        indicatorId is { } id && await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } indicator
            ? indicator
            : throw new RuleViolation("indicatorId", "Choose an indicator of this organisation");

    private static (Point Baseline, Point Target) Points(TargetInput input) =>
    (
        new Point(
            input.BaselineDate ?? throw new RuleViolation("baselineDate", "Enter the baseline date"),
            input.BaselineValue ?? throw new RuleViolation("baselineValue", "Enter the baseline value")),
        new Point(
            input.TargetDate ?? throw new RuleViolation("targetDate", "Enter the target date"),
            input.TargetValue ?? throw new RuleViolation("targetValue", "Enter the target value"))
    );

    private async Task PlaceAsync(Outcome outcome, Guid? parentId, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == outcome.TeamId, cancellationToken))
        {
            throw new RuleViolation("teamId", "Choose a team of this organisation");
        }

        if (outcome.ServiceId is { } service && !await db.Services.AnyAsync(s => s.Id == service, cancellationToken))
        {
            throw new RuleViolation("serviceId", "Choose a service of this organisation");
        }

        if (parentId is { } parent && !await db.Outcomes.AnyAsync(o => o.Id == parent, cancellationToken))
        {
            throw new RuleViolation("parentId", "Choose an outcome of this organisation to contribute to");
        }

        // The tree is small: load each outcome's parent once to check for a cycle.
        var parents = await db.Outcomes.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, cancellationToken);
        outcome.AlignUnder(parentId, id => parents.GetValueOrDefault(id));
    }
}

/// <summary>The outcomes a viewer sees, by the one rule in <see cref="Viewer.Sees"/>.</summary>
public static class OutcomeVisibility
{
    public static IQueryable<Outcome> VisibleOutcomes(this WaypointDb db, Viewer viewer) =>
        db.Outcomes.AsNoTracking().Where(viewer.Sees.Expression);
}
