using System.Globalization;
using System.Security.Cryptography;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Mindset;

/// <summary>Where a campaign is, from its dates and today: not yet open, taking answers, or closed with results.</summary>
public enum CampaignState
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>
/// One run of the mindset assessment: a framework version, the days it takes answers (from <see cref="OpensOn"/>
/// to <see cref="ClosesOn"/>, both included) and the groups asked. Results exist only once it has closed, and a
/// closed campaign's dates and framework never change again, so its results can never be re-cut by reopening it.
/// When its results are first needed after closing they are published (<see cref="Publish"/>) and kept as they
/// are: the minimum group size, the groups' names and what is shown no longer follow later settings or renames.
/// </summary>
public sealed class Campaign : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const int MaxGroups = 20;

    private Campaign()
    {
        Name = string.Empty;
    }

    public Campaign(Guid id, Guid organisationId, string? name, Guid frameworkId, DateOnly? opensOn, DateOnly? closesOn, DateTimeOffset createdAt)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        CreatedAt = createdAt;
        Name = Text.Required(name, NameMaxLength, "name", "a campaign name");
        (OpensOn, ClosesOn) = Dates(opensOn, closesOn);
        FrameworkId = frameworkId == Guid.Empty ? throw new RuleViolation("frameworkId", "Choose the framework the campaign asks about") : frameworkId;
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public Guid FrameworkId { get; private set; }

    /// <summary>The first day answers are taken.</summary>
    public DateOnly OpensOn { get; private set; }

    /// <summary>The last day answers are taken; results show from the day after.</summary>
    public DateOnly ClosesOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A leader closed the campaign before its closing date (on <see cref="ClosesOn"/>, which then moved to that day).</summary>
    public bool ClosedEarly { get; private set; }

    /// <summary>The day its results were published, which fixed them for good; none until then.</summary>
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Published results keep a campaign closed whatever the calendar says later (a time zone changed, say).</summary>
    public CampaignState StateOn(DateOnly today) =>
        ClosedEarly || PublishedOn is not null ? CampaignState.Closed
        : today < OpensOn ? CampaignState.Draft
        : today <= ClosesOn ? CampaignState.Open
        : CampaignState.Closed;

    /// <summary>
    /// The results this closed campaign publishes, once and for all: cut by <see cref="MindsetResults"/> with the
    /// minimum group size in force now (at closing: the caller publishes before anything it depends on changes), the
    /// groups under their names now, and changes against what the campaign before it published.
    /// </summary>
    /// <param name="groups">Every group of the campaign, by id, with its name now.</param>
    public PublishedResults Publish(Framework framework, IReadOnlyDictionary<Guid, string> groups, IReadOnlyList<Response> responses, int minimum, PublishedResults? previous, DateOnly today)
    {
        EnsureClosed(today);
        if (PublishedOn is not null)
        {
            throw new RuleViolation("campaign", "This campaign's results have already been published and cannot change");
        }

        if (framework.Id != FrameworkId || responses.Any(r => r.CampaignId != Id) || previous?.CampaignId == Id)
        {
            throw new ArgumentException("The framework, responses and earlier results must belong with this campaign.", nameof(framework));
        }

        var respondents = responses.Select(r => new Respondent(groups[r.GroupId], r.Answers, r.Comments)).ToList();
        var results = MindsetResults.Calculate(framework, [.. groups.Values], respondents, minimum, previous?.Results);
        PublishedOn = today;
        return new PublishedResults(Id, OrganisationId, previous?.CampaignId, today, results);
    }

    /// <summary>Closes an open campaign today, so that its results can be shown; it takes no more answers.</summary>
    public void CloseNow(DateOnly today)
    {
        if (StateOn(today) != CampaignState.Open)
        {
            throw new RuleViolation("campaign", "Only an open campaign can be closed early");
        }

        ClosedEarly = true;
        ClosesOn = today;
    }

    /// <summary>Changes the campaign. <paramref name="hasResponses"/>: someone has already answered it.</summary>
    public void Define(string? name, Guid frameworkId, DateOnly? opensOn, DateOnly? closesOn, bool hasResponses, DateOnly today)
    {
        var checkedName = Text.Required(name, NameMaxLength, "name", "a campaign name");
        var (opens, closes) = Dates(opensOn, closesOn);
        if (StateOn(today) == CampaignState.Closed && (opens != OpensOn || closes != ClosesOn || frameworkId != FrameworkId))
        {
            throw new RuleViolation("closesOn", "This campaign has closed. Its dates and framework can no longer change, so its results stay as they were published");
        }

        if (hasResponses && frameworkId != FrameworkId)
        {
            throw new RuleViolation("frameworkId", "People have already answered this campaign, so its framework cannot change");
        }

        if (hasResponses && opens != OpensOn)
        {
            throw new RuleViolation("opensOn", "People have already answered this campaign, so the day it opened cannot change");
        }

        if (frameworkId == Guid.Empty)
        {
            throw new RuleViolation("frameworkId", "Choose the framework the campaign asks about");
        }

        Name = checkedName;
        FrameworkId = frameworkId;
        OpensOn = opens;
        ClosesOn = closes;
    }

    /// <summary>Refuses an answer unless the campaign is taking answers today. The reason is for the respondent.</summary>
    public void EnsureOpen(DateOnly today)
    {
        switch (StateOn(today))
        {
            case CampaignState.Draft:
                throw new RuleViolation("campaign", $"This survey opens on {OpensOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Come back then to answer it");
            case CampaignState.Closed:
                throw new RuleViolation("campaign", $"This survey closed on {ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} and takes no more answers");
        }
    }

    /// <summary>Refuses to show results until the campaign has closed: before then only the number of answers per group is shown.</summary>
    public void EnsureClosed(DateOnly today)
    {
        if (StateOn(today) != CampaignState.Closed)
        {
            throw new RuleViolation("campaign", $"Results are shown once the campaign closes after {ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Until then only the number of answers per group is shown");
        }
    }

    /// <summary>A new group for this campaign, checked against the ones it already has.</summary>
    public RespondentGroup AddGroup(Guid id, string? name, IReadOnlyList<RespondentGroup> existing, DateOnly today)
    {
        if (StateOn(today) == CampaignState.Closed)
        {
            throw new RuleViolation("name", "This campaign has closed, so its groups can no longer change");
        }

        if (existing.Count >= MaxGroups)
        {
            throw new RuleViolation("name", $"A campaign can have at most {MaxGroups} groups");
        }

        return new RespondentGroup(id, this, RespondentGroup.CheckName(name, existing, null));
    }

    /// <summary>Refuses to remove a group that has answers, or the last group.</summary>
    public void EnsureCanRemove(RespondentGroup group, IReadOnlyList<RespondentGroup> existing, bool groupHasResponses, DateOnly today)
    {
        if (StateOn(today) == CampaignState.Closed)
        {
            throw new RuleViolation("groupId", "This campaign has closed, so its groups can no longer change");
        }

        if (groupHasResponses)
        {
            throw new RuleViolation("groupId", $"People in {group.Name} have already answered, so the group cannot be removed. You can rename it");
        }

        if (existing.Count <= 1)
        {
            throw new RuleViolation("groupId", "A campaign needs at least one group");
        }
    }

    private static (DateOnly Opens, DateOnly Closes) Dates(DateOnly? opensOn, DateOnly? closesOn)
    {
        var opens = opensOn ?? throw new RuleViolation("opensOn", "Enter the day the campaign opens");
        var closes = closesOn ?? throw new RuleViolation("closesOn", "Enter the last day the campaign takes answers");
        DateRules.Check(opens, "opensOn", "The day the campaign opens");
        DateRules.Check(closes, "closesOn", "The day the campaign closes");
        if (closes <= opens)
        {
            throw new RuleViolation("closesOn", "The campaign must close after the day it opens");
        }

        return (opens, closes);
    }
}

