using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Cli;
using Waypoint.Core.Access;
using Waypoint.Data;

namespace Waypoint.Features.Tokens;

/// <summary>Makes API tokens. The secret is returned once; only its hash is stored.</summary>
public sealed class TokenService(WaypointDb db, UserManager<WaypointUser> users, TimeProvider clock)
{
    public async Task<string> CreateAsync(string slug, string email, TokenScope scope, TimeSpan lifetime, string name, CancellationToken cancellationToken)
    {
        var key = slug.Trim().ToLowerInvariant();
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == key, cancellationToken)
            ?? throw new CliError($"there is no organisation '{slug}'.");
        db.Scope.EnterOrganisation(organisation.Id);
        var user = await users.FindByEmailAsync(email.Trim())
            ?? throw new CliError($"there is no user with the email {email}.");
        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            throw new CliError($"{email} does not belong to {organisation.Slug}: add them with 'waypoint users add' first.");
        }

        var (token, secret) = ApiToken.Issue(organisation.Id, user.Id, name, scope, clock.GetUtcNow(), lifetime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }
}
