using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// Taking part through a one-time invitation link. The link carries its token (it arrives by email); the form moves
/// it into a hidden field and posts to an address without it, so the token appears nowhere else on the page and in
/// no later address. Nothing joins the response to the invitation (see ADR 0008).
/// </summary>
[AllowAnonymous]
public sealed class InvitedModel(ResponseService responses, OrganisationContext organisation) : PageModel
{
    /// <summary>From the link on GET; from the form's hidden field on POST.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public SurveyFormView? Form { get; private set; }

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
            await responses.SubmitByInvitationAsync(Token, SurveyPage.Read(Form!.Survey.Framework, Request.Form), cancellationToken);
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
            var survey = await responses.OpenByInvitationAsync(Token, cancellationToken);
            var action = $"/{organisation.Organisation.Slug}/take-part/invited";
            Form = new SurveyFormView(survey, SurveyPage.Sent(sent), action, Token!.Trim(), SurveyPage.StorageKey("invitation", Token.Trim()));
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
