using Waypoint.Core.Organisations;

namespace Waypoint.Core.Steps;

/// <summary>
/// What a step taught: what happened, the evidence, and what we will do next. Every step ends with one. Waypoint
/// adds the evidence it can compute itself: the step's indicator at its start and at its end.
/// </summary>
public sealed class Learning : ITenantOwned, IVersionedRecord
{
    public const int TextMaxLength = 4000;

    private Learning()
    {
        WhatHappened = string.Empty;
        Evidence = string.Empty;
        NextSteps = string.Empty;
    }

    public Learning(Guid id, Guid organisationId, Guid stepId, Guid authorId, DateTimeOffset at)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        StepId = stepId;
        AuthorId = authorId;
        At = at;
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid StepId { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string WhatHappened { get; private set; }

    /// <summary>Links and figures the owners give.</summary>
    public string Evidence { get; private set; }

    public string NextSteps { get; private set; }

    /// <summary>Shown in the organisation's open data when true.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The indicator's latest value on or before the step's start, as Waypoint found it.</summary>
    public decimal? IndicatorFrom { get; private set; }

    /// <summary>The indicator's latest value on or before the step's end (or today, if sooner).</summary>
    public decimal? IndicatorTo { get; private set; }

    public void Write(string? whatHappened, string? evidence, string? nextSteps, bool isPublic, decimal? indicatorFrom, decimal? indicatorTo, Guid authorId, DateTimeOffset at)
    {
        var what = Text.Required(whatHappened, TextMaxLength, "whatHappened", "what happened");
        var proof = Text.Required(evidence, TextMaxLength, "evidence", "the evidence: links or figures");
        var next = Text.Required(nextSteps, TextMaxLength, "nextSteps", "what you will do next");
        WhatHappened = what;
        Evidence = proof;
        NextSteps = next;
        IsPublic = isPublic;
        IndicatorFrom = indicatorFrom;
        IndicatorTo = indicatorTo;
        AuthorId = authorId;
        At = at;
    }
}
