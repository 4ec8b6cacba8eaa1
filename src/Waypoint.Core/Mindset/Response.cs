using Waypoint.Core.Organisations;

namespace Waypoint.Core.Mindset;

/// <summary>One answer: a statement of a feature, and how far the respondent agreed.</summary>
public sealed class Answer
{
    private Answer()
    {
    }

    public Answer(int featureNumber, int statementNumber, Agreement value)
    {
        FeatureNumber = featureNumber;
        StatementNumber = statementNumber;
        Value = value;
    }

    public int FeatureNumber { get; private set; }

    public int StatementNumber { get; private set; }

    public Agreement Value { get; private set; }
}

/// <summary>A respondent's own words on one feature.</summary>
public sealed class FeatureComment
{
    private FeatureComment()
    {
        Text = string.Empty;
    }

    public FeatureComment(int featureNumber, string text)
    {
        FeatureNumber = featureNumber;
        Text = text;
    }

    public int FeatureNumber { get; private set; }

    public string Text { get; private set; }
}

/// <summary>An answer as submitted: <see cref="Value"/> 1 to 5 on the scale, or 0 for "don't know".</summary>
public sealed record AnswerInput(int Feature, int Statement, int? Value);

public sealed record CommentInput(int Feature, string? Text);

/// <summary>
/// One person's answers to a campaign, kept so that they cannot be traced back to that person: a random id (never a
/// time-ordered one), the campaign and group, the day (not the time) it was submitted, and the answers. No user,
/// no email, no address, no browser, no invitation.
/// </summary>
public sealed class Response : ITenantOwned
{
    public const int CommentMaxLength = 2000;

    /// <summary>Said for a link already used. The same words whoever asks, and nothing about the answers given.</summary>
    public const string SpentMessage = "This link has already been used to answer the survey. Each invitation can be used once";

    public const string UnknownLinkMessage = "This survey link is not recognised. Check you copied the whole link from your invitation";

    private Response()
    {
        Answers = [];
        Comments = [];
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>The day only: a time would let answers be matched to whoever was seen answering at that moment.</summary>
    public DateOnly SubmittedOn { get; private set; }

    public List<Answer> Answers { get; private set; }

    public List<FeatureComment> Comments { get; private set; }

    /// <summary>
    /// Checks a complete set of answers against the campaign's framework and makes the response. Every statement
    /// needs exactly one answer ("don't know" is one); nothing is kept if any answer is wrong.
    /// </summary>
    public static Response Submit(Campaign campaign, RespondentGroup group, Framework framework, IReadOnlyList<AnswerInput>? answers, IReadOnlyList<CommentInput>? comments, DateOnly today)
    {
        campaign.EnsureOpen(today);
        if (group.CampaignId != campaign.Id || framework.Id != campaign.FrameworkId)
        {
            throw new ArgumentException("The group and framework must be the campaign's own.", nameof(group));
        }

        var given = answers ?? [];
        var kept = new List<Answer>(framework.StatementCount);
        var problems = new List<RuleViolation>();
        foreach (var feature in framework.Features)
        {
            foreach (var statement in feature.Statements)
            {
                var field = $"feature-{feature.Number}-statement-{statement.Number}";
                var matching = given.Where(a => a.Feature == feature.Number && a.Statement == statement.Number).ToList();
                if (matching.Count == 0 || matching[0].Value is null)
                {
                    problems.Add(new RuleViolation(field, $"Choose an answer to statement {statement.Number} of \"{feature.Name}\", or \"Don't know\""));
                }
                else if (matching.Count > 1)
                {
                    problems.Add(new RuleViolation(field, $"Give one answer to statement {statement.Number} of \"{feature.Name}\""));
                }
                else if (AgreementScale.Parse(matching[0].Value) is { } value)
                {
                    kept.Add(new Answer(feature.Number, statement.Number, value));
                }
                else
                {
                    problems.Add(new RuleViolation(field, $"The answer to statement {statement.Number} of \"{feature.Name}\" must be one on the scale, from strongly disagree to strongly agree, or \"Don't know\""));
                }
            }
        }

        if (given.Any(a => framework.Features.All(f => f.Number != a.Feature || f.Statements.All(s => s.Number != a.Statement))))
        {
            problems.Add(new RuleViolation("answers", "Some answers are to statements this survey does not ask"));
        }

        var keptComments = new List<FeatureComment>();
        foreach (var comment in comments ?? [])
        {
            var feature = framework.Features.FirstOrDefault(f => f.Number == comment.Feature);
            if (feature is null)
            {
                problems.Add(new RuleViolation("comments", "A comment is on a feature this survey does not ask about"));
                continue;
            }

            try
            {
                if (Text.Optional(comment.Text, CommentMaxLength, $"feature-{feature.Number}-comment", $"your comment on \"{feature.Name}\"") is { } text)
                {
                    if (keptComments.Any(c => c.FeatureNumber == feature.Number))
                    {
                        problems.Add(new RuleViolation($"feature-{feature.Number}-comment", $"Give one comment on \"{feature.Name}\""));
                    }

                    keptComments.Add(new FeatureComment(feature.Number, text));
                }
            }
            catch (RuleViolation violation)
            {
                problems.Add(violation);
            }
        }

        if (problems.Count == 1)
        {
            throw problems[0];
        }

        if (problems.Count > 1)
        {
            throw new RuleViolations($"{problems.Count} answers need changing; nothing was saved", problems);
        }

        return new Response
        {
            // Random, never version 7: a time-ordered id would record when, and in what order, people answered.
            Id = Guid.NewGuid(),
            OrganisationId = campaign.OrganisationId,
            CampaignId = campaign.Id,
            GroupId = group.Id,
            SubmittedOn = today,
            Answers = kept,
            Comments = keptComments,
        };
    }
}
