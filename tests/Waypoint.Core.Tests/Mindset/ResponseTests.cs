using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

public sealed class ResponseTests
{
    private static readonly DateOnly During = new(2026, 11, 10);

    internal static List<AnswerInput> AllAnswers(Framework framework, int value) =>
        framework.Features.SelectMany(f => f.Statements.Select(s => new AnswerInput(f.Number, s.Number, value))).ToList();

    [Fact]
    public void A_complete_response_keeps_the_day_and_answers_and_has_a_random_id()
    {
        var (campaign, framework, groups) = CampaignTests.Make();
        var response = Response.Submit(campaign, groups[2], framework, AllAnswers(framework, 4), [new CommentInput(2, "  More trust please  ")], During);
        Assert.Equal(During, response.SubmittedOn);
        Assert.Equal(45, response.Answers.Count);
        Assert.Equal("More trust please", Assert.Single(response.Comments).Text);
        Assert.Equal(4, response.Id.Version);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(null)]
    public void An_answer_off_the_scale_is_refused_and_named(int? value)
    {
        var (campaign, framework, groups) = CampaignTests.Make();
        var answers = AllAnswers(framework, 3);
        answers[4] = answers[4] with { Value = value };
        var error = Assert.Throws<RuleViolation>(() => Response.Submit(campaign, groups[0], framework, answers, null, During));
        Assert.Equal("feature-2-statement-2", error.Field);
    }

    [Fact]
    public void Missing_answers_are_all_named_together()
    {
        var (campaign, framework, groups) = CampaignTests.Make();
        var errors = Assert.Throws<RuleViolations>(() => Response.Submit(campaign, groups[0], framework, AllAnswers(framework, 0).Skip(3).ToList(), null, During));
        Assert.Equal(["feature-1-statement-1", "feature-1-statement-2", "feature-1-statement-3"], errors.Items.Select(e => e.Field));
    }

    [Fact]
    public void Answers_to_statements_not_asked_are_refused()
    {
        var (campaign, framework, groups) = CampaignTests.Make();
        var answers = AllAnswers(framework, 3).Append(new AnswerInput(16, 1, 3)).ToList();
        Assert.Equal("answers", Assert.Throws<RuleViolation>(() => Response.Submit(campaign, groups[0], framework, answers, null, During)).Field);
    }

    [Theory]
    [InlineData("2026-11-01", "opens on 2 November 2026")]
    [InlineData("2026-11-28", "closed on 27 November 2026")]
    public void Answers_are_taken_only_while_the_campaign_is_open(string today, string says)
    {
        var (campaign, framework, groups) = CampaignTests.Make();
        var error = Assert.Throws<RuleViolation>(() => Response.Submit(campaign, groups[0], framework, AllAnswers(framework, 3), null,
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_refused_while_open()
    {
        var (campaign, _, _) = CampaignTests.Make();
        Assert.Throws<RuleViolation>(() => campaign.EnsureClosed(During));
        campaign.EnsureClosed(new DateOnly(2026, 11, 28));
    }
}
