using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// Taking part through a group's link, with no sign-in. Nothing about the person is read or kept: the response holds
/// the day and the answers only (see ADR 0008). The page is never cached, so a shared computer keeps no copy.
/// </summary>
[AllowAnonymous]
public sealed class TakePartModel(ResponseService responses, OrganisationContext organisation) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    public SurveyFormView? Form { get; private set; }

    /// <summary>Why the survey cannot be answered through this link, in words for the respondent.</summary>
    public string? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        SurveyPage.NoStore(Response);
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SurveyPage.NoStore(Response);
        if (!await LoadAsync(Request.Form, cancellationToken))
        {
            return Page();
        }

        try
        {
            await responses.SubmitByLinkAsync(Code, SurveyPage.Read(Form!.Survey.Framework, Request.Form), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/take-part/thank-you");
        }
        catch (RuleViolations violations)
        {
            SurveyPage.AddTo(ModelState, violations);
        }
        catch (RuleViolation violation) when (SurveyPage.IsAboutAnswers(violation))
        {
            SurveyPage.AddTo(ModelState, violation);
        }
        catch (RuleViolation violation)
        {
            Refuse(violation);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(IFormCollection? sent, CancellationToken cancellationToken)
    {
        try
        {
            var survey = await responses.OpenByLinkAsync(Code, cancellationToken);
            var slug = organisation.Organisation.Slug;
            Form = new SurveyFormView(survey, SurveyPage.Sent(sent), SurveyLinks.ForGroup(slug, Code), null, SurveyPage.StorageKey("group", Code));
            return true;
        }
        catch (RuleViolation violation)
        {
            Refuse(violation);
            return false;
        }
    }

    private void Refuse(RuleViolation violation)
    {
        Form = null;
        Unavailable = violation.Message;
        Response.StatusCode = SurveyPage.StatusFor(violation);
    }
}
