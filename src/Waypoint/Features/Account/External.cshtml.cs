using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data;
using Waypoint.Infrastructure;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Features.Account;

/// <summary>
/// Single sign-on: POST starts it, GET is where the identity provider's answer lands. A person is signed in only
/// when the provider vouches for an email address that already has a Waypoint account.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<WaypointUser> signIn, UserManager<WaypointUser> users, WaypointSettings settings) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnPost(string? returnUrl)
    {
        if (!settings.OpenIdConnect.IsEnabled)
        {
            return NotFound();
        }

        var callback = "/account/external?returnUrl=" + Uri.EscapeDataString(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (!settings.OpenIdConnect.IsEnabled)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal?.FindFirstValue("email") ?? external.Principal?.FindFirstValue(ClaimTypes.Email);
        if (!external.Succeeded || string.IsNullOrEmpty(email))
        {
            Problem = "Your organisation's sign-in did not tell us your email address, so we could not sign you in.";
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            Problem = $"There is no Waypoint account for {email}. Ask an admin of your organisation to add you.";
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            Problem = "This account is locked. Try again later.";
            return Page();
        }

        await SignInModel.SignInAsync(signIn, user);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
