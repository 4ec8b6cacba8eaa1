using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Mindset;
using Waypoint.Features.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

public sealed record StatementDto(int Number, string Text);

public sealed record FeatureDto(int Number, string Name, string Description, IReadOnlyList<StatementDto> Statements);

/// <summary>A framework version with its features and statements. <see cref="InUse"/>: a campaign uses it, so it can be cloned but not edited.</summary>
public sealed record FrameworkDto(Guid Id, string Name, int Version, bool InUse, Guid? BasedOnId, DateTimeOffset CreatedAt, IReadOnlyList<FeatureDto> Features, int Revision) : IVersioned
{
    // A campaign starting to use the framework does not change the framework's record, so an edit does not look stale.
    public RecordKey StoredAs() => new(typeof(Framework), Id);

    public static FrameworkDto From(Framework f, bool inUse) => new(f.Id, f.Name, f.Version, inUse, f.BasedOnId, f.CreatedAt,
        f.Features.Select(x => new FeatureDto(x.Number, x.Name, x.Description, x.Statements.Select(s => new StatementDto(s.Number, s.Text)).ToList())).ToList(),
        f.Revision);
}

/// <summary>
/// A group of a campaign. <see cref="LinkCode"/> and <see cref="Link"/> are given only to people who manage surveys:
/// anyone holding them can answer as the group.
/// </summary>
public sealed record GroupDto(Guid Id, string Name, bool ByInvitation, int Invitations, string? LinkCode, string? Link, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(RespondentGroup), Id);
}

/// <summary>A campaign, its state today and its groups.</summary>
public sealed record CampaignDto(
    Guid Id, string Name, Guid FrameworkId, string FrameworkName, int FrameworkVersion,
    DateOnly OpensOn, DateOnly ClosesOn, bool ClosedEarly, CampaignState State, bool HasResponses, IReadOnlyList<GroupDto> Groups, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Campaign), Id);

    public static CampaignDto From(CampaignView v, string organisationSlug, bool withLinks) => new(
        v.Campaign.Id, v.Campaign.Name, v.Framework.Id, v.Framework.Name, v.Framework.Version,
        v.Campaign.OpensOn, v.Campaign.ClosesOn, v.Campaign.ClosedEarly, v.State, v.HasResponses,
        v.Groups.Select(g => new GroupDto(g.Id, g.Name, g.ByInvitation, g.Invitations,
            withLinks ? g.LinkCode : null, withLinks ? SurveyLinks.ForGroup(organisationSlug, g.LinkCode) : null, g.Revision)).ToList(),
        v.Campaign.Revision);
}

public sealed record GroupInput(string? Name);

/// <summary>The email addresses to invite, one a item.</summary>
public sealed record InvitationsInput(IReadOnlyList<string>? Emails);

/// <summary>
/// A respondent's answers. Exactly one of <see cref="Link"/> (a group's link code) and <see cref="Token"/> (the
/// one-time token from an invitation link); every statement answered 1 to 5, or 0 for "don't know".
/// </summary>
public sealed record SurveyAnswers(string? Link, string? Token, IReadOnlyList<AnswerInput>? Answers, IReadOnlyList<CommentInput>? Comments);

/// <summary>
/// A published figure: how many responded, how many of them gave an answer on the scale (the figure rests on
/// them), the mean score (1 to 5), the spread of answers, the same figure's mean in the last campaign and the
/// change since then. Means are rounded to two places, halves away from zero; the change is the difference of the
/// two rounded means, so it always agrees with them.
/// </summary>
public sealed record CellDto(int Respondents, int Answered, decimal Mean, Distribution Distribution, decimal? Previous, decimal? Change)
{
    public const int Places = 2;

    public static CellDto From(Cell c) => new(c.Respondents, c.Answered, Figures.Round(c.Mean, Places), c.Distribution,
        c.Previous is { } p ? Figures.Round(p, Places) : null, c.Change(Places));
}

public sealed record GroupCellDto(string Group, CellDto Figures);

public sealed record CommentDto(string Text, string? Group);

/// <summary>One feature's figures: per group shown, for everyone (when shown), and the comments, alphabetically.</summary>
public sealed record FeatureResultDto(int Number, string Name, IReadOnlyList<GroupCellDto> Groups, CellDto? Total, IReadOnlyList<CommentDto> Comments)
{
    public static FeatureResultDto From(FeatureResult f) => new(f.Number, f.Name,
        f.Groups.Select(g => new GroupCellDto(g.Group, CellDto.From(g.Cell))).ToList(),
        f.Total is { } total ? CellDto.From(total) : null,
        f.Comments.Select(c => new CommentDto(c.Text, c.Group)).ToList());
}

