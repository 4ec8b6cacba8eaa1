using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>What the step pages share: who is acting, and the messages one page leaves for the next.</summary>
public static class StepPages
{
    public static bool IsOpen(Outcome outcome) =>
        outcome.State is not (OutcomeState.Achieved or OutcomeState.Missed or OutcomeState.Retired);

    /// <summary>The signed-in person with their role here; the page's policy has already made sure they have one.</summary>
    public static Actor Actor(this PageModel page, OrganisationContext organisation) =>
        new(page.User.UserId() ?? throw new InvalidOperationException("No one is signed in."),
            organisation.Role ?? throw new InvalidOperationException("The person is not a member of this organisation."));

    /// <summary>A move refused after the page was drawn (someone else got there first) shows in the error summary.</summary>
    public static void ShowRefusedMove(this PageModel page)
    {
        if (page.TempData[StepBoard.RefusedKey] is string refused)
        {
            page.ModelState.AddModelError(string.Empty, refused);
        }
    }

    /// <summary>A sentence the previous page left, such as what the risk gate decided.</summary>
    public static string? Notice(this PageModel page) => page.TempData[StepBoard.NoticeKey] as string;
}
