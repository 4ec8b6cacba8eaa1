using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Cli;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Data;

namespace Waypoint.Features.People;

/// <summary>A member of the organisation, for showing.</summary>
public sealed record MemberView(Guid MembershipId, Guid UserId, string DisplayName, string Email, Role Role, DateTimeOffset Since);

/// <summary>
/// Who belongs to the organisation in scope, and with which role. An organisation always keeps at least one
/// admin, so it can never lock itself out.
/// </summary>
public sealed class PeopleService(WaypointDb db, UserManager<WaypointUser> users, TimeProvider clock)
{
    public Task<List<MemberView>> ListAsync(CancellationToken cancellationToken) =>
        Views(db.Memberships).ToListAsync(cancellationToken);

    public Task<MemberView?> FindAsync(Guid membershipId, CancellationToken cancellationToken) =>
        Views(db.Memberships.Where(m => m.Id == membershipId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Adds a person by email. A person new to Waypoint gets an account; they need a password unless they will
    /// sign in with single sign-on.
    /// </summary>
    public async Task<MemberView> AddAsync(string? email, string? displayName, Role role, string? password, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        email = email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            throw new RuleViolation("email", "Enter an email address");
        }

        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal))
        {
            throw new RuleViolation("email", "Enter an email address in the correct format, like name@example.org");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = await CreateUserAsync(email, displayName, password);
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            throw new RuleViolation("email", $"{email} already belongs to this organisation");
        }

        var membership = new Membership(Guid.NewGuid(), organisationId, user.Id, role, clock.GetUtcNow());
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        return new MemberView(membership.Id, user.Id, user.DisplayName, user.Email!, role, membership.CreatedAt);
    }

    public async Task<MemberView?> ChangeRoleAsync(Guid membershipId, Role role, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return null;
        }

        if (membership.Role == Role.Admin && role != Role.Admin)
        {
            await EnsureAnotherAdminAsync(membership, "role", cancellationToken);
        }

        membership.ChangeRole(role);
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(membershipId, cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return false;
        }

        if (membership.Role == Role.Admin)
        {
            await EnsureAnotherAdminAsync(membership, "membership", cancellationToken);
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>For <c>waypoint users add</c>: enters the organisation by slug, then adds or re-roles the person.</summary>
    /// <param name="newOrganisationName">When the organisation does not exist yet, create it with this name: how a new installation gets its first admin.</param>
    public async Task<string> AddFromCommandLineAsync(string slug, string email, Role role, string? displayName, string? password, string? newOrganisationName, CancellationToken cancellationToken)
    {
        var key = slug.Trim().ToLowerInvariant();
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == key, cancellationToken);
        if (organisation is null)
        {
            if (string.IsNullOrWhiteSpace(newOrganisationName))
            {
                throw new CliError($"there is no organisation '{slug}': give --org-name to create it.");
            }

            try
            {
                organisation = new Organisation(Guid.NewGuid(), key, newOrganisationName, clock.GetUtcNow());
            }
            catch (RuleViolation violation)
            {
                throw new CliError($"{(violation.Field == "slug" ? "--org" : "--org-name")}: {violation.Message.TrimEnd('.')}.");
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.Scope.EnterOrganisation(organisation.Id);

        var existing = await users.FindByEmailAsync(email.Trim());
        var generated = existing is null && password is null ? GeneratePassword() : null;
        try
        {
            if (existing is not null
                && await db.Memberships.SingleOrDefaultAsync(m => m.UserId == existing.Id, cancellationToken) is { } membership)
            {
                await ChangeRoleAsync(membership.Id, role, cancellationToken);
                return $"{email} is now {role} in {organisation.Slug}.";
            }

            await AddAsync(email, displayName, role, password ?? generated, cancellationToken);
        }
        catch (RuleViolation violation)
        {
            throw new CliError($"{violation.Field}: {violation.Message}.");
        }

        return generated is null
            ? $"{email} added to {organisation.Slug} as {role}."
            : $"{email} added to {organisation.Slug} as {role}. Their password, shown only now: {generated}";
    }

    private async Task<WaypointUser> CreateUserAsync(string email, string? displayName, string? password)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        if (name.Length > WaypointUser.DisplayNameMaxLength)
        {
            throw new RuleViolation("displayName", $"Name must be {WaypointUser.DisplayNameMaxLength} characters or fewer");
        }

        var user = new WaypointUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = string.IsNullOrEmpty(password)
            ? await users.CreateAsync(user)
            : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            throw new RuleViolation(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description.TrimEnd('.'));
        }

        return user;
    }

    private async Task EnsureAnotherAdminAsync(Membership membership, string field, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.AnyAsync(m => m.Id != membership.Id && m.Role == Role.Admin, cancellationToken))
        {
            throw new RuleViolation(field, "An organisation must keep at least one admin. Make someone else an admin first");
        }
    }

    private IQueryable<MemberView> Views(IQueryable<Membership> memberships) =>
        from m in memberships.AsNoTracking()
        join u in db.Users on m.UserId equals u.Id
        orderby u.DisplayName
        select new MemberView(m.Id, u.Id, u.DisplayName, u.Email!, m.Role, m.CreatedAt);

    /// <summary>Four random words' worth of entropy, readable enough to type once and change.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