public sealed record OverallDto(IReadOnlyList<GroupCellDto> Groups, CellDto? Total);

public sealed record PreviousCampaignDto(Guid Id, string Name);

/// <summary>
/// A closed campaign's results as they were published when it closed, already cut down: <see cref="Shown"/> groups
/// have figures (a feature may still hold a group back); <see cref="HeldBack"/> groups are named only (too few
/// answered to stay anonymous, or taken down beside such a group); <see cref="NoResponses"/> are groups no one
/// answered in. <see cref="MinimumGroupSize"/> is the one in force when the results were published.
/// </summary>
public sealed record ResultsDto(
    Guid CampaignId, string CampaignName, DateOnly ClosedOn, int MinimumGroupSize, PreviousCampaignDto? ComparedWith,
    IReadOnlyList<string> Shown, IReadOnlyList<string> HeldBack, IReadOnlyList<string> NoResponses,
    IReadOnlyList<FeatureResultDto> Features, OverallDto Overall)
{
    public static ResultsDto From(ResultsView v) => new(
        v.Campaign.Id, v.Campaign.Name, v.Campaign.ClosesOn, v.Results.Minimum,
        v.Previous is { } p ? new PreviousCampaignDto(p.Id, p.Name) : null,
        v.Results.Shown, v.Results.Suppressed, v.Results.NoResponses,
        v.Results.Features.Select(FeatureResultDto.From).ToList(),
        new OverallDto(v.Results.OverallGroups.Select(g => new GroupCellDto(g.Group, CellDto.From(g.Cell))).ToList(),
            v.Results.Overall is { } o ? CellDto.From(o) : null));
}

public sealed record MindsetSettingsDto(int MinimumGroupSize, int Revision, [property: System.Text.Json.Serialization.JsonIgnore] Guid OrganisationId) : IVersioned
{
    // The settings are the organisation's own record.
    public RecordKey StoredAs() => new(typeof(Waypoint.Core.Organisations.Organisation), OrganisationId);

    public static MindsetSettingsDto From(Waypoint.Core.Organisations.Organisation o) => new(o.MinimumGroupSize, o.Revision, o.Id);
}

