using Waypoint.Core.Organisations;
using Waypoint.Core.Steps;

namespace Waypoint.Features.Demo;

/// <summary>
/// About sixty steps over Anytown's two years: most went through the gate within appetite, a few were signed off,
/// one was declined; each closed step has its learning; a few recent ones are overdue, and a few long ones ran
/// with a leader's override. Each idea is tried small first (a pilot), then more widely.
/// </summary>
internal static class DemoSteps
{
    private sealed record Idea(string Outcome, string Indicator, string Title, string Change, string Effect, string Because, string Category, int Likelihood, int Impact, Reversibility Reversibility, string Learned, string Next);

    private static readonly Idea[] Ideas =
    [
        new("Most missed-bin reports are made online", "Missed-bin reports made online", "Report a missed bin from the collection-day text", "add a link to the missed-bin form in the text residents get the evening before collection", "online reports rise by about 5 points", "people who are already on their phone report there and then", "Technology", 2, 2, Reversibility.Reversible,
            "Residents used the link the morning after collection; few needed the phone.", "Ask the crews to confirm the round is finished before the link is sent."),
        new("Most missed-bin reports are made online", "Missed-bin reports made online", "Plain-English missed-bin form", "rewrite the form in plain English and cut it from nine questions to four", "online reports rise by about 3 points", "half of those who start the form give up at the address question", "Reputational", 1, 2, Reversibility.Reversible,
            "Completion rose from 52 % to 81 % in usability sessions and on live.", "Use the same address finder on every form."),
        new("Most missed-bin reports are made online", "Missed bins put right within 2 working days", "Send reports straight to the crew tablets", "send each online report to the crew's tablet instead of the back office inbox", "bins put right within two days rise by 10 points", "reports wait a day in the inbox before anyone reads them", "Operations", 3, 3, Reversibility.Costly,
            "Crews picked up most reports the same day; a few tablets lost signal in the north of the borough.", "Fall back to the inbox when a tablet has not synced for an hour."),
        new("Fewer missed collections", "Missed collections per 100,000", "Photo of the bin at the kerb", "ask crews to photograph bins they cannot empty", "missed collections fall by about 5 per 100,000", "disputes take longer to settle than the collection itself", "Information", 3, 3, Reversibility.Reversible,
            "Photos ended most disputes on the first call; we kept them only 30 days.", "Publish how long we keep photos in the privacy notice."),
        new("Fewer missed collections", "Missed collections per 100,000", "Re-plan the three longest rounds", "re-plan the three longest rounds with the crews who drive them", "missed collections fall by about 8 per 100,000", "the longest rounds miss the most bins late in the day", "Operations", 3, 4, Reversibility.Costly,
            "Two of three rounds improved; the third crosses the ring road at rush hour.", "Start the third round an hour earlier."),
        new("Recycle half of household waste", "Household waste recycled", "Food caddy liners by request", "let residents ask for free caddy liners online", "recycling rises by about 1 point", "residents told us the caddy is messy without liners", "Financial", 2, 2, Reversibility.Reversible,
            "Requests came from 9 % of households; food waste tonnage rose in those streets.", "Deliver liners with the calendar once a year."),
        new("Recycle half of household waste", "Household waste recycled", "What goes in which bin, on the bin lid", "put a sticker on every bin lid saying what goes in it", "recycling rises by about 2 points", "contamination is highest where people guess", "Reputational", 2, 1, Reversibility.Reversible,
            "Contamination fell in the pilot wards; the stickers peeled in the rain.", "Buy the weatherproof stickers."),
        new("Routine repairs done within 20 days", "Days to complete a routine repair", "Book the repair slot while reporting it", "let tenants choose a repair slot at the end of the online report", "routine repairs take about 4 days less", "a third of repair time is spent arranging access", "Technology", 3, 3, Reversibility.Costly,
            "Tenants chose slots, but the contractor's calendar was wrong one day in five.", "Read the calendar from the contractor's system, not a spreadsheet."),
        new("Routine repairs done within 20 days", "Repairs fixed at the first visit", "Photo of the problem with the report", "ask for a photo of the problem when a tenant reports a repair", "first-visit fixes rise by about 8 points", "operatives arrive without the right part", "Information", 2, 3, Reversibility.Reversible,
            "Photos came with 60 % of reports; the right part arrived far more often.", "Show the photo to the operative on their phone."),
        new("Routine repairs done within 20 days", "Days to complete a routine repair", "Same-day triage by a surveyor", "have a surveyor triage every new report on the day it arrives", "routine repairs take about 3 days less", "reports wait in a queue before anyone decides who should go", "People", 2, 2, Reversibility.Reversible,
            "Triage on the day worked while one surveyor had time; it did not survive sickness.", "Train two more people to triage."),
        new("Tenants stay satisfied with repairs", "Tenants satisfied with their repair", "Text when the operative is on the way", "text tenants when the operative sets off", "satisfaction stays within the band", "waiting in all day is the top complaint", "Technology", 1, 2, Reversibility.Reversible,
            "Complaints about waiting fell; satisfaction held.", "Add the operative's first name to the text."),
        new("Parking permits online from start to finish", "Parking permits issued without a phone call", "Check residency against Council Tax records", "check an applicant's address against Council Tax instead of asking for two documents", "permits without a call rise by about 15 points", "uploading documents is where most people give up and phone", "Information", 4, 4, Reversibility.Costly,
            "Nine in ten applicants matched automatically; the data protection officer agreed the purpose.", "Record the lawful basis in the service's privacy notice."),
        new("Parking permits online from start to finish", "Days to receive a parking permit", "Virtual permits linked to the number plate", "issue permits as records linked to the number plate instead of paper", "days to receive a permit fall to one", "posting paper permits takes most of the time", "Legal", 2, 4, Reversibility.Irreversible,
            "Enforcement officers read plates without trouble; a few residents wanted paper for their records.", "Offer a printable confirmation."),
        new("Parking permits online from start to finish", "Parking permits issued without a phone call", "Visitor permits by the hour", "let residents buy visitor permits by the hour online", "calls about visitor permits fall by half", "most calls are about visitors staying a few hours", "Commercial", 2, 2, Reversibility.Reversible,
            "Hourly permits sold well; calls fell by 40 %.", "Let carers have a free allowance."),
        new("More Council Tax payers on Direct Debit", "Council Tax payers on Direct Debit", "Direct Debit offered on the bill", "print a QR code and short link to set up Direct Debit on every bill", "Direct Debit payers rise by about 3 points", "people look at the bill when they think about paying", "Financial", 1, 2, Reversibility.Reversible,
            "Sign-ups peaked in the two weeks after bills went out.", "Send a reminder with the first instalment."),
        new("More Council Tax payers on Direct Debit", "Calls about Council Tax", "Choose your payment date", "let payers choose the date their Direct Debit is taken", "calls about Council Tax fall by about 500 a month", "many calls ask to move the payment date to payday", "Financial", 2, 3, Reversibility.Costly,
            "Calls about dates nearly stopped; collection stayed steady.", "Offer the 1st, 8th, 15th and 22nd only, to keep reconciliation simple."),
        new("Keep Council Tax collection steady through the change", "Council Tax collected in year", "Gentle reminder before the formal notice", "send a friendly text a week before a formal reminder", "collection stays within the band", "most late payers forgot rather than could not pay", "Reputational", 2, 2, Reversibility.Reversible,
            "Fewer formal reminders went out; collection held.", "Link to help for people who cannot pay."),
        new("Double library e-loans", "Library e-loans a month", "E-loans on the library home page", "put the e-book catalogue on the library home page", "e-loans rise by about 10 %", "members do not know e-loans exist", "Commercial", 2, 1, Reversibility.Reversible,
            "Clicks rose but loans barely moved: the supplier's app was the obstacle.", "Test the supplier's app with members before we promote it again."),
        new("Double library e-loans", "Library e-loans a month", "Help sessions for the e-book app", "run drop-in help sessions for the e-book app in two branches", "e-loans rise by about 5 %", "members told us the app is hard to set up", "People", 1, 1, Reversibility.Reversible,
            "Those who came borrowed; too few came to move the total.", "Record a short video instead."),
        new("More people use their library", "Active library members", "Join the library online", "let residents join the library online with a digital card", "active members rise by about 300", "joining needs a visit with proof of address", "Information", 2, 3, Reversibility.Costly,
            "New members joined online at weekends, when branches are shut.", "Send a welcome email with what the card can do."),
        new("Planning decisions on time", "Planning applications invalid on arrival", "Check an application before it is sent", "show applicants what is missing before they submit", "invalid applications fall by about 10 points", "most invalid applications miss one of three documents", "Technology", 2, 2, Reversibility.Reversible,
            "Agents liked it; householders still missed the site plan.", "Explain the site plan with a picture."),
        new("Planning decisions on time", "Planning applications decided in time", "Weekly look at cases close to their date", "meet for 15 minutes each week about cases within ten days of their date", "decisions in time rise by about 5 points", "late cases are spotted only after they are late", "Governance", 1, 2, Reversibility.Reversible,
            "The meeting caught cases early but did not add officer time, so little moved.", "Ask the service manager for a second case officer."),
        new("Calls answered within a minute", "Calls answered within 60 seconds", "Call-back instead of queueing", "offer a call-back when the queue is longer than two minutes", "calls answered within a minute rise by about 8 points", "queues bunch at nine and at lunchtime", "Technology", 3, 2, Reversibility.Reversible,
            "Call-backs smoothed the peaks; one in ten people did not answer the call-back.", "Text before calling back."),
        new("Calls answered within a minute", "Web chat satisfaction", "Web chat on the Council Tax pages", "open web chat on the Council Tax pages during office hours", "chat satisfaction stays within the band", "Council Tax questions are short and suit chat", "People", 2, 2, Reversibility.Reversible,
            "Chat answered quick questions well; satisfaction held.", "Extend chat to the evening on bill weeks."),
        new("Every service has a tested online route", "Services with a user-tested online route", "Test the repairs route with tenants", "test the repairs reporting route with eight tenants, two of them using screen readers", "one more service has a tested route", "we have never watched tenants use it", "Reputational", 1, 2, Reversibility.Reversible,
            "Screen reader users could not pass the photo step; fixed before launch.", "Test every route with assistive technology before it is called tested."),
        new("Every service has a tested online route", "Open accessibility issues on the website", "Fix colour contrast across the site", "fix the colour contrast of links and buttons across the website", "open accessibility issues fall by about 30", "contrast is the most common issue in the audit", "Reputational", 1, 1, Reversibility.Reversible,
            "The audit tool's count fell by 34.", "Check contrast in the design system, not page by page."),
        new("Every service has a tested online route", "Open accessibility issues on the website", "Move old PDFs to web pages", "turn the twenty most-read PDFs into web pages", "open accessibility issues fall by about 20", "PDFs make up most of the issues that remain", "Legal", 2, 2, Reversibility.Reversible,
            "Twenty PDFs became pages; readers stayed on the pages longer.", "Ask services to publish new guidance as pages."),
        new("Every service has a tested online route", "Services with a user-tested online route", "Councillor walk-through of the new routes", "walk councillors through each new route before it launches", "routes launch with fewer late changes", "late changes come from questions councillors hear from residents", "Governance", 1, 1, Reversibility.Reversible,
            "Councillors raised two questions residents ask that no one had tested.", "Invite councillors to research sessions, not only walk-throughs."),
        new("Routine repairs done within 20 days", "Repairs fixed at the first visit", "Van stock matched to common repairs", "stock each van with the parts for the twenty most common repairs", "first-visit fixes rise by about 6 points", "a missing part is the main reason for a second visit", "Financial", 3, 3, Reversibility.Costly,
            "First-visit fixes rose, but stock cost more than planned.", "Review the stock list every quarter."),
        new("Fewer missed collections", "Missed collections per 100,000", "Tell residents about road closures the day before", "text streets affected by road works that collection may move", "missed collections fall by about 3 per 100,000", "road works cause a tenth of missed collections", "Reputational", 2, 2, Reversibility.Reversible,
            "Residents left bins out for the moved day; misses in those streets fell.", "Get road works notices from highways automatically."),
    ];

