using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;
using Waypoint.Data;
using Waypoint.Features.Demo;

namespace Waypoint.TestCommon;

/// <summary>
/// Records a test makes for itself, so that it depends on no demo record beyond the organisation, its teams and its
/// people: each call makes new ones with unique names.
/// </summary>
public static class TestData
{
    public static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    public static readonly Guid DigitalServices = DemoSeeder.IdFor("anytown/team/Digital Services");
    public static readonly Guid Member = DemoSeeder.IdFor("member@anytown.example");

    /// <summary>An outcome of Anytown's Digital Services team (or another), in the given state (active by default).</summary>
    public static Task<Guid> CreateOutcomeAsync(this WaypointApp app, OutcomeState state = OutcomeState.Active, Visibility visibility = Visibility.Organisation, Guid? team = null) =>
        app.InAnytownAsync(async db =>
        {
            var outcome = new Outcome(Guid.NewGuid(), Anytown, team ?? DigitalServices, $"Test outcome {Guid.NewGuid():N}", "As a resident I need it", "It is done",
                DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), null, visibility, DateTimeOffset.UtcNow);
            foreach (var next in PathTo(state))
            {
                outcome.MoveTo(next, [], null, Guid.Empty, DateTimeOffset.UtcNow);
            }

            db.Outcomes.Add(outcome);
            await db.SaveChangesAsync();
            return outcome.Id;
        });

    /// <summary>A team of Anytown's with no outcomes yet.</summary>
    public static Task<Guid> CreateTeamAsync(this WaypointApp app) =>
        app.InAnytownAsync(async db =>
        {
            var team = new Team(Guid.NewGuid(), Anytown, $"Test team {Guid.NewGuid():N}", null);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });

    /// <summary>
    /// A person's check-ins on an open outcome, one a week from the first Monday of 2026, with the given confidences
    /// (whole percentages).
    /// </summary>
    public static Task CheckInAsync(this WaypointApp app, Guid outcomeId, Guid person, params int[] confidences) =>
        app.InAnytownAsync(async db =>
        {
            var outcome = await db.Outcomes.AsNoTracking().SingleAsync(o => o.Id == outcomeId);
            var monday = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
            for (var week = 0; week < confidences.Length; week++)
            {
                var at = monday.AddDays(7 * week);
                db.CheckIns.Add(CheckIn.Post(outcome, person, CheckInCadence.Weekly, confidences[week], $"Week {week + 1}", null, null, false, null, DateOnly.FromDateTime(at.UtcDateTime), at));
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>Ends an active outcome that has no targets (achieved, missed or retired), as its check-ins are then scored.</summary>
    public static Task ResolveAsync(this WaypointApp app, Guid outcomeId, OutcomeState end) =>
        app.InAnytownAsync(async db =>
        {
            var outcome = await db.Outcomes.SingleAsync(o => o.Id == outcomeId);
            db.OutcomeStateChanges.Add(outcome.MoveTo(end, [], null, Member, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

    /// <summary>A monthly indicator owned by Digital Services, with no measurements.</summary>
    public static Task<Guid> CreateIndicatorAsync(this WaypointApp app) =>
        app.InAnytownAsync(async db =>
        {
            var indicator = new Indicator(Guid.NewGuid(), Anytown, $"Test indicator {Guid.NewGuid():N}", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, null, DigitalServices, null);
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            return indicator.Id;
        });

    /// <summary>An idea toward an outcome, owned by the demo member, planned for this week.</summary>
    public static Task<Guid> CreateStepAsync(this WaypointApp app, Guid outcome, Guid indicator, Guid? owner = null) =>
        app.InAnytownAsync(async db =>
        {
            var monday = DateOnly.FromDateTime(DateTime.UtcNow);
            monday = monday.AddDays(-(((int)monday.DayOfWeek + 6) % 7));
            var plan = new StepPlan($"Test step {Guid.NewGuid():N}", "send a reminder", indicator, "up a little", "people forget", [owner ?? Member], monday, monday.AddDays(4));
            var step = new Step(Guid.NewGuid(), Anytown, outcome, plan, StepCalendar.Default, DateTimeOffset.UtcNow);
            db.Steps.Add(step);
            await db.SaveChangesAsync();
            return step.Id;
        });

    /// <summary>Works with storage scoped to Anytown, outside any request.</summary>
    public static async Task<T> InAnytownAsync<T>(this WaypointApp app, Func<WaypointDb, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        return await work(db);
    }

    private static OutcomeState[] PathTo(OutcomeState state) => state switch
    {
        OutcomeState.Draft => [],
        OutcomeState.Agreed => [OutcomeState.Agreed],
        OutcomeState.Active => [OutcomeState.Agreed, OutcomeState.Active],
        OutcomeState.Retired => [OutcomeState.Retired],
        _ => [OutcomeState.Agreed, OutcomeState.Active, state],
    };
}
