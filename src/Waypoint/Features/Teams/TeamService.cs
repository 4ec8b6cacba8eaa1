using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Organisations;
using Waypoint.Data;

namespace Waypoint.Features.Teams;

/// <summary>Teams of the organisation in scope. Storage confines every query and write to that organisation.</summary>
public sealed class TeamService(WaypointDb db)
{
    public Task<List<Team>> ListAsync(CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<Team?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<Team> CreateAsync(string? name, string? description, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var team = new Team(Guid.NewGuid(), organisationId, name!, description);
        await EnsureUniqueAsync(team, cancellationToken);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    public async Task<Team?> UpdateAsync(Guid id, string? name, string? description, CancellationToken cancellationToken)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return null;
        }

        team.Update(name!, description);
        await EnsureUniqueAsync(team, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    private async Task EnsureUniqueAsync(Team team, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(t => t.Id != team.Id && t.Name == team.Name, cancellationToken))
        {
            throw new RuleViolation("name", $"There is already a team called {team.Name}");
        }
    }
}