    private static readonly string[][] Owners =
    [
        ["member@anytown.example"],
        ["designer@anytown.example"],
        ["member@anytown.example", "designer@anytown.example"],
        ["leader@anytown.example"],
        ["designer@anytown.example", "leader@anytown.example"],
    ];

    /// <summary>Anytown's appetite: open to trying things, careful with people's information and security.</summary>
    public static readonly (string Category, AppetiteLevel Level)[] Appetites =
    [
        ("Commercial", AppetiteLevel.Cautious), ("Financial", AppetiteLevel.Cautious), ("Governance", AppetiteLevel.Cautious),
        ("Information", AppetiteLevel.Minimal), ("Legal", AppetiteLevel.Minimal), ("Operations", AppetiteLevel.Open),
        ("People", AppetiteLevel.Open), ("Project", AppetiteLevel.Open), ("Property", AppetiteLevel.Cautious),
        ("Reputational", AppetiteLevel.Cautious), ("Security", AppetiteLevel.Averse), ("Strategy", AppetiteLevel.Open),
        ("Technology", AppetiteLevel.Open),
    ];

    /// <summary>Bank holidays in England and Wales around the demo's two years.</summary>
    public static readonly DateOnly[] Holidays =
    [
        new(2024, 12, 25), new(2024, 12, 26),
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
    ];

