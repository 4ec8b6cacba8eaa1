using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>What the survey form needs to draw itself: the survey, what was sent (kept after a refusal), where it posts.</summary>
public sealed record SurveyFormView(SurveyForm Survey, IReadOnlyDictionary<string, string> Sent, string Action, string? Token, string StorageKey);

/// <summary>
/// What the two take-part pages (group link and invitation) share: reading the form into answers, turning a refusal
/// into the status and words of a plain page, and the key under which a browser may keep unsent answers.
/// </summary>
public static class SurveyPage
{
    public static string AnswerField(int feature, int statement) => $"feature-{feature}-statement-{statement}";

    public static string CommentField(int feature) => $"feature-{feature}-comment";

    /// <summary>Every answer and comment the form sent, read against the framework: a missing answer is sent as none, so the rules name it.</summary>
    public static SubmissionInput Read(Framework framework, IFormCollection form)
    {
        var answers = new List<AnswerInput>();
        var comments = new List<CommentInput>();
        foreach (var feature in framework.Features)
        {
            foreach (var statement in feature.Statements)
            {
                var values = form[AnswerField(feature.Number, statement.Number)];
                if (values.Count == 0)
                {
                    answers.Add(new AnswerInput(feature.Number, statement.Number, null));
                }

                foreach (var value in values)
                {
                    // Something off the scale is sent as an answer off the scale, so the rules refuse it by name.
                    answers.Add(new AnswerInput(feature.Number, statement.Number,
                        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1));
                }
            }

            if (form[CommentField(feature.Number)].ToString() is { Length: > 0 } comment && !string.IsNullOrWhiteSpace(comment))
            {
                comments.Add(new CommentInput(feature.Number, comment));
            }
        }

        return new SubmissionInput(answers, comments);
    }

    /// <summary>The answers and comments sent, to show again after a refusal.</summary>
    public static Dictionary<string, string> Sent(IFormCollection? form) =>
        form is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : form.Keys.Where(k => k.StartsWith("feature-", StringComparison.Ordinal))
                .ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);

    /// <summary>Whether a refusal is about an answer (shown on the form) rather than about the link or the campaign (a plain page).</summary>
    public static bool IsAboutAnswers(RuleViolation violation) =>
        violation.Field.StartsWith("feature-", StringComparison.Ordinal) || violation.Field is "answers" or "comments";

    public static void AddTo(ModelStateDictionary modelState, RuleViolation violation) => modelState.Add(violation);

    public static void AddTo(ModelStateDictionary modelState, RuleViolations violations)
    {
        foreach (var violation in violations.Items)
        {
            modelState.Add(violation);
        }
    }

    /// <summary>
    /// The status of the plain page shown instead of the survey: gone (410) for a link that was used, replaced or
    /// closed, not found (404) for one that is unknown or not open yet. The words come from the refusal, which never
    /// says how many have answered.
    /// </summary>
    public static int StatusFor(RuleViolation violation) =>
        violation.Message == Response.SpentMessage || violation.Message == ResponseService.ByInvitationMessage
        || (violation.Field == "campaign" && violation.Message.Contains("closed", StringComparison.Ordinal))
            ? StatusCodes.Status410Gone
            : StatusCodes.Status404NotFound;

    /// <summary>
    /// Where a browser keeps unsent answers (survey.js): a hash of the link, so the link itself — for an invitation,
    /// its token — is never written to the browser's storage, and the key matches nothing stored by Waypoint.
    /// </summary>
    public static string StorageKey(string kind, string secret) =>
        "waypoint-survey-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"waypoint-survey-storage:{kind}:{secret}")))[..32];

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        // An invitation's address holds its token: no request from the page, not even for its own stylesheet, sends it on.
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