/// <summary>
/// The mindset assessment's API. Reading frameworks, campaigns, live counts and results needs
/// <see cref="Policies.ViewSurveyResults"/> (members, leaders, admins); changing anything needs
/// <see cref="Policies.ManageSurveys"/> (leaders, admins); an outcome from a feature needs
/// <see cref="Policies.ManageOutcomes"/>. Answering needs no sign-in and is never read back.
/// </summary>
public static class MindsetApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var mindset = api.MapGroup("/mindset").WithTags("Mindset");
        MapFrameworks(mindset);
        MapCampaigns(mindset);
        MapResponses(mindset);
        MapResults(mindset);

        mindset.MapGet("/settings", async (MindsetSettingsService service, HttpContext http, CancellationToken ct) =>
                http.WithETag(MindsetSettingsDto.From(await service.OrganisationAsync(ct))))
            .WithName("GetMindsetSettings").WithSummary("The smallest group whose survey results are shown")
            .RequirePermission(Policies.ManageSurveys);

        mindset.MapPut("/settings", (MindsetSettingsInput input, MindsetSettingsService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, async () => MindsetSettingsDto.From(await service.OrganisationAsync(ct)), () => service.ChangeAsync(input, ct)))
            .WithName("SetMindsetSettings").WithSummary("Change the smallest group whose survey results are shown: 3 to 100 (send If-Match); campaigns already closed keep the minimum they closed with")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);
    }

    private static void MapFrameworks(RouteGroupBuilder mindset)
    {
        var frameworks = mindset.MapGroup("/frameworks");

        frameworks.MapGet("/", async (FrameworkService service, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page(await service.ListAsync(ct), page, pageSize)))
            .WithName("ListMindsetFrameworks").WithSummary("The organisation's framework versions; a version in use can be cloned but not edited")
            .RequirePermission(Policies.ViewSurveyResults);

        frameworks.MapGet("/{id:guid}", async Task<Results<Ok<FrameworkDto>, NotFound>> (Guid id, FrameworkService service, HttpContext http, CancellationToken ct) =>
                await ReadFrameworkAsync(service, id, ct) is { } dto ? http.WithETag(dto) : TypedResults.NotFound())
            .WithName("GetMindsetFramework").WithSummary("A framework version with its features and statements")
            .RequirePermission(Policies.ViewSurveyResults);

        frameworks.MapPost("/{id:guid}/clone", async Task<Results<Created<FrameworkDto>, NotFound>> (Guid id, FrameworkService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await service.CloneAsync(id, ct) is { } clone ? CreatedFramework(http, org, clone, inUse: false) : TypedResults.NotFound())
            .WithName("CloneMindsetFramework").WithSummary("Make the next version of a framework, with the same features, ready to edit")
            .RequirePermission(Policies.ManageSurveys);

        frameworks.MapPut("/{id:guid}", (Guid id, FrameworkInput input, FrameworkService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadFrameworkAsync(service, id, ct), () => service.EditAsync(id, input, ct)))
            .WithName("EditMindsetFramework").WithSummary("Replace a framework version's name and features, while no campaign uses it (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        frameworks.MapGet("/{id:guid}/export", async Task<Results<Ok<FrameworkDocument>, NotFound>> (Guid id, FrameworkService service, CancellationToken ct) =>
                await service.ExportAsync(id, ct) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound())
            .WithName("ExportMindsetFramework").WithSummary("A framework version as the JSON document that import reads")
            .RequirePermission(Policies.ViewSurveyResults);

        frameworks.MapPost("/import", async Task<Created<FrameworkDto>> (FrameworkDocument document, FrameworkService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                CreatedFramework(http, org, await service.ImportAsync(document, ct), inUse: false))
            .WithName("ImportMindsetFramework").WithSummary("Add a framework from its JSON document, as the next version of its name")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);
    }

    private static void MapCampaigns(RouteGroupBuilder mindset)
    {
        var campaigns = mindset.MapGroup("/campaigns");

        campaigns.MapGet("/", async (CampaignService service, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page(await service.ListAsync(ct), page, pageSize)))
            .WithName("ListMindsetCampaigns").WithSummary("Campaigns of the mindset assessment, latest first, with their state today")
            .RequirePermission(Policies.ViewSurveyResults);

        campaigns.MapPost("/", async Task<Created<CampaignDto>> (CampaignInput input, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                var dto = (await ReadCampaignAsync(service, org, created.Id, ct))!;
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/mindset/campaigns/{dto.Id}", dto);
            })
            .WithName("CreateMindsetCampaign").WithSummary("Plan a campaign: a framework version, the first and last day it takes answers, and its groups (the six defaults if none)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapGet("/{id:guid}", async Task<Results<Ok<CampaignDto>, NotFound>> (Guid id, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await ReadCampaignAsync(service, org, id, ct) is { } dto ? http.WithETag(dto) : TypedResults.NotFound())
            .WithName("GetMindsetCampaign").WithSummary("A campaign and its groups; the groups' links only for people who manage surveys")
            .RequirePermission(Policies.ViewSurveyResults);

        campaigns.MapPut("/{id:guid}", (Guid id, CampaignInput input, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadCampaignAsync(service, org, id, ct), () => service.UpdateAsync(id, input, ct)))
            .WithName("UpdateMindsetCampaign").WithSummary("Change a campaign's name, framework or dates; once answered the framework and opening day stay, once closed only the name changes (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapPost("/{id:guid}/close", async Task<Results<Ok<CampaignDto>, NotFound>> (Guid id, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await service.CloseNowAsync(id, ct) is null ? TypedResults.NotFound() : http.WithETag((await ReadCampaignAsync(service, org, id, ct))!))
            .WithName("CloseMindsetCampaign").WithSummary("Close an open campaign today, so that its results are shown; it takes no more answers")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapGet("/{id:guid}/counts", async Task<Results<Ok<List<LiveCount>>, NotFound>> (Guid id, CampaignService service, CancellationToken ct) =>
                await service.LiveCountsAsync(id, ct) is { } counts ? TypedResults.Ok(counts) : TypedResults.NotFound())
            .WithName("GetMindsetLiveCounts").WithSummary("While a campaign is open, how many have answered in each group (never a score); below the minimum group size only that there are fewer (fewerThan); after closing, see the results")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ViewSurveyResults);

        campaigns.MapPost("/{id:guid}/groups", async Task<Results<Created<GroupDto>, NotFound>> (Guid id, GroupInput input, CampaignService service, OrganisationContext org, CancellationToken ct) =>
            {
                if (await service.AddGroupAsync(id, input.Name, ct) is not { } group)
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/mindset/campaigns/{id}", GroupOf(await ReadCampaignAsync(service, org, id, ct), group.Id));
            })
            .WithName("AddMindsetGroup").WithSummary("Add a group of people to ask, until the campaign closes")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapGet("/{id:guid}/groups/{groupId:guid}", async Task<Results<Ok<GroupDto>, NotFound>> (Guid id, Guid groupId, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await ReadGroupAsync(service, org, id, groupId, ct) is { } group ? http.WithETag(group) : TypedResults.NotFound())
            .WithName("GetMindsetGroup").WithSummary("One group of a campaign, with its ETag for renaming it")
            .RequirePermission(Policies.ViewSurveyResults);

        campaigns.MapPut("/{id:guid}/groups/{groupId:guid}", (Guid id, Guid groupId, GroupInput input, CampaignService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadGroupAsync(service, org, id, groupId, ct), () => service.RenameGroupAsync(id, groupId, input.Name, ct)))
            .WithName("RenameMindsetGroup").WithSummary("Rename a group (also after closing: published results keep the name they were published with) (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapDelete("/{id:guid}/groups/{groupId:guid}", async Task<Results<NoContent, NotFound>> (Guid id, Guid groupId, CampaignService service, CancellationToken ct) =>
                await service.RemoveGroupAsync(id, groupId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RemoveMindsetGroup").WithSummary("Remove a group no one has answered in yet; a campaign keeps at least one")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapPost("/{id:guid}/groups/{groupId:guid}/link", async Task<Results<Ok<GroupDto>, NotFound>> (Guid id, Guid groupId, CampaignService service, OrganisationContext org, CancellationToken ct) =>
                await service.ReplaceGroupLinkAsync(id, groupId, ct) is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(GroupOf(await ReadCampaignAsync(service, org, id, ct), groupId)))
            .WithName("ReplaceMindsetGroupLink").WithSummary("Make a new link for a group; the old one stops working")
            .RequirePermission(Policies.ManageSurveys);

        campaigns.MapPost("/{id:guid}/groups/{groupId:guid}/invitations", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid groupId, InvitationsInput input, InvitationService service, HttpContext http, CancellationToken ct) =>
            {
                var origin = $"{http.Request.Scheme}://{http.Request.Host}";
                if (await service.InviteAsync(id, groupId, input.Emails, origin, ct) is not { Content: { } content } delivery)
                {
                    return TypedResults.NotFound();
                }

                // The links exist only in this answer: nothing on the way should keep a copy.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(content, delivery.ContentType ?? "text/csv", delivery.FileName);
            })
            .WithName("InviteToMindsetGroup").WithSummary("One-time links for a list of email addresses, as a CSV (email,link) given once and never again; from then on the group answers only by invitation")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSurveys);
    }

    private static void MapResponses(RouteGroupBuilder mindset) =>
        mindset.MapPost("/responses", async Task<NoContent> (SurveyAnswers input, ResponseService service, HttpContext http, CancellationToken ct) =>
            {
                var submission = new SubmissionInput(input.Answers, input.Comments);
                var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link;
                var token = string.IsNullOrWhiteSpace(input.Token) ? null : input.Token;
                switch (link, token)
                {
                    case (null, null):
                        throw new RuleViolation("link", "Send the link code of your group's survey link, or the token of your invitation");
                    case ({ }, { }):
                        throw new RuleViolation("token", "Send either a group's link code or an invitation's token, not both");
                    case (null, { }):
                        await service.SubmitByInvitationAsync(token, submission, ct);
                        break;
                    default:
                        await service.SubmitByLinkAsync(link, submission, ct);
                        break;
                }

                // Nothing that could identify the response: no id, no location, no time.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.NoContent();
            })
            .WithMetadata(new RateLimitedAsAttribute(RateLimitKind.SurveyAnswer))
            .WithName("AnswerMindsetSurvey").WithSummary("Answer a survey with a group's link code or an invitation's one-time token; no sign-in, and no answer is ever read back")
            .ProducesValidationProblem()
            .AllowAnonymous();

    private static void MapResults(RouteGroupBuilder mindset)
    {
        var results = mindset.MapGroup("/campaigns/{id:guid}/results");

        results.MapGet("/", async Task<Results<Ok<ResultsDto>, NotFound>> (Guid id, ResultsService service, CancellationToken ct) =>
                await service.ResultsAsync(id, ct) is { } view ? TypedResults.Ok(ResultsDto.From(view)) : TypedResults.NotFound())
            .WithName("GetMindsetResults").WithSummary("A closed campaign's results as published when it closed: per feature and group shown, each figure resting on at least the minimum who answered it, with the change since the last campaign; held-back groups are named without figures")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ViewSurveyResults);

        results.MapGet("/features/{number:int}", async Task<Results<Ok<FeatureResultDto>, NotFound>> (Guid id, int number, string? group, ResultsService service, CancellationToken ct) =>
            {
                if (await service.ResultsAsync(id, ct) is not { } view)
                {
                    return TypedResults.NotFound();
                }

                var feature = view.Results.Feature(number) ?? throw new RuleViolation("number", "This campaign's framework has no feature with that number");
                if (group is null)
                {
                    return TypedResults.Ok(FeatureResultDto.From(feature));
                }

                // Refused, without a count, when the group is held back.
                var cell = (await service.CellAsync(id, number, group, ct))!;
                var shown = view.Results.Shown.First(g => string.Equals(g, group, StringComparison.OrdinalIgnoreCase));
                return TypedResults.Ok(FeatureResultDto.From(feature with
                {
                    Groups = [new GroupCell(shown, cell)],
                    Comments = feature.Comments.Where(c => c.Group == shown).ToList(),
                }));
            })
            .WithName("GetMindsetFeatureResult").WithSummary("One feature's results; with ?group= only that group's, refused when the group is held back")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ViewSurveyResults);

        results.MapPost("/features/{number:int}/outcome", async Task<Results<Created<OutcomeDto>, NotFound>> (Guid id, int number, OutcomeInput input, ResultsService service, OutcomeService outcomes, OrganisationContext org, CancellationToken ct) =>
            {
                if (await service.SuggestOutcomeAsync(id, number, ct) is not { } suggested)
                {
                    return TypedResults.NotFound();
                }

                var merged = input with
                {
                    Title = string.IsNullOrWhiteSpace(input.Title) ? suggested.Title : input.Title,
                    UserNeed = string.IsNullOrWhiteSpace(input.UserNeed) ? suggested.UserNeed : input.UserNeed,
                    DoneMeans = string.IsNullOrWhiteSpace(input.DoneMeans) ? suggested.DoneMeans : input.DoneMeans,
                    Visibility = input.Visibility ?? suggested.Visibility,
                };
                var outcome = (await service.CreateOutcomeAsync(id, number, merged, ct))!;
                var dto = OutcomeDto.From((await outcomes.FindAsync(outcome.Id, ct))!.Summary);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/outcomes/{dto.Id}", dto);
            })
            .WithName("CreateOutcomeFromMindsetFeature").WithSummary("Create an outcome to strengthen a feature of closed results, linked to the campaign and feature; title, user need and what done means default to a suggestion")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);
    }

    private static Created<FrameworkDto> CreatedFramework(HttpContext http, OrganisationContext org, Framework framework, bool inUse)
    {
        var dto = FrameworkDto.From(framework, inUse);
        http.Response.Headers.ETag = Api.ETagFor(dto);
        return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/mindset/frameworks/{dto.Id}", dto);
    }

    private static async Task<FrameworkDto?> ReadFrameworkAsync(FrameworkService service, Guid id, CancellationToken ct) =>
        await service.FindAsync(id, ct) is { } framework ? FrameworkDto.From(framework, await service.IsInUseAsync(id, ct)) : null;

    private static async Task<CampaignDto?> ReadCampaignAsync(CampaignService service, OrganisationContext org, Guid id, CancellationToken ct) =>
        await service.FindAsync(id, ct) is { } view ? CampaignDto.From(view, org.Organisation.Slug, org.Can(Permission.ManageSurveys)) : null;

    private static GroupDto GroupOf(CampaignDto? campaign, Guid groupId) => campaign!.Groups.Single(g => g.Id == groupId);

    private static async Task<GroupDto?> ReadGroupAsync(CampaignService service, OrganisationContext org, Guid id, Guid groupId, CancellationToken ct) =>
        (await ReadCampaignAsync(service, org, id, ct))?.Groups.FirstOrDefault(g => g.Id == groupId);
}