    /// <param name="valueOn">An indicator's latest value on or before a date, for the movement Waypoint records with learning.</param>
    /// <param name="outcomeOpen">Whether an outcome still takes new steps; steps on resolved outcomes all ended before they resolved.</param>
    public static IEnumerable<object> Create(Guid organisationId, Func<string, Guid> idFor, DateTimeOffset now, Func<Guid, DateOnly, decimal?> valueOn, Func<Guid, bool> outcomeOpen)
    {
        // The demo councils keep the default time zone, so their today is London's.
        var today = OrganisationTime.Today(Organisation.DefaultTimeZone, now);
        var random = new Random(4242);
        var settings = new StepSettings(organisationId);
        settings.SetHolidays(Holidays);
        yield return settings;
        foreach (var (category, level) in Appetites)
        {
            yield return new RiskAppetite(organisationId, category, level);
        }

        var appetite = Appetites.ToDictionary(a => a.Category, a => a.Level, StringComparer.Ordinal);
        var calendar = settings.Calendar;
        var leader = idFor("leader@anytown.example");
        var admin = idFor("admin@anytown.example");

        // Pilots first, then the wider trials; step n starts about 12 days after step n - 1, ending near today.
        // Ideas taken in a spread order (7 and 30 share no factor), so every team has steps throughout the two years.
        var spread = Enumerable.Range(0, Ideas.Length).Select(k => Ideas[k * 7 % Ideas.Length]).ToList();
        var plan = spread.Select((idea, i) => (idea, Wider: false, Order: i * 2))
            .Concat(spread.Select((idea, i) => (idea, Wider: true, Order: (i * 2) + 1)))
            .OrderBy(p => p.Order % 2 == 0 ? p.Order : p.Order + 14)
            .ToList();
        var firstMonday = Monday(today.AddDays(-12 * (plan.Count - 5)));
        var declinedOne = false;
        for (var n = 0; n < plan.Count; n++)
        {
            var (idea, wider, _) = plan[n];
            var outcomeId = idFor($"anytown/outcome/{idea.Outcome}");
            var fromEnd = plan.Count - n;
            // The last seven are still open (on outcomes that are still open): two ideas, one waiting at the gate,
            // the rest in progress, most of them past their due date. The rest closed.
            var open = fromEnd <= 7 && outcomeOpen(outcomeId);
            var start = !open ? Monday(firstMonday.AddDays(12 * n)).AddDays(random.Next(0, 3))
                : fromEnd switch { <= 2 => today.AddDays(7 + fromEnd), 3 => today.AddDays(3), 4 => today.AddDays(-4), _ => Monday(today.AddDays(-10 - (4 * fromEnd))) };
            var longer = n is 9 or 27 or 44;
            var due = WorkingDaysFrom(start, longer ? 14 : 5 + random.Next(0, 6), calendar.Holidays);
            var owners = Owners[n % Owners.Length].Select(idFor).ToList();
            var title = wider ? $"{idea.Title}: across the borough" : $"{idea.Title}: pilot";
            var step = new Step(idFor($"anytown/step/{title}"), organisationId, outcomeId,
                new StepPlan(title, idea.Change, idFor($"anytown/indicator/{idea.Indicator}"), idea.Effect, idea.Because, owners, start, due,
                    longer ? new BoxOverride(leader, "The supplier can only change the system in a three-week release; splitting it would not be smaller, only slower") : null),
                calendar, new DateTimeOffset(start.AddDays(-7).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));

            if (open && fromEnd <= 2)
            {
                yield return step;
                continue;
            }

            var readyOn = DateOnly.FromDayNumber(Math.Min(start.AddDays(-random.Next(1, 5)).DayNumber, today.DayNumber));
            step.MoveTo(StepStatus.Ready, readyOn);
            var waiting = open && fromEnd == 3;
            var likelihood = waiting ? 4 : Math.Clamp(idea.Likelihood + (wider ? 1 : 0), 1, 5);
            var risk = RiskAssessment.Create(waiting ? "Information" : idea.Category, likelihood, waiting ? 4 : idea.Impact, idea.Reversibility, wider ? "Rolled out ward by ward, with the pilot's fixes in place" : "One ward or one team first, easy to switch off");
            var at = new DateTimeOffset(readyOn.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
            var decision = step.Assess(risk, appetite[risk.Category], settings.Scale, at);
            var signer = owners.Contains(leader) ? admin : leader;
            if (decision == GateDecision.NeedsSignOff)
            {
                if (waiting)
                {
                    // Waiting for a sign-off now.
                    yield return step;
                    continue;
                }

                if (!declinedOne && wider)
                {
                    declinedOne = true;
                    step.Decide(signer, false, "Not across the borough yet: the pilot's data sharing agreement does not cover every ward. Try again once it does.", at.AddDays(1));
                    foreach (var item in Close(step, StepStatus.Stopped, readyOn.AddDays(2), "The step was declined at the risk gate before it started.",
                                 "The leader's decision and the data sharing agreement.", "Extend the data sharing agreement, then propose the step again.", organisationId, idFor, at, valueOn))
                    {
                        yield return item;
                    }

                    continue;
                }

                step.Decide(signer, true, "Approved: the mitigations keep the worst case small, and we learn a lot from it.", at.AddDays(1));
            }

            step.MoveTo(StepStatus.Doing, start);
            if (open)
            {
                // In progress; a couple are already past their due date.
                yield return step;
                continue;
            }

            var slip = random.Next(0, 10) < 8 ? -random.Next(0, 3) : random.Next(2, 6);
            var finished = due.AddDays(slip);
            var stopped = n % 11 == 7;
            foreach (var item in Close(step, stopped ? StepStatus.Stopped : StepStatus.Done, finished, idea.Learned,
                         $"Figures from the {idea.Indicator.ToLowerInvariant()} report for the step's dates; notes from the team's show and tell.", idea.Next, organisationId, idFor, at, valueOn))
            {
                yield return item;
            }

            // Afterwards: most risks did not happen; operations and technology risks happened more than assessed.
            // The owners of the most recently finished steps have not said yet.
            if (fromEnd <= 12)
            {
                continue;
            }

            var happened = idea.Category is "Operations" or "Technology" ? random.Next(0, 10) < 8 : random.Next(0, 10) < 1;
            step.RecordAftermath(happened, happened ? Math.Max(1, idea.Impact - 1) : null);
        }
    }

    private static IEnumerable<object> Close(Step step, StepStatus how, DateOnly on, string whatHappened, string evidence, string next, Guid organisationId, Func<string, Guid> idFor, DateTimeOffset at, Func<Guid, DateOnly, decimal?> valueOn)
    {
        var author = step.Owners[0];
        var written = new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
        var learning = new Learning(idFor($"anytown/learning/{step.Title}"), organisationId, step.Id, author, written);
        learning.Write(whatHappened, evidence, next, isPublic: step.Title.Length % 4 != 0, valueOn(step.IndicatorId, step.StartDate), valueOn(step.IndicatorId, on), author, written > at ? written : at);
        step.RecordLearning();
        step.MoveTo(how, on);
        yield return step;
        yield return learning;
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The date on which a step starting on <paramref name="start"/> has used <paramref name="days"/> working days.</summary>
    private static DateOnly WorkingDaysFrom(DateOnly start, int days, IReadOnlySet<DateOnly> holidays)
    {
        var due = start;
        while (TimeBox.WorkingDays(start, due, holidays) < days)
        {
            due = due.AddDays(1);
        }

        return due;
    }
}
