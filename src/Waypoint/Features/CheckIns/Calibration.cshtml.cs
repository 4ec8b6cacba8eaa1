using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.CheckIns;
using Waypoint.Features.Shared;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.CheckIns;

/// <summary>
/// How well-calibrated confidences were on resolved outcomes: for everyone, a team, or only the person looking,
/// over check-ins given between two dates, with each outcome weighing the same or (pooled) every forecast.
/// </summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class CalibrationModel(CheckInService checkIns, TeamService teams, OrganisationContext organisation) : PageModel
{
    /// <summary>The "whose" choice that narrows the report to the person looking at it.</summary>
    public const string OnlyMe = "me";

    public OrganisationContext Organisation => organisation;

    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    /// <summary>"Pooled" weighs every forecast the same; anything else, each outcome the same.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Weighting { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public List<(string Value, string Text)> Teams { get; private set; } = [];

    /// <summary>Whose forecasts the report covers, in words.</summary>
    public string Whose { get; private set; } = string.Empty;

    /// <summary>The report, or null when the choices could not be read.</summary>
    public CalibrationResult? Result { get; private set; }

    public bool IsOnlyMe => Person == OnlyMe;

    public CalibrationWeighting Weighed => string.Equals(Weighting?.Trim(), nameof(CalibrationWeighting.Pooled), StringComparison.OrdinalIgnoreCase)
        ? CalibrationWeighting.Pooled
        : CalibrationWeighting.PerOutcome;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A choice that cannot be read (an old link, a hand-made address) is no choice; dates get their own messages.
        ModelState.Clear();

        var teamList = await teams.ListAsync(cancellationToken);
        Teams = [(string.Empty, "All teams"), .. teamList.Select(t => (t.Id.ToString(), t.Name))];
        var teamName = teamList.FirstOrDefault(t => t.Id == Team)?.Name;
        if (teamName is null)
        {
            Team = null;
        }

        var me = User.UserId();
        Whose = (IsOnlyMe, teamName) switch
        {
            (true, null) => "Your forecasts",
            (true, { } name) => $"Your forecasts on outcomes of {name}",
            (false, null) => $"Everyone’s forecasts in {organisation.Organisation.Name}",
            (false, { } name) => $"Forecasts on outcomes of {name}",
        };

        DateOnly? from = null, to = null;
        try
        {
            from = FormValues.Date(From, "from", "start date");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        try
        {
            to = FormValues.Date(To, "to", "end date");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Result = await checkIns.CalibrationAsync(new CalibrationQuery(Team, IsOnlyMe ? me : null, from, to, Weighed), cancellationToken);
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }
    }
}