/// <summary>
/// A closed campaign's results as they were published: kept whole, so that nothing decided later — a new minimum
/// group size, a renamed group, a change in how results are cut — alters what was shown. Changes are against the
/// results of <see cref="ComparedWithId"/>, the campaign that had closed before it.
/// </summary>
public sealed class PublishedResults : ITenantOwned
{
    private PublishedResults()
    {
        Results = null!;
    }

    internal PublishedResults(Guid campaignId, Guid organisationId, Guid? comparedWithId, DateOnly publishedOn, CampaignResults results)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
        ComparedWithId = comparedWithId;
        PublishedOn = publishedOn;
        Results = results;
    }

    public Guid CampaignId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? ComparedWithId { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public CampaignResults Results { get; private set; }
}

/// <summary>
/// A set of people asked in a campaign, such as "Frontline staff". Results are shown per group, and never for a
/// group too small to hide one person in. The link code lets anyone with the group's link answer; once the group
/// has invitations, only their one-time links do.
/// </summary>
public sealed class RespondentGroup : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 100;

    /// <summary>The groups a new campaign starts with: the whole organisation and those it works with.</summary>
    public static readonly IReadOnlyList<string> DefaultNames =
        ["Leadership", "Service managers", "Frontline staff", "Digital and IT", "Councillors", "Partners and suppliers"];

    private RespondentGroup()
    {
        Name = string.Empty;
        LinkCode = string.Empty;
    }

    internal RespondentGroup(Guid id, Campaign campaign, string name)
        : this()
    {
        Id = id;
        OrganisationId = campaign.OrganisationId;
        CampaignId = campaign.Id;
        Name = name;
        LinkCode = NewCode();
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public string Name { get; private set; }

    /// <summary>128 random bits, base64url: the group's link cannot be guessed from another's.</summary>
    public string LinkCode { get; private set; }

    /// <summary>Whether the group answers only through one-time invitation links.</summary>
    public bool ByInvitation { get; private set; }

    public void Rename(string? name, IReadOnlyList<RespondentGroup> existing) => Name = CheckName(name, existing, Id);

    /// <summary>From the first invitation on, the group's open link stops working: each invitee answers once.</summary>
    public void RequireInvitations() => ByInvitation = true;

    /// <summary>Makes a new group link; the old one stops working.</summary>
    public void ReplaceLink() => LinkCode = NewCode();

    /// <summary>The name, or the reason it cannot be a group's name among <paramref name="existing"/>.</summary>
    public static string CheckName(string? name, IReadOnlyList<RespondentGroup> existing, Guid? self)
    {
        var checkedName = Text.Required(name, NameMaxLength, "name", "a group name");
        if (existing.Any(g => g.Id != self && string.Equals(g.Name, checkedName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolation("name", $"There is already a group called {checkedName} in this campaign");
        }

        return checkedName;
    }

    internal static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(16));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
