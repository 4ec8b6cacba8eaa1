using Waypoint.Core.Mindset;
using Waypoint.Core.Outcomes;

namespace Waypoint.Features.Demo;

/// <summary>
/// Anytown's mindset assessment: the same campaign a year apart, both closed, with a few hundred answers. Three
/// councillors answer each time, too few to show, so the results hold them back (and the next smallest group with
/// them). Managing by outcomes, flexible working and small quick steps improve visibly; taking calculated risks
/// stays weak, and an outcome was created from it. A third campaign is open, to show the live count.
/// </summary>
internal static class DemoMindset
{
    /// <summary>Respondents per group in the earlier and the later campaign, and how the group leans.</summary>
    private static readonly (string Group, int Before, int After, double Lean)[] Groups =
    [
        ("Leadership", 12, 14, 0.4),
        ("Service managers", 28, 31, 0.0),
        ("Frontline staff", 80, 90, -0.25),
        ("Digital and IT", 22, 25, 0.35),
        ("Councillors", 3, 3, -0.1),
        ("Partners and suppliers", 12, 14, 0.1),
    ];

    /// <summary>Each feature's typical score in the earlier campaign, and how much it moved by the later one.</summary>
    private static readonly (double Before, double Change)[] Features =
    [
        (3.4, 0.1), (2.9, 0.2), (2.3, 0.05), (3.1, 0.1), (2.6, 0.8),
        (2.8, 0.7), (3.3, 0.0), (2.7, 0.3), (2.9, 0.1), (2.5, 0.9),
        (3.0, 0.2), (2.8, 0.1), (3.2, -0.1), (3.1, 0.2), (2.9, 0.3),
    ];

    private static readonly string[] Comments =
    [
        "Some teams already work like this; others have not heard of it.",
        "We are asked for plans in detail before anyone knows enough to write them.",
        "It has improved since the new check-ins replaced the weekly report.",
        "Sign-off still takes longer than the work.",
        "Working with the service managers from the first week made a real difference.",
        "I would like more time for training.",
    ];

    public const int WeakFeature = 3;

    public static IEnumerable<object> Create(Guid organisationId, Func<string, Guid> idFor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20251128);
        var framework = DefaultFramework.Create(idFor("anytown/mindset/framework"), organisationId, now.AddYears(-1).AddMonths(-1));
        var records = new List<object> { framework };

        var closes = today.AddDays(-2);
        var opens = closes.AddDays(-27);
        var before = Campaign(organisationId, idFor, framework, $"Digital mindset {opens.AddYears(-1).Year}", opens.AddYears(-1), closes.AddYears(-1), now.AddYears(-1).AddMonths(-1), records);
        var after = Campaign(organisationId, idFor, framework, $"Digital mindset {opens.Year}", opens, closes, now.AddMonths(-1), records);
        var open = Campaign(organisationId, idFor, framework, "Digital mindset pulse check", today.AddDays(-3), today.AddDays(25), now.AddDays(-4), records);

        foreach (var (group, sizeBefore, sizeAfter, lean) in Groups)
        {
            records.AddRange(Responses(before, Group(records, before, group), framework, sizeBefore, lean, 0, random));
            records.AddRange(Responses(after, Group(records, after, group), framework, sizeAfter, lean, 1, random));
            records.AddRange(Responses(open, Group(records, open, group), framework, sizeAfter / 6, lean, 1, random, until: today));
        }

        var outcome = new Outcome(idFor("anytown/outcome/mindset-risk"), organisationId, idFor("anytown/team/Digital Services"),
            "Teams take calculated risks within a clear appetite",
            "As people working for the council we need to know how much risk we may take, so we can try new things without fear of blame",
            "The next mindset campaign scores \"Take calculated risks\" at 3 or more across every group shown",
            today.AddMonths(11), null, Visibility.Organisation, now.AddDays(-1));
        outcome.ComesFrom(after.Id, WeakFeature);
        outcome.MoveTo(OutcomeState.Agreed);
        records.Add(outcome);
        return records;
    }

    private static Campaign Campaign(Guid organisationId, Func<string, Guid> idFor, Framework framework, string name, DateOnly opens, DateOnly closes, DateTimeOffset createdAt, List<object> records)
    {
        var campaign = new Campaign(idFor($"anytown/mindset/campaign/{name}"), organisationId, name, framework.Id, opens, closes, createdAt);
        var groups = new List<RespondentGroup>();
        foreach (var group in Groups)
        {
            groups.Add(campaign.AddGroup(idFor($"anytown/mindset/campaign/{name}/group/{group.Group}"), group.Group, groups, opens.AddDays(-1)));
        }

        records.Add(campaign);
        records.AddRange(groups);
        return campaign;
    }

    private static RespondentGroup Group(List<object> records, Campaign campaign, string name) =>
        records.OfType<RespondentGroup>().Single(g => g.CampaignId == campaign.Id && g.Name == name);

    private static IEnumerable<Response> Responses(Campaign campaign, RespondentGroup group, Framework framework, int count, double lean, double progress, Random random, DateOnly? until = null)
    {
        var last = until ?? campaign.ClosesOn;
        for (var i = 0; i < count; i++)
        {
            var answers = new List<AnswerInput>();
            foreach (var feature in framework.Features)
            {
                var (start, change) = Features[feature.Number - 1];
                var typical = start + (change * progress) + lean;
                foreach (var statement in feature.Statements)
                {
                    var value = random.NextDouble() < 0.06 ? 0 : Math.Clamp((int)Math.Round(typical + Noise(random)), 1, 5);
                    answers.Add(new AnswerInput(feature.Number, statement.Number, value));
                }
            }

            var comments = random.NextDouble() < 0.12
                ? [new CommentInput(random.Next(1, framework.Features.Count + 1), Comments[random.Next(Comments.Length)])]
                : Array.Empty<CommentInput>();
            var day = campaign.OpensOn.AddDays(random.Next(0, last.DayNumber - campaign.OpensOn.DayNumber + 1));
            yield return Response.Submit(campaign, group, framework, answers, comments, day);
        }
    }

    /// <summary>Roughly normal, with a spread of about one point.</summary>
    private static double Noise(Random random) => (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.6;
}
