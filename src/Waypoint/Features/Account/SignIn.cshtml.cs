using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data;
using Waypoint.Infrastructure;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Account;

[AllowAnonymous]
[RateLimitedAs(RateLimitKind.SignIn)]
public sealed class SignInModel(SignInManager<WaypointUser> signIn, PasswordSignIn passwords, WaypointSettings settings) : PageModel
{
    /// <summary>
    /// Every refusal reads the same, whether the email is unknown, the password wrong or the account locked: the page
    /// must not tell anyone which accounts exist.
    /// </summary>
    public const string Refusal = "Enter an email address and password that match an account";

    // From the form only: the rate limiter partitions sign-in attempts by this field (ADR 0012), so it must be the one
    // the check uses; and a password never travels in an address.
    [BindProperty]
    [FromForm(Name = "email")]
    public string? Email { get; set; }

    [BindProperty]
    [FromForm(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SingleSignOn => settings.OpenIdConnect.IsEnabled;

    public string SingleSignOnName => settings.OpenIdConnect.DisplayName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError("email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", "Enter your password");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var user = await passwords.CheckAsync(Email!.Trim(), Password!);
        if (user is null)
        {
            ModelState.AddModelError("email", Refusal);
            return Page();
        }

        await SignInAsync(signIn, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>Signs in with the claims every page reads: the user's id and display name.</summary>
    internal static Task SignInAsync(SignInManager<WaypointUser> signIn, WaypointUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(WaypointClaims.DisplayName, user.DisplayName)]);
}
