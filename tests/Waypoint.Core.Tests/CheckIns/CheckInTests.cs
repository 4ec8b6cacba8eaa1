using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Core.Tests.CheckIns;

public sealed class CheckInTests
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    private static Outcome Active()
    {
        var outcome = new Outcome(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Title", "Need", "Done", new DateOnly(2027, 3, 31), null, Visibility.Organisation, Thursday);
        outcome.MoveTo(OutcomeState.Agreed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        outcome.MoveTo(OutcomeState.Active, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        return outcome;
    }

    [Fact]
    public void A_check_in_belongs_to_the_week_it_was_posted_in()
    {
        var checkIn = CheckIn.Post(Active(), Author, CheckInCadence.Weekly, 70, "Online reporting launched", null, "A designer for two weeks", false, null, DateOnly.FromDateTime(Thursday.UtcDateTime), Thursday);
        Assert.Equal(new DateOnly(2026, 11, 23), checkIn.PeriodStart);
        Assert.Equal(70, checkIn.Confidence);
    }

    [Fact]
    public void A_second_check_in_in_the_same_period_must_be_an_edit_which_keeps_the_first()
    {
        var outcome = Active();
        var first = CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 70, "First", null, null, false, null, DateOnly.FromDateTime(Thursday.UtcDateTime), Thursday);
        Assert.Throws<RecordConflict>(() => CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 60, "Second", null, null, false, first, DateOnly.FromDateTime(Thursday.AddDays(1).UtcDateTime), Thursday.AddDays(1)));
        var edit = CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 60, "Second", null, null, true, first, DateOnly.FromDateTime(Thursday.AddDays(1).UtcDateTime), Thursday.AddDays(1));
        Assert.Equal(first.Id, edit.SupersedesId);
        Assert.Equal("First", first.Progress);

        var nextWeek = CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 65, "Next week", null, null, false, edit, DateOnly.FromDateTime(Thursday.AddDays(7).UtcDateTime), Thursday.AddDays(7));
        Assert.Null(nextWeek.SupersedesId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(50.5)]
    public void Confidence_is_a_whole_percentage(double confidence) =>
        Assert.Equal("confidence", Assert.Throws<RuleViolation>(() =>
            CheckIn.Post(Active(), Author, CheckInCadence.Weekly, (decimal)confidence, "Progress", null, null, false, null, DateOnly.FromDateTime(Thursday.UtcDateTime), Thursday)).Field);

    [Fact]
    public void A_resolved_outcome_and_an_empty_progress_text_are_refused()
    {
        var outcome = Active();
        Assert.Equal("Enter a few sentences on progress", Assert.Throws<RuleViolation>(() =>
            CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 50, "  ", null, null, false, null, DateOnly.FromDateTime(Thursday.UtcDateTime), Thursday)).Message);
        outcome.MoveTo(OutcomeState.Retired, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        Assert.Equal("This outcome is Retired: it takes no more check-ins", Assert.Throws<RuleViolation>(() =>
            CheckIn.Post(outcome, Author, CheckInCadence.Weekly, 50, "Progress", null, null, false, null, DateOnly.FromDateTime(Thursday.UtcDateTime), Thursday)).Message);
    }

    [Property]
    public Property A_period_starts_on_or_before_its_date_and_covers_it(int offset, CheckInCadence cadence)
    {
        if (!Enum.IsDefined(cadence))
        {
            return true.ToProperty();
        }

        var date = new DateOnly(2026, 1, 1).AddDays(offset % 4000);
        var start = CheckInPeriods.StartOf(date, cadence);
        var length = cadence switch { CheckInCadence.Weekly => 7, CheckInCadence.Fortnightly => 14, _ => 31 };
        var sameStartNextDay = date.AddDays(1) is var next && (CheckInPeriods.StartOf(next, cadence) == start || CheckInPeriods.StartOf(next, cadence) == next);
        return (start <= date && date.DayNumber - start.DayNumber < length && CheckInPeriods.StartOf(start, cadence) == start && sameStartNextDay).ToProperty();
    }
}
