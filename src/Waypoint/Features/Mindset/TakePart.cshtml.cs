using Microsoft.AspNetCore.Mvc;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>Taking part through a group's link, with no sign-in.</summary>
public sealed class TakePartModel(ResponseService responses, OrganisationContext organisation) : TakePartPageModel(organisation)
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    protected override async Task<SurveyFormView> OpenAsync(IReadOnlyDictionary<string, string> sent, CancellationToken cancellationToken) =>
        new(await responses.OpenByLinkAsync(Code, cancellationToken), sent, SurveyLinks.ForGroup(Slug, Code), null, SurveyPage.StorageKey("group", Code));

    protected override Task SubmitAsync(SubmissionInput answers, CancellationToken cancellationToken) =>
        responses.SubmitByLinkAsync(Code, answers, cancellationToken);
}
