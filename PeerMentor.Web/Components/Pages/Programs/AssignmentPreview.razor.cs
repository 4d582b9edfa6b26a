using System.Globalization;
using Microsoft.AspNetCore.Components;
using PeerMentor.Domain;
using PeerMentor.Domain.Matching;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class AssignmentPreview
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Parameter, EditorRequired] public AssignmentResult Plan { get; set; } = default!;
    [Parameter] public EventCallback<AssignmentResult> PlanChanged { get; set; }
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string> Names { get; set; } = default!;
    /// <summary>Years of experience by student id.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, int> Experience { get; set; } = default!;
    /// <summary>How many students each mentor takes, by mentor id.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, int> Capacities { get; set; } = default!;
    /// <summary>Moves a student to a mentor in the plan (checked by the domain): the new plan, or a refusal saying why.</summary>
    [Parameter, EditorRequired] public Func<string, string, Task<(Result Result, AssignmentResult? Plan)>> Move { get; set; } = default!;
    [Parameter] public EventCallback OnConfirm { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    /// <summary>True while the page applies the plan: the buttons wait.</summary>
    [Parameter] public bool Busy { get; set; }

    private string? moveMessage;
    private bool moveRefused, moving;
    private AssignmentResult? movedPlan;

    private bool IsOptimal => Plan.Makespan == Plan.LowerBound;
    private bool HasPlacements => Plan.Groups.Any(g => g.NewStudentIds.Count > 0);

    // A plan that did not come from a move here is a fresh preview: the last move's message no longer applies.
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Plan, movedPlan)) moveMessage = null;
    }

    private string Name(string id) => Names.GetValueOrDefault(id) ?? id;

    private int Capacity(string mentorId) => Capacities.GetValueOrDefault(mentorId);

    private bool IsFull(AssignedGroup group) => group.GroupSize >= Capacity(group.MentorId);

    private double Share(AssignedGroup group) => Plan.Makespan == 0 ? 0 : 100.0 * group.TotalExperience / Plan.Makespan;

    private async Task MoveAsync(string studentId, string mentorId)
    {
        moving = true;
        try
        {
            var (result, moved) = await Move(studentId, mentorId);
            if (moved is null)
            {
                (moveMessage, moveRefused) = (result.Summary, true);
                return;
            }
            moveMessage = $"Moved {Name(studentId)} to {Name(mentorId)}. The figures are updated; nothing is saved until you confirm.";
            moveRefused = false;
            movedPlan = moved;
            await PlanChanged.InvokeAsync(moved);
        }
        finally
        {
            moving = false;
        }
    }
}
