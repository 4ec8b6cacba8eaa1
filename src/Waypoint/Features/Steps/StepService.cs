using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;
using Waypoint.Data;
using Waypoint.Features.Outcomes;

namespace Waypoint.Features.Steps;

/// <summary>Who is acting on a step, and with which role: some moves are for leaders, some for a step's owners.</summary>
public sealed record Actor(Guid Id, Role Role)
{
    public bool Can(Permission permission) => RolePermissions.Grants(Role, permission);
}

/// <summary>What a person or client gives to propose or re-plan a step.</summary>
public sealed record StepInput(
    Guid? OutcomeId,
    string? Title,
    string? Change,
    Guid? IndicatorId,
    string? ExpectedEffect,
    string? Because,
    IReadOnlyList<Guid>? Owners,
    DateOnly? StartDate,
    DateOnly? DueDate,
    string? BoxOverrideReason);

/// <summary>A step's risk as its owners assess it.</summary>
public sealed record RiskInput(string? Category, int? Likelihood, int? Impact, Reversibility? Reversibility, string? Mitigations);

/// <summary>A leader's decision on a step above appetite.</summary>
public sealed record DecisionInput(bool? Approve, string? Reason);

/// <summary>What a step taught.</summary>
public sealed record LearningInput(string? WhatHappened, string? Evidence, string? NextSteps, bool? IsPublic);

/// <summary>Afterwards: whether the assessed risk happened, and how badly (1–5).</summary>
public sealed record AftermathInput(bool? Materialised, int? Impact);

/// <summary>Which steps to list.</summary>
public sealed record StepFilter(Guid? TeamId = null, Guid? OutcomeId = null, StepStatus? Status = null, Guid? OwnerId = null);

/// <summary>A person named on a step.</summary>
public sealed record StepPerson(Guid Id, string Name);

/// <summary>A step with the names around it and how it stands today.</summary>
public sealed record StepView(
    Step Step,
    string OutcomeTitle,
    Guid TeamId,
    string TeamName,
    string IndicatorName,
    IReadOnlyList<StepPerson> Owners,
    string? DecidedByName,
    string? BoxOverriddenByName,
    int WorkingDays,
    bool Overdue,
    AppetiteLevel? Appetite,
    Learning? Learning);

/// <summary>A learning entry found by search, with its step.</summary>
public sealed record LearningView(Learning Learning, Guid StepId, string StepTitle, Guid OutcomeId, string OutcomeTitle);

/// <summary>The organisation's rules for steps, with an appetite for each of its risk categories.</summary>
public sealed record StepRules(int MaximumWorkingDays, IReadOnlyList<DateOnly> Holidays, AppetiteScale Scale, IReadOnlyList<CategoryAppetite> Appetites);

public sealed record CategoryAppetite(string Category, AppetiteLevel Level);

/// <summary>What a leader changes in the rules; anything left null stays as it is.</summary>
public sealed record StepRulesInput(int? MaximumWorkingDays, IReadOnlyList<DateOnly>? Holidays, AppetiteScale? Scale, IReadOnlyList<CategoryAppetite>? Appetites);

/// <summary>The risk report: expected against actual per category, and the open steps on a 5 × 5 grid.</summary>
public sealed record RiskOverview(IReadOnlyList<CategoryRisk> Categories, int[,] HeatMap, int OpenAssessed);

