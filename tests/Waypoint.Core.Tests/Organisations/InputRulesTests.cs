using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Mindset;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Outcome = Waypoint.Core.Outcomes.Outcome;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Organisations;

/// <summary>The rules every piece of text and every date must pass, whatever it is for.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("Any\0where", "Team name must not contain a NUL character")]
    [InlineData("Ring \u0007", "Team name must not contain a control character (U+0007)")]
    [InlineData("\u001b[31mred", "Team name must not contain a control character (U+001B)")]
    [InlineData("Next\u0085line", "Team name must not contain a control character (U+0085)")]
    public void Text_that_cannot_be_stored_or_shown_is_refused_naming_the_field(string name, string message)
    {
        var refused = Assert.Throws<RuleViolation>(() => new Team(Guid.NewGuid(), Guid.NewGuid(), name, null));
        Assert.Equal(("name", message), (refused.Field, refused.Message));
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused()
    {
        // Built here rather than given as theory data, which would turn them into replacement characters.
        foreach (var name in new[] { "Half " + '\ud800' + " a character", '\udc00'.ToString(), "Reversed " + '\udc00' + '\ud800' })
        {
            var refused = Assert.Throws<RuleViolation>(() => new Team(Guid.NewGuid(), Guid.NewGuid(), name, null));
            Assert.Equal("Team name must not contain half of a surrogate pair (an incomplete character)", refused.Message);
        }
    }

    [Theory]
    [InlineData("Waste \U0001F5D1\uFE0F and recycling")]
    [InlineData("Caf\u00e9 e\u0301\u0301")]
    [InlineData("\u200f\u05e9\u05dc\u05d5\u05dd")]
    [InlineData("Line one\r\nline two\tand a tab")]
    public void Emoji_accents_right_to_left_text_and_line_breaks_are_text(string text) =>
        Assert.Equal(text, Text.Required(text, 200, "field", "a value"));

    [Property]
    public Property Text_the_rule_accepts_holds_no_control_character_but_tab_and_line_breaks(NonNull<string> text) =>
        (Text.ForbiddenCharacter(text.Get) is not null
         || text.Get.All(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')).ToProperty();

    [Fact]
    public void Dates_outside_1900_to_2100_are_refused_by_every_record_that_takes_one()
    {
        var team = Guid.NewGuid();
        var outcome = Assert.Throws<RuleViolation>(() =>
            new Outcome(Guid.NewGuid(), Guid.NewGuid(), team, "T", "U", "D", new DateOnly(9999, 12, 31), null, Visibility.Organisation, DateTimeOffset.UnixEpoch));
        Assert.Equal(("targetDate", "The target date must be between 1 January 1900 and 31 December 2100"), (outcome.Field, outcome.Message));

        var campaign = Assert.Throws<RuleViolation>(() =>
            new Campaign(Guid.NewGuid(), Guid.NewGuid(), "Pulse", Guid.NewGuid(), DateOnly.MinValue, new DateOnly(2027, 1, 1), DateTimeOffset.UnixEpoch));
        Assert.Equal("opensOn", campaign.Field);

        var settings = new StepSettings(Guid.NewGuid());
        Assert.Equal("holidays", Assert.Throws<RuleViolation>(() => settings.SetHolidays([new DateOnly(2026, 12, 25), DateOnly.MaxValue])).Field);
        settings.SetHolidays([DateRules.Earliest, DateRules.Latest]);
    }

    [Fact]
    public void Working_days_over_the_whole_calendar_are_counted_without_overflowing()
    {
        // Walking day by day from 1 January 0001 overflowed on 31 December 9999, after millions of steps.
        var days = TimeBox.WorkingDays(DateOnly.MinValue, DateOnly.MaxValue, new HashSet<DateOnly> { new(2026, 12, 25), new(2026, 12, 26) });
        var calendarDays = DateOnly.MaxValue.DayNumber - DateOnly.MinValue.DayNumber + 1;
        // 1 January 0001 is a Monday; 3,652,059 days are 521,722 whole weeks and 5 weekdays; 25 December 2026 is a Friday.
        Assert.Equal(3_652_059, calendarDays);
        Assert.Equal((521_722 * 5) + 5 - 1, days);
    }

    [Property]
    public Property Counting_working_days_agrees_with_walking_every_day(int offset, PositiveInt length, int[] holidayOffsets)
    {
        var start = new DateOnly(2026, 1, 1).AddDays(offset % 3000);
        var due = start.AddDays(length.Get % 100);
        var holidays = holidayOffsets.Select(h => start.AddDays(((h % 120) + 120) % 120 - 10)).ToHashSet();
        var walked = 0;
        for (var day = start; day <= due; day = day.AddDays(1))
        {
            walked += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day) ? 0 : 1;
        }

        return (TimeBox.WorkingDays(start, due, holidays) == walked).ToProperty();
    }
}
