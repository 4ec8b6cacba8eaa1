using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.CheckIns;

namespace Waypoint.Core.Tests.CheckIns;

public sealed class CalibrationTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();

    [Fact]
    public void Pooled_matches_a_hand_computed_example()
    {
        // Four forecasts: 0.8 happened, 0.8 did not, 0.3 did not, 0.3 did not.
        // Brier = (0.04 + 0.64 + 0.09 + 0.09) / 4 = 0.215. Base rate 0.25, uncertainty 0.1875.
        // Groups: 0.8 observed 0.5 -> rel 2*(0.3)^2 = 0.18, res 2*(0.25)^2 = 0.125;
        //         0.3 observed 0   -> rel 2*(0.3)^2 = 0.18, res 2*(0.25)^2 = 0.125.
        // Reliability 0.36/4 = 0.09, resolution 0.25/4 = 0.0625: 0.09 - 0.0625 + 0.1875 = 0.215.
        var result = Calibration.Score([new(0.8, true, A), new(0.8, false, B), new(0.3, false, C), new(0.3, false, D)], CalibrationWeighting.Pooled);
        Assert.Equal(0.215, result.Brier, 12);
        Assert.Equal(0.09, result.Reliability, 12);
        Assert.Equal(0.0625, result.Resolution, 12);
        Assert.Equal(0.1875, result.Uncertainty, 12);
        Assert.Equal((4, 4, CalibrationWeighting.Pooled), (result.Count, result.Outcomes, result.Weighting));
        Assert.False(result.CanJudge);
        Assert.Equal([(30, 39, 2, 2, 0.3, 0.0), (80, 89, 2, 2, 0.8, 0.5)],
            result.Table.Select(b => (b.FromPercent, b.ToPercent, b.Count, b.Outcomes, Math.Round(b.MeanForecast, 9), b.ObservedFrequency)));
    }

    [Fact]
    public void Per_outcome_matches_a_hand_computed_example()
    {
        // A (achieved): 0.9 and 0.7, each weighing 1/6. B (missed): 0.3, weighing 1/3. C (missed): 0.7 and 0.3, 1/6 each.
        // Brier: A (0.01 + 0.09)/2 = 0.05, B 0.09, C (0.49 + 0.09)/2 = 0.29; (0.05 + 0.09 + 0.29)/3 = 0.43/3.
        // Base rate: A's weights, 1/3; uncertainty 1/3 × 2/3 = 2/9.
        // 0.9: weight 1/6, observed 1   -> rel 0.01/6,    res (2/3)^2/6 = 4/54
        // 0.7: weight 1/3, observed 1/2 -> rel 0.04/3,    res (1/6)^2/3 = 1/108
        // 0.3: weight 1/2, observed 0   -> rel 0.09/2,    res (1/3)^2/2 = 1/18
        // Reliability 0.06, resolution 5/36: 0.06 - 5/36 + 2/9 = 0.43/3. Pooled would say 0.77/5 = 0.154.
        Forecast[] forecasts = [new(0.9, true, A), new(0.7, true, A), new(0.3, false, B), new(0.7, false, C), new(0.3, false, C)];
        var result = Calibration.Score(forecasts);
        Assert.Equal(CalibrationWeighting.PerOutcome, result.Weighting);
        Assert.Equal((5, 3), (result.Count, result.Outcomes));
        Assert.Equal(0.43 / 3, result.Brier, 12);
        Assert.Equal(0.06, result.Reliability, 12);
        Assert.Equal(5.0 / 36, result.Resolution, 12);
        Assert.Equal(2.0 / 9, result.Uncertainty, 12);
        Assert.Equal([(30, 39, 2, 2, 0.3, 0.0), (70, 79, 2, 2, 0.7, 0.5), (90, 100, 1, 1, 0.9, 1.0)],
            result.Table.Select(b => (b.FromPercent, b.ToPercent, b.Count, b.Outcomes, Math.Round(b.MeanForecast, 9), Math.Round(b.ObservedFrequency, 9))));
        Assert.Equal(0.154, Calibration.Score(forecasts, CalibrationWeighting.Pooled).Brier, 12);
    }

    [Theory]
    [InlineData(10, 4, false)]
    [InlineData(100, 4, false)]
    [InlineData(9, 5, false)]
    [InlineData(10, 5, true)]
    public void A_score_judges_only_with_enough_forecasts_and_enough_outcomes(int forecasts, int outcomes, bool canJudge)
    {
        var ids = Enumerable.Range(0, outcomes).Select(_ => Guid.NewGuid()).ToList();
        var result = Calibration.Score(Enumerable.Range(0, forecasts).Select(i => new Forecast(0.6, i % 2 == 0, ids[i % outcomes])).ToList());
        Assert.Equal((forecasts, outcomes, canJudge), (result.Count, result.Outcomes, result.CanJudge));
    }

    [Fact]
    public void Always_saying_fifty_percent_scores_a_quarter()
    {
        var forecasts = Enumerable.Range(0, 20).Select(i => new Forecast(0.5, i % 3 == 0, i % 3 == 0 ? A : B)).ToList();
        Assert.Equal(0.25, Calibration.Score(forecasts).Brier, 12);
        Assert.Equal(0.25, Calibration.Score(forecasts, CalibrationWeighting.Pooled).Brier, 12);
    }

    [Fact]
    public void A_hundred_percent_lands_in_the_top_band() =>
        Assert.Equal((90, 100), Calibration.Score([new(1.0, true, A), new(0.9, true, A)]).Table.Select(b => (b.FromPercent, b.ToPercent)).Single());

    /// <summary>An outcome's forecasts: a few probabilities, all sharing the outcome's fate.</summary>
    private static Gen<Forecast[]> OutcomeForecasts(int count) =>
        Gen.Elements(true, false).SelectMany(happened =>
        {
            var id = Guid.NewGuid();
            return Gen.Choose(0, 100).Select(p => new Forecast(p / 100.0, happened, id)).ArrayOf(count);
        });

    /// <summary>Forecasts on up to a dozen outcomes, each with its own number of forecasts.</summary>
    private static Arbitrary<Forecast[][]> Outcomes() =>
        Gen.Choose(1, 30).SelectMany(OutcomeForecasts).ArrayOf().Select(o => o.Take(12).ToArray()).ToArbitrary();

    private static bool Close(double a, double b) => Math.Abs(a - b) < 1e-9;

    private static bool SameScore(CalibrationResult a, CalibrationResult b) =>
        Close(a.Brier, b.Brier) && Close(a.Reliability, b.Reliability) && Close(a.Resolution, b.Resolution) && Close(a.Uncertainty, b.Uncertainty)
        && a.Table.Count == b.Table.Count
        && a.Table.Zip(b.Table).All(p => p.First.FromPercent == p.Second.FromPercent && Close(p.First.MeanForecast, p.Second.MeanForecast)
                                         && Close(p.First.ObservedFrequency, p.Second.ObservedFrequency));

    [Property]
    public Property The_decomposition_adds_up_to_the_brier_score_under_either_weighting() =>
        Prop.ForAll(Outcomes(), outcomes =>
        {
            var forecasts = outcomes.SelectMany(o => o).ToList();
            return Enum.GetValues<CalibrationWeighting>().All(weighting =>
            {
                var r = Calibration.Score(forecasts, weighting);
                return Close(r.Reliability - r.Resolution + r.Uncertainty, r.Brier);
            });
        });

    [Property]
    public Property Per_outcome_equals_pooled_when_every_outcome_has_as_many_forecasts() =>
        Prop.ForAll(Gen.Choose(1, 8).SelectMany(n => OutcomeForecasts(n).ArrayOf()).ToArbitrary(), outcomes =>
        {
            var forecasts = outcomes.SelectMany(o => o).ToList();
            return SameScore(Calibration.Score(forecasts), Calibration.Score(forecasts, CalibrationWeighting.Pooled));
        });

    [Property]
    public Property Duplicating_every_forecast_of_one_outcome_leaves_the_per_outcome_score_as_it_was() =>
        Prop.ForAll(Outcomes(), Gen.Choose(0, 100).ToArbitrary(), (outcomes, pick) =>
        {
            var forecasts = outcomes.SelectMany(o => o).ToList();
            if (outcomes.Length == 0)
            {
                return true;
            }

            var doubled = outcomes[pick % outcomes.Length];
            var before = Calibration.Score(forecasts);
            var after = Calibration.Score([.. forecasts, .. doubled]);
            return after.Count == before.Count + doubled.Length && after.Outcomes == before.Outcomes && SameScore(before, after);
        });

    [Property]
    public Property Duplicating_one_outcomes_forecasts_moves_the_pooled_score_toward_that_outcome() =>
        Prop.ForAll(Outcomes(), outcomes =>
        {
            // The contrast that makes per-outcome the default: pooled lets one outcome's many check-ins pull the score.
            if (outcomes.Length < 2)
            {
                return true;
            }

            var forecasts = outcomes.SelectMany(o => o).ToList();
            var heavy = outcomes[0];
            var own = Calibration.Score(heavy, CalibrationWeighting.Pooled).Brier;
            var before = Calibration.Score(forecasts, CalibrationWeighting.Pooled).Brier;
            var after = Calibration.Score([.. forecasts, .. heavy, .. heavy], CalibrationWeighting.Pooled).Brier;
            return Math.Abs(after - own) <= Math.Abs(before - own) + 1e-12;
        });

    [Property]
    public Property A_perfectly_calibrated_perfectly_sharp_forecaster_scores_zero(bool[] outcomes)
    {
        var forecasts = outcomes.Select(o => new Forecast(o ? 1 : 0, o, Guid.NewGuid())).ToArray();
        var r = Calibration.Score(forecasts);
        return (r.Brier == 0 && r.Reliability == 0).ToProperty();
    }

    [Property]
    public Property Every_part_stays_in_range() =>
        Prop.ForAll(Outcomes(), outcomes =>
        {
            var forecasts = outcomes.SelectMany(o => o).ToList();
            return Enum.GetValues<CalibrationWeighting>().All(weighting =>
            {
                var r = Calibration.Score(forecasts, weighting);
                return r.Brier is >= 0 and <= 1 + 1e-12 && r.Reliability >= 0 && r.Resolution >= 0 && r.Uncertainty is >= 0 and <= 0.25
                       && r.Table.Sum(b => b.Count) == forecasts.Count && r.Outcomes == outcomes.Count(o => o.Length > 0)
                       && r.Table.All(b => b.Outcomes >= 1 && b.Outcomes <= r.Outcomes);
            });
        });
}
