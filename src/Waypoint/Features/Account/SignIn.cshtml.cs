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

[AllowAnonymous]
public sealed class SignInModel(SignInManager<WaypointUser> signIn, UserManager<WaypointUser> users, WaypointSettings settings) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
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

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("email", "Enter an email address and password that match an account");
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("email", "This account is locked for 15 minutes after too many wrong passwords. Try again later");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("email", "Enter an email address and password that match an account");
            return Page();
        }

        await SignInAsync(signIn, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>Signs in with the claims every page reads: the user's id and display name.</summary>
    internal static Task SignInAsync(SignInManager<WaypointUser> signIn, WaypointUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(WaypointClaims.DisplayName, user.DisplayName)]);
}
