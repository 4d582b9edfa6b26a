using PeerMentor.Domain.Matching;

namespace PeerMentor.Tests.Domain.Matching;

internal sealed record Instance(StudentExperience[] Students, MentorGroup[] Mentors, ForbiddenPair[] Forbidden)
{
    public int MaxExperience => Students.Length == 0 ? 0 : Students.Max(s => s.ExperienceYears);

    public MentorGroup Mentor(string id) => Mentors.Single(m => m.Id == id);
}

/// <summary>Seeded random programs for the property tests; the same seed always builds the same program.</summary>
internal static class RandomInstances
{
    public enum Capacity { Ample, Tight, Short }

    /// <param name="capacity">Ample: every mentor could take every student. Tight: free places add up to the
    /// number of students. Short: some students cannot be placed.</param>
    public static Instance Create(Random random, int students, int mentors, Capacity capacity = Capacity.Ample,
        bool withCurrentStudents = false, double forbiddenShare = 0, int maxExperience = 15)
    {
        var current = Enumerable.Range(0, mentors)
            .Select(j => withCurrentStudents
                ? Enumerable.Range(0, random.Next(0, 3)).Select(k => new StudentExperience($"c{j}-{k}", random.Next(0, maxExperience + 1))).ToArray()
                : [])
            .ToArray();
        var free = capacity == Capacity.Ample ? Enumerable.Repeat(students, mentors).ToArray() : SplitPlaces(random, students, mentors, capacity);
        var mentorGroups = Enumerable.Range(0, mentors).Select(j => new MentorGroup($"m{j}", current[j].Length + free[j], current[j])).ToArray();
        var newStudents = Enumerable.Range(0, students).Select(i => new StudentExperience($"s{i}", random.Next(0, maxExperience + 1))).ToArray();
        var forbidden = newStudents
            .SelectMany(s => mentorGroups.Select(m => new ForbiddenPair(s.Id, m.Id)))
            .Where(_ => random.NextDouble() < forbiddenShare)
            .ToArray();
        return new Instance(newStudents, mentorGroups, forbidden);
    }

    private static int[] SplitPlaces(Random random, int students, int mentors, Capacity capacity)
    {
        var places = capacity == Capacity.Tight ? students : random.Next(0, students);
        var free = new int[mentors];
        for (var p = 0; p < places; p++) free[random.Next(mentors)]++;
        return free;
    }
}
