using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waypoint.Features.Mindset;

/// <summary>After answering: the same words for everyone, with nothing that could identify the response.</summary>
[AllowAnonymous]
public sealed class ThankYouModel : PageModel
{
    public void OnGet() => SurveyPage.NoStore(Response);
}
