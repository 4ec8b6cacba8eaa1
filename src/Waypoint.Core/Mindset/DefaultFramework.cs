namespace Waypoint.Core.Mindset;

/// <summary>The fifteen features of the digital mindset, each with three statements in plain words. Every organisation starts with it.</summary>
public static class DefaultFramework
{
    public const string Name = "The digital mindset";

    public static readonly IReadOnlyList<FeatureDraft> Features =
    [
        new("Understand how technology changes services and processes",
            "Seeing a service as a whole, and how technology can change what it does and how, not only how fast.",
            [
                "I understand how technology could change the way my service works, not just speed it up.",
                "When we change a service, we start from what its users need, not from the current process.",
                "I know which of our services already work well online and which do not.",
            ]),
        new("Lead more, manage less",
            "Leaders set direction and clear the way; teams decide how to get there.",
            [
                "My manager tells me what we are trying to achieve and leaves the how to the team.",
                "I can make decisions about my own work without waiting for approval.",
                "Leaders here spend more time removing obstacles than checking on people.",
            ]),
        new("Take calculated risks",
            "Trying something new when the risk is understood and worth it, and learning from what happens.",
            [
                "I can try a new way of doing things when the risk is understood and small enough.",
                "When something we tried does not work, we learn from it rather than look for someone to blame.",
                "I know how much risk the organisation is willing to take in my area.",
            ]),
        new("Learn and collaborate",
            "Making time to learn, and sharing what we learn across teams.",
            [
                "I have time set aside to learn new skills.",
                "What one team learns is shared with other teams.",
                "I work with people from other teams and services when it helps the work.",
            ]),
        new("Manage by outcomes, not inputs",
            "Judging work by what changes for people, not by hours spent or tasks done.",
            [
                "My work is judged by what it achieves, not by the hours I put in.",
                "I know which outcomes my team is working towards and how they are measured.",
                "We check whether a change made the difference we hoped for.",
            ]),
        new("Flexible about when and where work happens",
            "Work that can be done at any time and place that suits it and the people doing it.",
            [
                "I can choose when and where I work, as long as the work gets done well.",
                "Meetings and decisions do not depend on everyone being in the same room.",
                "People are not judged on how often they are seen in the office.",
            ]),
        new("Treat everyone as a responsible adult",
            "Trusting people to do the right thing and giving them the information to do it.",
            [
                "I am trusted to use my own judgement.",
                "I can get the information I need to do my job without asking permission.",
                "Rules here exist for a clear reason, not because people are not trusted.",
            ]),
        new("Bring service managers into design from the start",
            "The people who run a service shape any change to it from the first day.",
            [
                "Service managers are involved in designing changes from the very beginning.",
                "Digital and service teams agree together what a change should achieve.",
                "The people who run a service sign off what done means for changes to it.",
            ]),
        new("Be comfortable with ambiguity and uncertainty",
            "Getting on with work when not everything is known, and being honest about what is not.",
            [
                "I can start work before every detail is known.",
                "It is fine to say \"we don't know yet\" here.",
                "We treat plans as our best guess and change them when we learn more.",
            ]),
        new("Agile: small quick steps toward a clear end-goal",
            "Working in small pieces that each show something real, toward a goal everyone understands.",
            [
                "We work in small steps that each deliver something we can test.",
                "I know the end-goal that my current work is a step towards.",
                "We can change direction quickly when we learn something new.",
            ]),
        new("Win-win through open standards and open data",
            "Using open standards and publishing data so others can build on our work and we on theirs.",
            [
                "We publish our data openly unless there is a good reason not to.",
                "We choose open standards so we are not tied to one supplier.",
                "We reuse what other councils and public bodies have already built.",
            ]),
        new("Build the right infrastructure",
            "Technology and tools that make the work easier, and that can change as needs change.",
            [
                "The technology I use helps me do my job rather than getting in the way.",
                "Our systems can be changed quickly when a service needs them to.",
                "Our data is in a shape that lets us see how services are doing.",
            ]),
        new("Build the right team; invest in people",
            "The right mix of skills, and real investment in people's growth.",
            [
                "My team has the mix of skills it needs.",
                "I have a development plan that I agreed with my manager.",
                "The organisation invests in training and development for people like me.",
            ]),
        new("Everyone grows a digital mindset; leaders enthuse",
            "Digital ways of working are for everyone, and leaders show the way with enthusiasm.",
            [
                "Our leaders are enthusiastic about digital ways of working.",
                "I am encouraged to suggest better ways of doing things using technology.",
                "I feel confident using digital tools in my work.",
            ]),
        new("Holistic: digital is everyone's business",
            "Digital change is not left to the IT team: every part of the organisation owns it.",
            [
                "Digital change is seen as everyone's job here, not only the IT team's.",
                "Councillors, managers, staff and partners all have a say in how services change.",
                "I understand how my work connects to the rest of the organisation.",
            ]),
    ];

    public static Framework Create(Guid id, Guid organisationId, DateTimeOffset now) => new(id, organisationId, Name, 1, Features, now);
}
