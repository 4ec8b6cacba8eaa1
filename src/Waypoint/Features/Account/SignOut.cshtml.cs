using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Data;

namespace Waypoint.Features.Account;

/// <summary>Signing out is a POST (from the button on every page) so that another site cannot sign you out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<WaypointUser> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signed-out");
    }
}
