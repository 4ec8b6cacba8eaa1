using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Waypoint.Data;

namespace Waypoint.Features.Account;

/// <summary>
/// Checks an email and password, doing the same work whatever the email is: an unknown email, an account without a
/// password (single sign-on only), a locked account and a wrong password each verify one password hash and are all
/// refused alike, so neither the answer nor its cost says whether an account exists or is locked. Accounts still lock
/// after too many wrong passwords.
/// </summary>
public sealed class PasswordSignIn(UserManager<WaypointUser> users, SignInManager<WaypointUser> signIn, IPasswordHasher<WaypointUser> hasher)
{
    private static readonly WaypointUser Nobody = new() { Id = Guid.Empty, UserName = "nobody", DisplayName = "nobody" };

    // Made once by the same hasher, with the same settings, as real passwords' hashes, so verifying against it costs
    // what verifying a real one does. Its password is random and thrown away: nothing ever matches it.
    private static string? _standInHash;

    /// <summary>The account, when the email and password match an account that may sign in now; otherwise null.</summary>
    public async Task<WaypointUser?> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user?.PasswordHash is null)
        {
            _standInHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            hasher.VerifyHashedPassword(Nobody, _standInHash, password);
            return null;
        }

        // The password is checked before the lockout, so a locked account costs the same as any other.
        var matches = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            return null;
        }

        if (!matches)
        {
            await users.AccessFailedAsync(user);
            return null;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return user;
    }
}
