using PeerMentor.Domain;

namespace PeerMentor.Web.Components.Account;

public class NewPasswordInput
{
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    public Result Validate()
    {
        var result = Result.Ok();
        if (NewPassword.Length < 12) result.Add(nameof(NewPassword), "Use at least 12 characters.");
        if (ConfirmPassword != NewPassword) result.Add(nameof(ConfirmPassword), "The two passwords are not the same.");
        return result;
    }
}
