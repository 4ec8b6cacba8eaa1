using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Waypoint.Core.Tests;

/// <summary>The rounding rule every shown figure goes through: halves away from zero, on the number as written.</summary>
public sealed class FiguresTests
{
    [Theory]
    [InlineData(2.375, 2, "2.38")]
    [InlineData(2.675, 2, "2.68")] // kept as 2.67499… in binary: Math.Round gives 2.67
    [InlineData(1.005, 2, "1.01")]
    [InlineData(2.365, 2, "2.37")]
    [InlineData(-2.375, 2, "-2.38")]
    [InlineData(-0.5, 0, "-1")]
    [InlineData(0.5, 0, "1")]
    [InlineData(2.5, 0, "3")] // banker's rounding would give 2
    [InlineData(3.45, 1, "3.5")]
    [InlineData(-3.45, 1, "-3.5")]
    [InlineData(2.44, 1, "2.4")]
    [InlineData(3, 1, "3.0")]
    [InlineData(-0.001, 2, "0.00")]
    public void Halves_round_away_from_zero(double value, int decimals, string shown) =>
        Assert.Equal(shown, Figures.Text(value, decimals));

    [Theory]
    [InlineData(0.125, "13%")]
    [InlineData(0.175, "18%")]
    [InlineData(0.005, "1%")]
    [InlineData(0.845, "85%")]
    [InlineData(-0.125, "-13%")]
    [InlineData(1, "100%")]
    public void Shares_show_as_whole_percentages_with_halves_up(double share, string shown) =>
        Assert.Equal(shown, Figures.PercentText(share));

    [Theory]
    [InlineData(1, 8, "13%")]
    [InlineData(1, 40, "3%")] // 2.5
    [InlineData(7, 40, "18%")] // 17.5
    [InlineData(0, 0, "0%")]
    [InlineData(2, 3, "67%")]
    public void Parts_of_a_whole_show_as_whole_percentages_with_halves_up(int part, int whole, string shown) =>
        Assert.Equal(shown, Figures.PercentText(part, whole));

    [Fact]
    public void Decimals_round_halves_away_from_zero_too()
    {
        Assert.Equal(2.37m, Figures.Round(2.365m, 2)); // Math.Round gives 2.36
        Assert.Equal(-62.3m, Figures.Round(-62.25m, 1));
        Assert.Equal("13", Figures.Text(12.5m, 0));
    }

    [Fact]
    public void A_figure_that_cannot_be_shown_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Round(double.NaN, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Round(double.PositiveInfinity, 2));
    }

    [Property]
    public Property A_rounded_figure_is_never_more_than_half_a_step_from_the_number_as_written() =>
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).Select(n => n / 1000m).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (value, decimals) =>
        {
            var step = decimals switch { 0 => 1m, 1 => 0.1m, _ => 0.01m };
            var rounded = Figures.Round((double)value, decimals);
            var distance = Math.Abs(rounded - value);
            // Within half a step, and exactly half a step only away from zero.
            return distance < step / 2 || (distance == step / 2 && Math.Abs(rounded) > Math.Abs(value));
        });
}
