using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// Taking part, with no sign-in, by whichever link the person has: the survey is opened, answered and refused the same
/// way; only how it is opened and submitted differs. Nothing about the person is read or kept (see ADR 0008), and the
/// page is never cached, so a shared computer keeps no copy.
/// </summary>
[AllowAnonymous]
public abstract class TakePartPageModel(OrganisationContext organisation) : PageModel
{
    public SurveyFormView? Form { get; private set; }

    /// <summary>Why the survey cannot be answered through this link, in words for the respondent.</summary>
    public string? Unavailable { get; private set; }

    protected string Slug => organisation.Organisation.Slug;

    /// <summary>The survey and its form for this link; throws a <see cref="RuleViolation"/> when it cannot be answered.</summary>
    protected abstract Task<SurveyFormView> OpenAsync(IReadOnlyDictionary<string, string> sent, CancellationToken cancellationToken);

    protected abstract Task SubmitAsync(SubmissionInput answers, CancellationToken cancellationToken);

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
            await SubmitAsync(SurveyPage.Read(Form!.Survey.Framework, Request.Form), cancellationToken);
            return Redirect($"/{Slug}/take-part/thank-you");
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
            Form = await OpenAsync(SurveyPage.Sent(sent), cancellationToken);
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
