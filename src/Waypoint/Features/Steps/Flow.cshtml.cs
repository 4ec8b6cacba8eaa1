using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Steps;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>How steps flow, for the whole organisation or one team: lead time, throughput, work in progress, and the time box.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class FlowModel(StepService steps, TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public List<(string Value, string Text)> Teams { get; private set; } = [];

    /// <summary>Whose steps, in words.</summary>
    public string Whose { get; private set; } = string.Empty;

    public FlowFigures Figures { get; private set; } = FlowFigures.Of([], new HashSet<DateOnly>());

    /// <summary>The last 26 weeks of throughput, this week last.</summary>
    public IReadOnlyList<(DateOnly Week, int Done)> Weeks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A team that cannot be read or is not this organisation's (an old link) means all teams.
        ModelState.Clear();
        var teamList = await teams.ListAsync(cancellationToken);
        Teams = [(string.Empty, "All teams"), .. teamList.Select(t => (t.Id.ToString(), t.Name))];
        var teamName = teamList.FirstOrDefault(t => t.Id == Team)?.Name;
        if (teamName is null)
        {
            Team = null;
        }

        Whose = teamName is null ? $"All steps in {organisation.Organisation.Name}" : $"Steps of {teamName}";
        Figures = await steps.FlowAsync(Team, cancellationToken);
        Weeks = ReportWords.LastWeeks(Figures.Throughput, steps.Today);
    }
}
