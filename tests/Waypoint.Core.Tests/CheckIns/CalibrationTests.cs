using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.CheckIns;

namespace Waypoint.Core.Tests.CheckIns;

public sealed class CalibrationTests
{
    [Fact]
    public void Matches_a_hand_computed_example()
    {
        // Four forecasts: 0.8 happened, 0.8 did not, 0.3 did not, 0.3 did not.
        // Brier = (0.04 + 0.64 + 0.09 + 0.09) / 4 = 0.215. Base rate 0.25, uncertainty 0.1875.
        // Groups: 0.8 observed 0.5 -> rel 2*(0.3)^2 = 0.18, res 2*(0.25)^2 = 0.125;
        //         0.3 observed 0   -> rel 2*(0.3)^2 = 0.18, res 2*(0.25)^2 = 0.125.
        // Reliability 0.36/4 = 0.09, resolution 0.25/4 = 0.0625: 0.09 - 0.0625 + 0.1875 = 0.215.
        var result = Calibration.Score([new(0.8, true), new(0.8, false), new(0.3, false), new(0.3, false)]);
        Assert.Equal(0.215, result.Brier, 12);
        Assert.Equal(0.09, result.Reliability, 12);
        Assert.Equal(0.0625, result.Resolution, 12);
        Assert.Equal(0.1875, result.Uncertainty, 12);
        Assert.False(result.CanJudge);
        Assert.Equal([(30, 39, 2, 0.3, 0.0), (80, 89, 2, 0.8, 0.5)],
            result.Table.Select(b => (b.FromPercent, b.ToPercent, b.Count, Math.Round(b.MeanForecast, 9), b.ObservedFrequency)));
    }

    [Fact]
    public void Always_saying_fifty_percent_scores_a_quarter()
    {
        var forecasts = Enumerable.Range(0, 20).Select(i => new Forecast(0.5, i % 3 == 0)).ToList();
        Assert.Equal(0.25, Calibration.Score(forecasts).Brier, 12);
    }

    [Fact]
    public void A_hundred_percent_lands_in_the_top_band() =>
        Assert.Equal((90, 100), Calibration.Score([new(1.0, true), new(0.9, true)]).Table.Select(b => (b.FromPercent, b.ToPercent)).Single());

    private static Arbitrary<Forecast[]> Forecasts() =>
        Gen.Zip(Gen.Choose(0, 100), Gen.Elements(true, false))
            .Select(t => new Forecast(t.Item1 / 100.0, t.Item2))
            .ArrayOf()
            .ToArbitrary();

    [Property]
    public Property The_decomposition_adds_up_to_the_brier_score() =>
        Prop.ForAll(Forecasts(), forecasts =>
        {
            var r = Calibration.Score(forecasts);
            return Math.Abs(r.Reliability - r.Resolution + r.Uncertainty - r.Brier) < 1e-9;
        });

    [Property]
    public Property A_perfectly_calibrated_perfectly_sharp_forecaster_scores_zero(bool[] outcomes)
    {
        var forecasts = outcomes.Select(o => new Forecast(o ? 1 : 0, o)).ToArray();
        var r = Calibration.Score(forecasts);
        return (r.Brier == 0 && r.Reliability == 0).ToProperty();
    }

    [Property]
    public Property Every_part_stays_in_range() =>
        Prop.ForAll(Forecasts(), forecasts =>
        {
            var r = Calibration.Score(forecasts);
            return r.Brier is >= 0 and <= 1 && r.Reliability >= 0 && r.Resolution >= 0 && r.Uncertainty is >= 0 and <= 0.25
                   && r.Table.Sum(b => b.Count) == forecasts.Length;
        });
}
