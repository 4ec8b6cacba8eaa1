using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Opens = new(2026, 11, 2);
    private static readonly DateOnly Closes = new(2026, 11, 27);

    internal static (Campaign Campaign, Framework Framework, List<RespondentGroup> Groups) Make(DateOnly? opens = null, DateOnly? closes = null)
    {
        var organisation = Guid.NewGuid();
        var framework = DefaultFramework.Create(Guid.NewGuid(), organisation, Now);
        var campaign = new Campaign(Guid.NewGuid(), organisation, "Autumn 2026", framework.Id, opens ?? Opens, closes ?? Closes, Now);
        var groups = new List<RespondentGroup>();
        foreach (var name in RespondentGroup.DefaultNames)
        {
            groups.Add(campaign.AddGroup(Guid.NewGuid(), name, groups, Opens.AddDays(-1)));
        }

        return (campaign, framework, groups);
    }

    [Theory]
    [InlineData("2026-11-01", CampaignState.Draft)]
    [InlineData("2026-11-02", CampaignState.Open)]
    [InlineData("2026-11-27", CampaignState.Open)]
    [InlineData("2026-11-28", CampaignState.Closed)]
    public void The_state_follows_the_dates_both_included(string today, CampaignState state) =>
        Assert.Equal(state, Make().Campaign.StateOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_campaign_closes_after_it_opens() =>
        Assert.Equal("closesOn", Assert.Throws<RuleViolation>(() => new Campaign(Guid.NewGuid(), Guid.NewGuid(), "Same day", Guid.NewGuid(), Opens, Opens, Now)).Field);

    [Fact]
    public void The_framework_cannot_change_once_someone_has_answered()
    {
        var (campaign, _, _) = Make();
        Assert.Equal("frameworkId", Assert.Throws<RuleViolation>(() => campaign.Define("Autumn", Guid.NewGuid(), Opens, Closes, hasResponses: true, Opens.AddDays(3))).Field);
        campaign.Define("Autumn", Guid.NewGuid(), Opens, Closes, hasResponses: false, Opens.AddDays(3));
    }

    [Fact]
    public void A_closed_campaign_cannot_be_reopened()
    {
        var (campaign, _, _) = Make();
        var error = Assert.Throws<RuleViolation>(() => campaign.Define(campaign.Name, campaign.FrameworkId, Opens, Closes.AddDays(7), true, Closes.AddDays(1)));
        Assert.Equal("closesOn", error.Field);
        campaign.Define("Renamed", campaign.FrameworkId, Opens, Closes, true, Closes.AddDays(1));
        Assert.Equal("Renamed", campaign.Name);
    }

    [Fact]
    public void A_leader_can_close_an_open_campaign_early_and_then_it_takes_no_answers()
    {
        var (campaign, _, _) = Make();
        var today = Opens.AddDays(10);
        Assert.Equal("Results are shown once the campaign closes after 27 November 2026. Until then only the number of answers per group is shown",
            Assert.Throws<RuleViolation>(() => campaign.EnsureClosed(today)).Message);
        campaign.CloseNow(today);
        Assert.Equal((CampaignState.Closed, today), (campaign.StateOn(today), campaign.ClosesOn));
        campaign.EnsureClosed(today);
        Assert.Equal("This survey closed on 12 November 2026 and takes no more answers", Assert.Throws<RuleViolation>(() => campaign.EnsureOpen(today)).Message);
        Assert.Equal("Only an open campaign can be closed early", Assert.Throws<RuleViolation>(() => campaign.CloseNow(today)).Message);
        Assert.Equal("Only an open campaign can be closed early", Assert.Throws<RuleViolation>(() => Make().Campaign.CloseNow(Opens.AddDays(-1))).Message);
    }

    [Fact]
    public void Group_names_are_unique_and_the_last_group_stays()
    {
        var (campaign, _, groups) = Make();
        Assert.Equal("name", Assert.Throws<RuleViolation>(() => campaign.AddGroup(Guid.NewGuid(), "councillors", groups, Opens)).Field);
        Assert.Throws<RuleViolation>(() => campaign.EnsureCanRemove(groups[0], groups, groupHasResponses: true, Opens));
        Assert.Throws<RuleViolation>(() => campaign.EnsureCanRemove(groups[0], groups.Take(1).ToList(), groupHasResponses: false, Opens));
        campaign.EnsureCanRemove(groups[0], groups, groupHasResponses: false, Opens);
    }

    [Fact]
    public void Group_links_and_invitation_tokens_are_long_random_and_only_hashes_are_kept()
    {
        var (_, _, groups) = Make();
        Assert.Equal(groups.Count, groups.Select(g => g.LinkCode).Distinct().Count());
        Assert.All(groups, g => Assert.True(g.LinkCode.Length >= 22));
        var (invitation, token) = Invitation.Issue(groups[0]);
        Assert.True(token.Length >= 43);
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        // The mark a spend leaves shares nothing with the hash that finds the invitation, nor with the token.
        var mark = Invitation.MarkOf(token);
        Assert.Equal(64, mark.Length);
        Assert.NotEqual(invitation.TokenHash, mark);
        Assert.DoesNotContain(token, mark, StringComparison.Ordinal);
        Assert.False(invitation.Spent);
        // A free place holds random characters as long as a mark, never the mark itself.
        Assert.Equal(mark.Length, invitation.SpentMark!.Length);
        Assert.NotEqual(mark, invitation.SpentMark);
    }

    [Fact]
    public void A_spend_goes_to_a_place_picked_at_random_among_the_free_ones()
    {
        var free = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        // Over many picks every free place is used: none is favoured, in particular not the spender's own.
        var picked = Enumerable.Range(0, 400).Select(_ => Invitation.PlaceFor(free)).ToHashSet();
        Assert.Equal(free.ToHashSet(), picked);
        Assert.Throws<InvalidOperationException>(() => Invitation.PlaceFor([]));
    }
}
