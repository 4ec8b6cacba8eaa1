using Microsoft.AspNetCore.Mvc;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// Taking part through a one-time invitation link. The link carries its token (it arrives by email); the form moves
/// it into a hidden field and posts to an address without it, so the token appears nowhere else on the page and in
/// no later address. Nothing joins the response to the invitation (see ADR 0008).
/// </summary>
public sealed class InvitedModel(ResponseService responses, OrganisationContext organisation) : TakePartPageModel(organisation)
{
    /// <summary>From the link on GET; from the form's hidden field on POST.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    protected override async Task<SurveyFormView> OpenAsync(IReadOnlyDictionary<string, string> sent, CancellationToken cancellationToken)
    {
        var survey = await responses.OpenByInvitationAsync(Token, cancellationToken);
        var token = Token!.Trim();
        return new(survey, sent, $"/{Slug}/take-part/invited", token, SurveyPage.StorageKey("invitation", token));
    }

    protected override Task SubmitAsync(SubmissionInput answers, CancellationToken cancellationToken) =>
        responses.SubmitByInvitationAsync(Token, answers, cancellationToken);
}
