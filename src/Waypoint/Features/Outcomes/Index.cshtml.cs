using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Indicators;
using Waypoint.Features.Services;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Outcomes;

/// <summary>The organisation's dashboard: every outcome the person may see, filtered by team (a team's dashboard), service, state or status.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class IndexModel(OutcomeService outcomes, IndicatorService indicators, TeamService teams, ServiceDirectory services, OrganisationContext organisation) : PageModel
{
    /// <summary>How many of each indicator's newest values its trend line shows.</summary>
    public const int TrendLength = 12;

    public OrganisationContext Organisation => organisation;

    [BindProperty(SupportsGet = true)]
    public Guid? TeamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ServiceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutcomeState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public TargetStatus? Status { get; set; }

    public List<OutcomeSummary> Outcomes { get; private set; } = [];

    public Dictionary<Guid, Trend> Trends { get; private set; } = [];

    public List<(string Value, string Text)> Teams { get; private set; } = [];

    public List<(string Value, string Text)> Services { get; private set; } = [];

    /// <summary>The team whose dashboard this is, when filtered to one.</summary>
    public string? TeamName { get; private set; }

    public bool IsFiltered => TeamId is not null || ServiceId is not null || State is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A filter that cannot be read (an old link, a hand-made address) is no filter, not an error.
        ModelState.Clear();

        var teamList = await teams.ListAsync(cancellationToken);
        Teams = [(string.Empty, "All teams"), .. teamList.Select(t => (t.Id.ToString(), t.Name))];
        Services = [(string.Empty, "All services"), .. (await services.ListAsync(cancellationToken)).Select(s => (s.Service.Id.ToString(), s.Service.Name))];
        TeamName = teamList.FirstOrDefault(t => t.Id == TeamId)?.Name;

        var all = await outcomes.ListAsync(new OutcomeFilter(TeamId, ServiceId, State), cancellationToken);
        Outcomes = Status is { } status ? all.Where(o => o.Status == status).ToList() : all;

        var shown = Outcomes.SelectMany(o => o.Targets).Select(t => t.Indicator).DistinctBy(i => i.Id).ToList();
        var recent = await indicators.RecentAsync(shown.Select(i => i.Id), TrendLength, cancellationToken);
        Trends = shown.ToDictionary(i => i.Id, i => Charts.ForDashboard(recent[i.Id], i.Unit));
    }
}