/// <summary>
/// Steps toward the organisation's outcomes: planned inside the time box, let through the risk gate (within
/// appetite without asking anyone, above it with a leader's sign-off), and closed with what they taught.
/// </summary>
public sealed class StepService(WaypointDb db, TimeProvider clock)
{
    public const int SearchLimit = 50;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<List<StepView>> ListAsync(StepFilter filter, bool seePrivate, CancellationToken cancellationToken)
    {
        var outcomes = db.VisibleOutcomes(seePrivate);
        if (filter.TeamId is { } team)
        {
            outcomes = outcomes.Where(o => o.TeamId == team);
        }

        var query = db.Steps.AsNoTracking().Where(s => outcomes.Any(o => o.Id == s.OutcomeId));
        if (filter.OutcomeId is { } outcome)
        {
            query = query.Where(s => s.OutcomeId == outcome);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        var steps = await query.OrderBy(s => s.DueDate).ThenBy(s => s.Title).ToListAsync(cancellationToken);
        if (filter.OwnerId is { } owner)
        {
            steps = steps.Where(s => s.IsOwnedBy(owner)).ToList();
        }

        return await DescribeAsync(steps, withLearning: false, cancellationToken);
    }

    public async Task<StepView?> FindAsync(Guid id, bool seePrivate, CancellationToken cancellationToken)
    {
        var step = await Visible(seePrivate).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return step is null ? null : (await DescribeAsync([step], withLearning: true, cancellationToken)).Single();
    }

    public async Task<Step> CreateAsync(StepInput input, Actor actor, bool seePrivate, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var outcome = await db.VisibleOutcomes(seePrivate).SingleOrDefaultAsync(o => o.Id == input.OutcomeId, cancellationToken)
                      ?? throw new RuleViolation("outcomeId", "Choose an outcome of this organisation for the step to work toward");
        if (outcome.State is OutcomeState.Achieved or OutcomeState.Missed or OutcomeState.Retired)
        {
            throw new RuleViolation("outcomeId", $"This outcome is {outcome.State}: steps go toward open outcomes");
        }

        var plan = await PlanAsync(input, actor, previous: null, cancellationToken);
        var settings = await SettingsAsync(cancellationToken);
        var step = new Step(Guid.NewGuid(), organisationId, outcome.Id, plan, settings.Calendar, clock.GetUtcNow());
        db.Steps.Add(step);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    public Task<Step?> ReviseAsync(Guid id, StepInput input, Actor actor, bool seePrivate, CancellationToken cancellationToken) =>
        ChangeAsync(id, seePrivate, async step =>
        {
            var plan = await PlanAsync(input, actor, step, cancellationToken);
            var settings = await SettingsAsync(cancellationToken);
            step.Revise(plan, settings.Calendar);
        }, cancellationToken);

    public Task<Step?> MoveAsync(Guid id, StepStatus? next, bool seePrivate, CancellationToken cancellationToken) =>
        ChangeAsync(id, seePrivate, step =>
        {
            if (next is not { } status || !Enum.IsDefined(status))
            {
                throw new RuleViolation("status", "Choose where the step goes: Idea, Ready, Doing, Done or Stopped");
            }

            step.MoveTo(status, Today);
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task<(Step Step, GateDecision Decision)?> AssessAsync(Guid id, RiskInput input, bool seePrivate, CancellationToken cancellationToken)
    {
        var decision = GateDecision.WithinAppetite;
        var step = await ChangeAsync(id, seePrivate, async step =>
        {
            var risk = RiskAssessment.Create(input.Category, input.Likelihood, input.Impact, input.Reversibility, input.Mitigations);
            var rules = await RulesAsync(cancellationToken);
            var appetite = rules.Appetites.FirstOrDefault(a => string.Equals(a.Category, risk.Category, StringComparison.OrdinalIgnoreCase))
                           ?? throw new RuleViolation("category", $"Choose one of the organisation's risk categories: {string.Join(", ", rules.Appetites.Select(a => a.Category))}");
            decision = step.Assess(risk with { Category = appetite.Category }, appetite.Level, rules.Scale, clock.GetUtcNow());
        }, cancellationToken);
        return step is null ? null : (step, decision);
    }

    public Task<Step?> DecideAsync(Guid id, DecisionInput input, Actor actor, bool seePrivate, CancellationToken cancellationToken) =>
        ChangeAsync(id, seePrivate, step =>
        {
            if (!actor.Can(Permission.SignOffSteps))
            {
                throw new RuleViolation("decision", "Only a leader or an admin can sign off a step's risk");
            }

            step.Decide(actor.Id, input.Approve ?? throw new RuleViolation("approve", "Choose whether to approve or decline the step"), input.Reason, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Writes (or improves) the step's learning, with the indicator's movement over the step's dates.</summary>
    public async Task<Learning?> WriteLearningAsync(Guid id, LearningInput input, Actor actor, bool seePrivate, CancellationToken cancellationToken)
    {
        var step = await TrackedAsync(id, seePrivate, cancellationToken);
        if (step is null)
        {
            return null;
        }

        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var now = clock.GetUtcNow();
        var learning = await db.Learning.SingleOrDefaultAsync(l => l.StepId == id, cancellationToken);
        var (from, to) = await MovementAsync(step, cancellationToken);
        var isNew = learning is null;
        learning ??= new Learning(Guid.NewGuid(), organisationId, step.Id, actor.Id, now);
        learning.Write(input.WhatHappened, input.Evidence, input.NextSteps, input.IsPublic ?? false, from, to, actor.Id, now);
        if (isNew)
        {
            db.Learning.Add(learning);
        }

        step.RecordLearning();
        await db.SaveChangesAsync(cancellationToken);
        return learning;
    }

    public Task<Step?> RecordAftermathAsync(Guid id, AftermathInput input, Actor actor, bool seePrivate, CancellationToken cancellationToken) =>
        ChangeAsync(id, seePrivate, step =>
        {
            if (!step.IsOwnedBy(actor.Id))
            {
                throw new RuleViolation("materialised", "Only the step's owners say whether its risk happened");
            }

            step.RecordAftermath(input.Materialised ?? throw new RuleViolation("materialised", "Say whether the risk happened"), input.Impact);
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task<List<LearningView>> SearchLearningAsync(string? query, bool seePrivate, CancellationToken cancellationToken)
    {
        var visibleSteps = Visible(seePrivate);
        List<Learning> found;
        if (string.IsNullOrWhiteSpace(query))
        {
            found = await db.Learning.AsNoTracking().Where(l => visibleSteps.Any(s => s.Id == l.StepId))
                .OrderByDescending(l => l.At).Take(SearchLimit).ToListAsync(cancellationToken);
        }
        else
        {
            var ids = await LearningSearch.FindAsync(db, query, SearchLimit, cancellationToken);
            var byId = await db.Learning.AsNoTracking().Where(l => ids.Contains(l.Id) && visibleSteps.Any(s => s.Id == l.StepId))
                .ToDictionaryAsync(l => l.Id, cancellationToken);
            found = ids.Where(byId.ContainsKey).Select(i => byId[i]).ToList();
        }

        var stepIds = found.Select(l => l.StepId).ToList();
        var steps = await (from s in db.Steps.AsNoTracking()
                           join o in db.Outcomes.AsNoTracking() on s.OutcomeId equals o.Id
                           where stepIds.Contains(s.Id)
                           select new { s.Id, s.Title, OutcomeId = o.Id, OutcomeTitle = o.Title })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return found.Select(l => new LearningView(l, l.StepId, steps[l.StepId].Title, steps[l.StepId].OutcomeId, steps[l.StepId].OutcomeTitle)).ToList();
    }

    public async Task<FlowFigures> FlowAsync(Guid? teamId, bool seePrivate, CancellationToken cancellationToken)
    {
        var outcomes = db.VisibleOutcomes(seePrivate);
        if (teamId is { } team)
        {
            outcomes = outcomes.Where(o => o.TeamId == team);
        }

        var steps = await db.Steps.AsNoTracking().Where(s => outcomes.Any(o => o.Id == s.OutcomeId))
            .Select(s => new FlowStep(s.Status, s.DueDate, s.ReadyOn, s.FinishedOn))
            .ToListAsync(cancellationToken);
        return FlowFigures.Of(steps);
    }

    public async Task<RiskOverview> RiskOverviewAsync(bool seePrivate, CancellationToken cancellationToken)
    {
        var steps = await Visible(seePrivate).Where(s => s.Risk != null).ToListAsync(cancellationToken);
        var ended = steps.Where(s => s.IsClosed && s.RiskMaterialised is not null)
            .Select(s => new RiskAftermath(s.Risk!.Category, s.Risk.Likelihood, s.Risk.Impact, s.RiskMaterialised!.Value, s.MaterialisedImpact));
        var open = steps.Where(s => !s.IsClosed).Select(s => (s.Risk!.Likelihood, s.Risk.Impact)).ToList();
        return new RiskOverview(RiskReport.ByCategory(ended), RiskReport.HeatMap(open), open.Count);
    }

    public async Task<StepRules> RulesAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var appetites = await db.RiskAppetites.AsNoTracking().ToListAsync(cancellationToken);
        var list = appetites.Count == 0
            ? RiskGate.DefaultCategories.Select(c => new CategoryAppetite(c, RiskAppetite.DefaultLevel)).ToList()
            : appetites.OrderBy(a => a.Category, StringComparer.Ordinal).Select(a => new CategoryAppetite(a.Category, a.Level)).ToList();
        return new StepRules(settings.MaximumWorkingDays, settings.Holidays, settings.Scale, list);
    }

    /// <summary>Changes the organisation's rules for steps. The appetites given replace the whole list of categories.</summary>
    public async Task<StepRules> SetRulesAsync(StepRulesInput input, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var settings = await db.StepSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new StepSettings(organisationId);
            db.StepSettings.Add(settings);
        }

        if (input.MaximumWorkingDays is not null)
        {
            settings.SetMaximumWorkingDays(input.MaximumWorkingDays);
        }

        if (input.Holidays is { } holidays)
        {
            settings.SetHolidays(holidays);
        }

        if (input.Scale is { } scale)
        {
            settings.SetScale(scale);
        }

        if (input.Appetites is { } wanted)
        {
            await ReplaceAppetitesAsync(organisationId, wanted, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await RulesAsync(cancellationToken);
    }

    private async Task ReplaceAppetitesAsync(Guid organisationId, IReadOnlyList<CategoryAppetite> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            throw new RuleViolation("appetites", "Keep at least one risk category");
        }

        var duplicate = wanted.GroupBy(a => a.Category?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleViolation("appetites", $"The category {duplicate.Key} is listed twice");
        }

        var existing = await db.RiskAppetites.ToListAsync(cancellationToken);
        var replacements = wanted.Select(a => new RiskAppetite(organisationId, a.Category, a.Level)).ToList();
        foreach (var old in existing)
        {
            if (replacements.FirstOrDefault(r => r.Category == old.Category) is { } keep)
            {
                old.Set(keep.Level);
                replacements.Remove(keep);
            }
            else
            {
                db.RiskAppetites.Remove(old);
            }
        }

        db.RiskAppetites.AddRange(replacements);
    }

    private IQueryable<Step> Visible(bool seePrivate)
    {
        var outcomes = db.VisibleOutcomes(seePrivate);
        return db.Steps.AsNoTracking().Where(s => outcomes.Any(o => o.Id == s.OutcomeId));
    }

    /// <summary>The one shape of a change to a step: find it (null when it is not there or not visible), change it, save.</summary>
    private async Task<Step?> ChangeAsync(Guid id, bool seePrivate, Func<Step, Task> change, CancellationToken cancellationToken)
    {
        var step = await TrackedAsync(id, seePrivate, cancellationToken);
        if (step is null)
        {
            return null;
        }

        await change(step);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    private async Task<Step?> TrackedAsync(Guid id, bool seePrivate, CancellationToken cancellationToken)
    {
        // Not VisibleOutcomes: its AsNoTracking would apply to the whole query, and the change would never be saved.
        var outcomes = db.Outcomes.Where(o => seePrivate || o.Visibility != Visibility.Private);
        return await db.Steps.Where(s => outcomes.Any(o => o.Id == s.OutcomeId)).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    private async Task<StepSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await db.StepSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
        ?? new StepSettings(db.Scope.OrganisationId ?? Guid.Empty);

    private async Task<StepPlan> PlanAsync(StepInput input, Actor actor, Step? previous, CancellationToken cancellationToken)
    {
        if (input.IndicatorId is { } indicator && !await db.Indicators.AnyAsync(i => i.Id == indicator, cancellationToken))
        {
            throw new RuleViolation("indicatorId", "Choose an indicator of this organisation");
        }

        var owners = input.Owners ?? [];
        if (owners.Count > 0)
        {
            var members = await db.Memberships.Where(m => owners.Contains(m.UserId) && m.Role != Role.Viewer).Select(m => m.UserId).ToListAsync(cancellationToken);
            if (owners.Except(members).Any())
            {
                throw new RuleViolation("owners", "Owners must be people of this organisation who can do the work");
            }
        }

        BoxOverride? box = null;
        if (!string.IsNullOrWhiteSpace(input.BoxOverrideReason))
        {
            // A leader's override stays with the step when someone else re-plans it with the same reason.
            if (actor.Can(Permission.SignOffSteps))
            {
                box = new BoxOverride(actor.Id, input.BoxOverrideReason);
            }
            else if (previous?.BoxOverriddenBy is { } leader && previous.BoxOverrideReason == input.BoxOverrideReason.Trim())
            {
                box = new BoxOverride(leader, input.BoxOverrideReason);
            }
            else
            {
                throw new RuleViolation("boxOverrideReason", "Only a leader can let a step run longer than the box; leave this empty or ask a leader");
            }
        }

        return new StepPlan(input.Title, input.Change, input.IndicatorId, input.ExpectedEffect, input.Because, owners, input.StartDate, input.DueDate, box);
    }

    /// <summary>The indicator's latest value on or before the step's start, and on or before its end (or today).</summary>
    private async Task<(decimal? From, decimal? To)> MovementAsync(Step step, CancellationToken cancellationToken)
    {
        var end = step.FinishedOn ?? Today;
        if (end > step.DueDate && !step.IsClosed)
        {
            end = Today;
        }

        var measurements = db.Measurements.AsNoTracking().Where(m => m.IndicatorId == step.IndicatorId && !db.Measurements.Any(c => c.SupersedesId == m.Id));
        var from = await measurements.Where(m => m.Date <= step.StartDate).OrderByDescending(m => m.Date).Select(m => (decimal?)m.Value).FirstOrDefaultAsync(cancellationToken);
        var to = await measurements.Where(m => m.Date <= end).OrderByDescending(m => m.Date).Select(m => (decimal?)m.Value).FirstOrDefaultAsync(cancellationToken);
        return (from, to);
    }

    private async Task<List<StepView>> DescribeAsync(List<Step> steps, bool withLearning, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var outcomeIds = steps.Select(s => s.OutcomeId).Distinct().ToList();
        var outcomes = await (from o in db.Outcomes.AsNoTracking()
                              join t in db.Teams.AsNoTracking() on o.TeamId equals t.Id
                              where outcomeIds.Contains(o.Id)
                              select new { o.Id, o.Title, TeamId = t.Id, TeamName = t.Name })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var indicatorIds = steps.Select(s => s.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var peopleIds = steps.SelectMany(s => s.Owners).Concat(steps.Select(s => s.DecidedBy).OfType<Guid>()).Concat(steps.Select(s => s.BoxOverriddenBy).OfType<Guid>()).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var rules = await RulesAsync(cancellationToken);
        var settings = await SettingsAsync(cancellationToken);
        var holidays = settings.Calendar.Holidays;
        Dictionary<Guid, Learning> learning = [];
        if (withLearning)
        {
            var stepIds = steps.Select(s => s.Id).ToList();
            learning = await db.Learning.AsNoTracking().Where(l => stepIds.Contains(l.StepId)).ToDictionaryAsync(l => l.StepId, cancellationToken);
        }

        var today = Today;
        return steps.Select(s =>
        {
            var outcome = outcomes[s.OutcomeId];
            return new StepView(
                s,
                outcome.Title,
                outcome.TeamId,
                outcome.TeamName,
                indicators.GetValueOrDefault(s.IndicatorId, "An indicator"),
                s.Owners.Select(o => new StepPerson(o, people.GetValueOrDefault(o, "Someone who has left"))).ToList(),
                s.DecidedBy is { } d ? people.GetValueOrDefault(d) : null,
                s.BoxOverriddenBy is { } b ? people.GetValueOrDefault(b) : null,
                TimeBox.WorkingDays(s.StartDate, s.DueDate, holidays),
                s.IsOverdue(today),
                s.Risk is { } risk ? rules.Appetites.FirstOrDefault(a => a.Category == risk.Category)?.Level : null,
                learning.GetValueOrDefault(s.Id));
        }).ToList();
    }
}
