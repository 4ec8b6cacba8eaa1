using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Mindset;
using Waypoint.Data;
using Waypoint.Features.Mindset;

namespace Waypoint.TestCommon;

/// <summary>One group of a campaign made for a test: its name, how many answered, and what each answered.</summary>
/// <param name="Answer">The answer of person <c>p</c> (from 0) to statement <c>s</c> of feature <c>f</c>: 1 to 5, or 0 for "don't know".</param>
public sealed record GroupAnswers(string Group, int People, Func<int, int, int, int> Answer);

/// <summary>Mindset campaigns with answers, made directly as the demo makes its history, for tests that need exact figures.</summary>
public static class MindsetData
{
    /// <summary>
    /// A campaign of <paramref name="organisationId"/> on its default framework, taking answers from
    /// <paramref name="opens"/> to <paramref name="closes"/>, with every group's people having answered on the first
    /// day. One whose last day has passed is closed with nobody having looked: its results are not yet published.
    /// </summary>
    public static async Task<Guid> CampaignWithAnswersAsync(this WaypointApp app, Guid organisationId, DateOnly opens, DateOnly closes, params GroupAnswers[] groups)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(organisationId);
        var framework = await scope.ServiceProvider.GetRequiredService<FrameworkService>().EnsureDefaultAsync(CancellationToken.None);
        var campaign = new Campaign(Guid.NewGuid(), organisationId, $"Test campaign {Guid.NewGuid():N}", framework.Id, opens, closes, DateTimeOffset.UtcNow);
        db.MindsetCampaigns.Add(campaign);
        var made = new List<RespondentGroup>();
        foreach (var (name, people, answer) in groups)
        {
            var group = campaign.AddGroup(Guid.NewGuid(), name, made, opens);
            made.Add(group);
            for (var person = 0; person < people; person++)
            {
                var answers = framework.Features.SelectMany(f => f.Statements.Select(s => new AnswerInput(f.Number, s.Number, answer(person, f.Number, s.Number)))).ToList();
                db.MindsetResponses.Add(Response.Submit(campaign, group, framework, answers, [], opens));
            }
        }

        db.RespondentGroups.AddRange(made);
        await db.SaveChangesAsync();
        return campaign.Id;
    }
}
