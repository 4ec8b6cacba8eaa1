using Waypoint.Core.Steps;

namespace Waypoint.Features.Steps;

/// <summary>One column of a board: every step with that status counted, the ones shown listed.</summary>
public sealed record BoardColumn(StepStatus Status, int Count, IReadOnlyList<StepView> Shown)
{
    public bool HasMore => Shown.Count < Count;
}

/// <summary>A board of steps for a team or an outcome, as the shared partial draws it.</summary>
public sealed record BoardView(string Slug, string Path, IReadOnlyList<BoardColumn> Columns, bool CanMove, bool ShowAll);

/// <summary>A step's card on a board, or its move buttons on its own page.</summary>
public sealed record StepMoves(Step Step, string Slug, string ReturnTo, bool CanMove, string? Title = null);

/// <summary>
/// Lays steps out by status. Open columns show every step (the work in progress); Done and Stopped show only the
/// latest few, since a board is for what is happening now.
/// </summary>
public static class StepBoard
{
    public const int ClosedShown = 5;

    /// <summary>Where a refused move leaves its reason for the page it returns to.</summary>
    public const string RefusedKey = "StepMoveRefused";

    /// <summary>Where a page leaves a sentence for the next page to show in a notification banner.</summary>
    public const string NoticeKey = "StepNotice";

    public static IReadOnlyList<BoardColumn> Columns(IReadOnlyList<StepView> steps, bool showAll) =>
        Enum.GetValues<StepStatus>().Select(status =>
        {
            var inColumn = steps.Where(s => s.Step.Status == status).ToList();
            if (status is StepStatus.Done or StepStatus.Stopped)
            {
                inColumn = inColumn.OrderByDescending(s => s.Step.FinishedOn).ThenBy(s => s.Step.Title, StringComparer.Ordinal).ToList();
                return new BoardColumn(status, inColumn.Count, showAll ? inColumn : inColumn.Take(ClosedShown).ToList());
            }

            return new BoardColumn(status, inColumn.Count, inColumn);
        }).ToList();

    /// <summary>The moves the step may make now, and the reasons it may not make the others.</summary>
    public static (IReadOnlyList<StepStatus> Allowed, IReadOnlyList<string> Reasons) Moves(Step step)
    {
        var next = Step.NextStatuses(step.Status);
        var allowed = next.Where(n => step.WhyNot(n) is null).ToList();
        var reasons = next.Select(step.WhyNot).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (allowed, reasons);
    }
}
