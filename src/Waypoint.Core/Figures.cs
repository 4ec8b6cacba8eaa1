using System.Globalization;

namespace Waypoint.Core;

/// <summary>
/// The one rounding rule for every figure a person reads: halves go away from zero, as people learn at school
/// (2.375 shows as 2.38, 12.5 % as 13 %, −2.375 as −2.38). <see cref="Math.Round(double)"/> rounds halves to even by
/// default, and a double such as 2.675 is kept as 2.67499…; so a double goes through <see cref="decimal"/> first,
/// which keeps the 15 significant digits the double was written with (2.675), and is rounded there. Pages, the API,
/// charts' tables and their summaries all round through here, and anything judged from a shown figure (a band, a
/// change beside two means) is judged from the rounded figure.
/// </summary>
public static class Figures
{
    /// <summary>A figure rounded to <paramref name="decimals"/> places, halves away from zero.</summary>
    public static decimal Round(double value, int decimals) => Round(Exact(value), decimals);

    /// <summary>A figure rounded to <paramref name="decimals"/> places, halves away from zero.</summary>
    public static decimal Round(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // −0.001 rounds to a zero that remembers its sign and would print as "-0.00".
        return rounded == 0m ? 0m : rounded;
    }

    /// <summary>A share (0.125) as a whole percentage (13), halves away from zero.</summary>
    public static decimal Percent(double share) => Round(Exact(share) * 100m, 0);

    /// <summary><paramref name="part"/> of <paramref name="whole"/> as a whole percentage, exactly (1 of 8 is 13); 0 of nothing is 0.</summary>
    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : Round(part * 100m / whole, 0);

    /// <summary>A figure with exactly <paramref name="decimals"/> places: 2.38, 3.0, 13.</summary>
    public static string Text(decimal value, int decimals) =>
        Round(value, decimals).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);

    /// <summary>A figure with exactly <paramref name="decimals"/> places: 2.38, 3.0, 13.</summary>
    public static string Text(double value, int decimals) => Text(Round(value, decimals), decimals);

    /// <summary>A share as a whole percentage with its sign: "13%".</summary>
    public static string PercentText(double share) => Text(Percent(share), 0) + "%";

    /// <summary>A part of a whole as a whole percentage with its sign: "13%".</summary>
    public static string PercentText(int part, int whole) => Text(Percent(part, whole), 0) + "%";

    /// <summary>The decimal a double was written as: its 15 significant digits, so 2.675 and not 2.67499….</summary>
    private static decimal Exact(double value)
    {
        // Beyond decimal's range (and for NaN or infinity) nothing sensible can be shown.
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e27)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A figure to show must be a finite number within decimal's range.");
        }

        return (decimal)value;
    }
}
