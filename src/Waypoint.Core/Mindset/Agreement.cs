namespace Waypoint.Core.Mindset;

/// <summary>
/// How far a person agrees with a statement. The numbers 1 to 5 are the score; "don't know" is an answer too: it
/// counts in a distribution but never in a mean.
/// </summary>
public enum Agreement
{
    DontKnow = 0,
    StronglyDisagree = 1,
    Disagree = 2,
    NeitherAgreeNorDisagree = 3,
    Agree = 4,
    StronglyAgree = 5,
}

public static class AgreementScale
{
    /// <summary>Every answer a person may give, in the order a form offers them.</summary>
    public static readonly IReadOnlyList<Agreement> Answers =
    [
        Agreement.StronglyDisagree, Agreement.Disagree, Agreement.NeitherAgreeNorDisagree, Agreement.Agree, Agreement.StronglyAgree, Agreement.DontKnow,
    ];

    public static bool IsScore(Agreement answer) => answer is >= Agreement.StronglyDisagree and <= Agreement.StronglyAgree;

    public static string Label(Agreement answer) => answer switch
    {
        Agreement.StronglyDisagree => "Strongly disagree",
        Agreement.Disagree => "Disagree",
        Agreement.NeitherAgreeNorDisagree => "Neither agree nor disagree",
        Agreement.Agree => "Agree",
        Agreement.StronglyAgree => "Strongly agree",
        Agreement.DontKnow => "Don't know",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    /// <summary>Reads a submitted value: 1 to 5 on the scale, 0 for "don't know"; anything else is not an answer.</summary>
    public static Agreement? Parse(int? value) => value is >= 0 and <= 5 ? (Agreement)value.Value : null;
}
