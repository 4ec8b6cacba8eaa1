using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Mindset;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>
/// One campaign: its dates and state, the number of answers per group while it runs (never a score), and for
/// leaders and admins its groups, their links and invitations. Each form changes one thing and comes back here.
/// </summary>
[Authorize(Policy = Policies.ViewSurveyResults)]
[PostPolicy(Policies.ManageSurveys)]
[EditsRecord(typeof(RespondentGroup), FormKey = "groupId")]
public sealed class CampaignModel(CampaignService campaigns, InvitationService invitations, OrganisationContext organisation) : PageModel
{
    private static readonly Dictionary<string, string> SavedMessages = new(StringComparer.Ordinal)
    {
        ["added"] = "Group added",
        ["renamed"] = "Group renamed",
        ["removed"] = "Group removed",
        ["replaced"] = "New link made. The old link no longer works",
    };

    public OrganisationContext Organisation => organisation;

    public bool CanManage => organisation.Can(Permission.ManageSurveys);

    [FromRoute]
    public Guid Id { get; set; }

    public CampaignView View { get; private set; } = null!;

    public List<LiveCount>? Counts { get; private set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    public string? SavedMessage => Saved is not null && SavedMessages.TryGetValue(Saved, out var message) ? message : null;

    [BindProperty]
    public Guid? GroupId { get; set; }

    [BindProperty]
    public string? GroupName { get; set; }

    [BindProperty]
    public Guid? InviteGroup { get; set; }

    [BindProperty]
    public string? Emails { get; set; }

    /// <summary>Where Waypoint is reached, to print whole links people can copy.</summary>
    public string Origin => $"{Request.Scheme}://{Request.Host}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddGroupAsync(CancellationToken cancellationToken) =>
        ChangeAsync("added", "groupName", async () => await campaigns.AddGroupAsync(Id, GroupName, cancellationToken));

    public Task<IActionResult> OnPostRenameGroupAsync(CancellationToken cancellationToken) =>
        ChangeAsync("renamed", $"rename-{GroupId}", async () => await campaigns.RenameGroupAsync(Id, GroupId ?? Guid.Empty, GroupName, cancellationToken));

    public Task<IActionResult> OnPostRemoveGroupAsync(CancellationToken cancellationToken) =>
        ChangeAsync("removed", $"remove-{GroupId}", async () => await campaigns.RemoveGroupAsync(Id, GroupId ?? Guid.Empty, cancellationToken) ? new object() : null);

    public Task<IActionResult> OnPostReplaceLinkAsync(CancellationToken cancellationToken) =>
        ChangeAsync("replaced", $"replace-{GroupId}", async () => await campaigns.ReplaceGroupLinkAsync(Id, GroupId ?? Guid.Empty, cancellationToken));

    /// <summary>Makes one-time links for a list of addresses and hands them over as a file, once: they are never stored.</summary>
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (InviteGroup is null)
            {
                throw new RuleViolation("inviteGroup", "Choose the group to invite");
            }

            var delivery = await invitations.InviteAsync(Id, InviteGroup.Value, InvitationService.ParseList(Emails), Origin, cancellationToken);
            if (delivery is null)
            {
                return NotFound();
            }

            Response.Headers.CacheControl = "no-store";
            return File(delivery.Content ?? [], delivery.ContentType ?? "text/csv", delivery.FileName ?? "invitations.csv");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(violation.Field == "emails" ? "emails" : "inviteGroup", violation.Message);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<IActionResult> ChangeAsync(string saved, string field, Func<Task<object?>> change)
    {
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            if (await change() is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/mindset/campaigns/{Id}?saved={saved}#groups");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(field, violation.Message);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Counts = view.State == CampaignState.Closed ? null : await campaigns.LiveCountsAsync(Id, cancellationToken);
        return true;
    }
}
